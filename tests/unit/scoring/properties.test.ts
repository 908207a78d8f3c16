import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoredItems } from '../../../shared/domain/frameworks';
import {
  add,
  compare,
  computeApplicantResult,
  divideInt,
  formatPoints,
  integer,
  multiplyInt,
  rankApplicants,
  rational,
  sum,
  toNumber,
  type AggregationMethod,
  type ApplicantScores,
  type ExpertItemScore,
  type Rational,
} from '../../../shared/domain/scoring';
import { gbt, refusalOf } from './support';

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

const RUNS = { numRuns: 1000 };
const items = scoredItems(gbt);
const percentArb = fc.integer({ min: 0, max: 20 }).map((x) => x * 5);

/** A panel of n experts, each scoring every GB/T item, with a consensus per item. */
const panelArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    percents: fc.array(fc.array(percentArb, { minLength: n, maxLength: n }), { minLength: items.length, maxLength: items.length }),
    consensus: fc.array(percentArb, { minLength: items.length, maxLength: items.length }),
    trim: fc.integer({ min: 0, max: Math.floor((n - 1) / 2) }),
  }),
);
type Panel = { n: number; percents: number[][]; consensus: number[]; trim: number };

function scoresOf(panel: Panel, applicantId = 'A'): ApplicantScores {
  const expertScores: ExpertItemScore[] = [];
  items.forEach((item, i) => panel.percents[i]!.forEach((percent, e) => expertScores.push({ expertId: `E${e}`, itemId: item.id, percent })));
  const consensus = Object.fromEntries(items.map((item, i) => [item.id, panel.consensus[i]!]));
  return { applicantId, stages: [{ stageId: 's', expertScores, consensus }] };
}

const methodArb = (trim: number): fc.Arbitrary<AggregationMethod> =>
  fc.constantFrom<AggregationMethod>({ kind: 'consensus' }, { kind: 'mean' }, { kind: 'median' }, { kind: 'trimmedMean', trim });

describe('scoring properties (fast-check, 1000 runs each)', () => {
  it('the total equals the sum of the item scores, of the categories, and process + results', () => {
    fc.assert(
      fc.property(panelArb.chain((p) => fc.tuple(fc.constant(p), methodArb(p.trim))), ([panel, method]) => {
        const result = computeApplicantResult(gbt, scoresOf(panel), { aggregation: method });
        expect(result.total).toEqual(sum(result.items.map((i) => i.score)));
        expect(result.total).toEqual(sum(result.categories.map((c) => c.score)));
        expect(result.total).toEqual(add(result.process, result.results));
        for (const item of result.items) expect(item.score).toEqual(multiplyInt(item.percent, item.points));
        expect(compare(result.total, integer(100_000))).toBeLessThanOrEqual(0);
        expect(compare(result.total, integer(0))).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it('the result does not depend on the order the expert scores come in', () => {
    const arb = panelArb.chain((p) =>
      fc.tuple(fc.constant(p), methodArb(p.trim), fc.array(fc.double({ noNaN: true }), { minLength: p.n * items.length, maxLength: p.n * items.length })),
    );
    fc.assert(
      fc.property(arb, ([panel, method, keys]) => {
        const scores = scoresOf(panel);
        const stage = scores.stages[0]!;
        const shuffled = stage.expertScores
          .map((entry, i) => ({ entry, key: keys[i]! }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.entry);
        const a = computeApplicantResult(gbt, scores, { aggregation: method });
        const b = computeApplicantResult(gbt, { ...scores, stages: [{ ...stage, expertScores: shuffled }] }, { aggregation: method });
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('median and trimmed mean lie within [min, max] of the experts, item by item', () => {
    fc.assert(
      fc.property(panelArb, (panel) => {
        const median = computeApplicantResult(gbt, scoresOf(panel), { aggregation: { kind: 'median' } });
        const trimmed = computeApplicantResult(gbt, scoresOf(panel), { aggregation: { kind: 'trimmedMean', trim: panel.trim } });
        items.forEach((_, i) => {
          const lo = integer(Math.min(...panel.percents[i]!));
          const hi = integer(Math.max(...panel.percents[i]!));
          for (const value of [median.items[i]!.percent, trimmed.items[i]!.percent]) {
            expect(compare(value, lo)).toBeGreaterThanOrEqual(0);
            expect(compare(value, hi)).toBeLessThanOrEqual(0);
          }
        });
      }),
      RUNS,
    );
  });

  it('raising one expert\'s percent never lowers the mean-based total (and raises it strictly)', () => {
    const arb = panelArb.chain((p) =>
      fc.record({
        panel: fc.constant(p),
        item: fc.nat({ max: items.length - 1 }),
        expert: fc.nat({ max: p.n - 1 }),
        steps: fc.integer({ min: 1, max: 20 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ panel, item, expert, steps }) => {
        const before = computeApplicantResult(gbt, scoresOf(panel), { aggregation: { kind: 'mean' } });
        const raised = panel.percents.map((row) => [...row]);
        raised[item]![expert] = Math.min(100, raised[item]![expert]! + steps * 5);
        const after = computeApplicantResult(gbt, scoresOf({ ...panel, percents: raised }), { aggregation: { kind: 'mean' } });
        const grew = raised[item]![expert]! > panel.percents[item]![expert]!;
        expect(compare(after.total, before.total)).toBe(grew ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('ranking agrees with totals: a higher total never ranks worse, equal totals share a rank', () => {
    const totalArb = fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => rational(n, d));
    const fieldArb = fc.array(totalArb, { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fieldArb, (totals) => {
        const ranked = rankApplicants(totals.map((total, i) => ({ applicantId: `A${i}`, total })));
        expect(ranked).toHaveLength(totals.length);
        for (const a of ranked) {
          for (const b of ranked) {
            const c = compare(a.total, b.total);
            if (c > 0) expect(a.rank).toBeLessThan(b.rank);
            if (c === 0) expect(a.rank).toBe(b.rank);
          }
          // competition ranking: rank = 1 + number of strictly higher totals
          expect(a.rank).toBe(1 + ranked.filter((b) => compare(b.total, a.total) > 0).length);
        }
      }),
      RUNS,
    );
  });

  it('stage weighting is exact: total = Σ weight × stage total / 100', () => {
    const arb = fc.tuple(panelArb, panelArb, fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(arb, ([doc, site, w]) => {
        const scores: ApplicantScores = {
          applicantId: 'A',
          stages: [{ ...scoresOf(doc).stages[0]!, stageId: 'doc' }, { ...scoresOf(site).stages[0]!, stageId: 'site' }],
        };
        const result = computeApplicantResult(gbt, scores, {
          aggregation: { kind: 'mean' },
          stageWeights: [
            { stageId: 'doc', weightPercent: w },
            { stageId: 'site', weightPercent: 100 - w },
          ],
        });
        const [d, s] = result.stageTotals;
        expect(result.total).toEqual(divideInt(add(multiplyInt(d!.total, w), multiplyInt(s!.total, 100 - w)), 100));
      }),
      RUNS,
    );
  });

  it('display rounding is within half a hundredth of the exact value and never feeds back', () => {
    const arb = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000 }));
    fc.assert(
      fc.property(arb, ([n, d]) => {
        const value: Rational = rational(n, d);
        const shown = Number(formatPoints(value));
        expect(Math.abs(shown - toNumber(value) / 100)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(formatPoints(value)).toMatch(/^-?\d+\.\d\d$/);
      }),
      RUNS,
    );
  });

  it('rational arithmetic matches exact integer cross-multiplication, in and beyond the safe range', () => {
    const big = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });
    const den = fc.integer({ min: 1, max: 2 ** 20 });
    fc.assert(
      fc.property(big, den, big, den, (an, ad, bn, bd) => {
        const a = rational(an, ad);
        const b = rational(bn, bd);
        // The exact sum, reduced, in bigint: the engine must return it or refuse when it cannot fit.
        let num = BigInt(an) * BigInt(bd) + BigInt(bn) * BigInt(ad);
        let dd = BigInt(ad) * BigInt(bd);
        const g = gcd(num < 0n ? -num : num, dd);
        if (g > 1n) [num, dd] = [num / g, dd / g];
        const fits = (num < 0n ? -num : num) <= BigInt(Number.MAX_SAFE_INTEGER) && dd <= BigInt(Number.MAX_SAFE_INTEGER);
        if (fits) {
          const s = add(a, b);
          expect([BigInt(s.num), BigInt(s.den)]).toEqual(num === 0n ? [0n, 1n] : [num, dd]);
        } else {
          expect(refusalOf(() => add(a, b)).key).toBe('scoring.error.notExact');
        }
        const c = compare(a, b);
        const cross = BigInt(an) * BigInt(bd) - BigInt(bn) * BigInt(ad);
        expect(c).toBe(cross > 0n ? 1 : cross < 0n ? -1 : 0);
      }),
      RUNS,
    );
  });
});
