import { describe, expect, it } from 'vitest';
import {
  computeApplicantResult,
  explainTotal,
  formatPoints,
  parseRational,
  rationalToString,
  type AggregationMethod,
  type ApplicantScores,
  type CycleScoringRules,
  type ExpertItemScore,
} from '../../../shared/domain/scoring';
import { scoredItems } from '../../../shared/domain/frameworks';
import { gbt, readFixture, refusalOf } from './support';

interface Expected {
  items: Record<string, { percent: string; score: string }>;
  categories: Record<string, string>;
  process: string;
  results: string;
  total: string;
  display: string;
  aggregation: AggregationMethod;
}
interface Fixture {
  applicantId: string;
  stageId: string;
  experts: string[];
  items: { itemId: string; points: number; scores: Record<string, number>; consensus: number }[];
  methods: Record<string, Expected>;
  refusals: { rules: CycleScoringRules; key: string; params: Record<string, string | number> }[];
  stageWeights: {
    weights: { stageId: string; weightPercent: number }[];
    documentConsensus: Record<string, number>;
    siteConsensus: Record<string, number>;
    expected: { documentTotal: string; siteTotal: string; total: string; display: string; items: Record<string, { percent: string; score: string }> };
  };
}

const fixture = readFixture<Fixture>('gbt-one-applicant-five-experts.json');

function applicantScores(): ApplicantScores {
  const expertScores: ExpertItemScore[] = fixture.items.flatMap((item) =>
    Object.entries(item.scores).map(([expertId, percent]) => ({ expertId, itemId: item.itemId, percent })),
  );
  const consensus = Object.fromEntries(fixture.items.map((item) => [item.itemId, item.consensus]));
  return { applicantId: fixture.applicantId, stages: [{ stageId: fixture.stageId, expertScores, consensus }] };
}

describe('hand-computed fixture: one applicant, 5 experts, 23 GB/T 19580 items', () => {
  it('covers all 23 scored items in framework order, and 5 experts', () => {
    expect(fixture.items.map((i) => i.itemId)).toEqual(scoredItems(gbt).map((i) => i.id));
    expect(fixture.items.map((i) => i.points)).toEqual(scoredItems(gbt).map((i) => i.points));
    expect(fixture.experts).toHaveLength(5);
    expect(Object.keys(fixture.methods).sort()).toEqual(['consensus', 'mean', 'median', 'trimmedMean1']);
  });

  for (const [name, expected] of Object.entries(fixture.methods)) {
    it(`${name}: every item, category, subtotal and the total match exactly`, () => {
      const result = computeApplicantResult(gbt, applicantScores(), { aggregation: expected.aggregation });
      for (const item of result.items) {
        expect({ itemId: item.itemId, percent: rationalToString(item.percent), score: rationalToString(item.score) }).toEqual({
          itemId: item.itemId,
          ...expected.items[item.itemId],
        });
      }
      expect(Object.fromEntries(result.categories.map((c) => [c.categoryId, rationalToString(c.score)]))).toEqual(expected.categories);
      expect(result.process).toEqual(parseRational(expected.process));
      expect(result.results).toEqual(parseRational(expected.results));
      expect(result.total).toEqual(parseRational(expected.total));
      expect(formatPoints(result.total)).toBe(expected.display);
      expect(result.stageTotals).toEqual([{ stageId: 'site', weightPercent: 100, total: parseRational(expected.total) }]);
      expect(explainTotal(result).params.total).toBe(expected.display);
    });
  }

  for (const refusal of fixture.refusals) {
    it(`refuses ${JSON.stringify(refusal.rules)} naming the item`, () => {
      const payload = refusalOf(() => computeApplicantResult(gbt, applicantScores(), refusal.rules));
      expect(payload.code).toBe('refused');
      expect(payload.key).toBe(refusal.key);
      expect(payload.params).toMatchObject({ ...refusal.params, applicantId: fixture.applicantId, stageId: fixture.stageId });
    });
  }

  it('stage weights 30 % document review + 70 % site visit combine exactly', () => {
    const sw = fixture.stageWeights;
    const scores: ApplicantScores = {
      applicantId: fixture.applicantId,
      stages: [
        { stageId: 'document', expertScores: [], consensus: sw.documentConsensus },
        { stageId: 'site', expertScores: [], consensus: sw.siteConsensus },
      ],
    };
    const result = computeApplicantResult(gbt, scores, { aggregation: { kind: 'consensus' }, stageWeights: sw.weights });
    expect(result.stageTotals.map((s) => [s.stageId, s.weightPercent, rationalToString(s.total)])).toEqual([
      ['document', 30, sw.expected.documentTotal],
      ['site', 70, sw.expected.siteTotal],
    ]);
    expect(rationalToString(result.total)).toBe(sw.expected.total);
    expect(formatPoints(result.total)).toBe(sw.expected.display);
    for (const [itemId, expected] of Object.entries(sw.expected.items)) {
      const item = result.items.find((i) => i.itemId === itemId)!;
      expect({ percent: rationalToString(item.percent), score: rationalToString(item.score) }).toEqual(expected);
    }
    const weighted = explainTotal(result).parts.find((p) => p.key === 'scoring.explain.totalWeighted');
    expect(weighted?.params.terms).toBe('30% × 456.25 + 70% × 536.25');
  });
});
