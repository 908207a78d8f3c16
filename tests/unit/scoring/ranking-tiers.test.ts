import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  explainRank,
  explainTier,
  formatPoints,
  parseRational,
  rankApplicants,
  rationalToString,
  thresholdHundredths,
  type TierRule,
} from '../../../shared/domain/scoring';
import { expectTranslated, readFixture, refusalOf } from './support';

interface Fixture {
  maxPoints: number;
  applicants: { applicantId: string; total: string }[];
  tiers: TierRule[];
  expected: {
    ranks: Record<string, number>;
    thresholds: Record<string, string>;
    tiers: Record<string, { members: string[]; vacant: boolean; overflow: string[]; quotaTie?: { rank: number; applicantIds: string[]; seatsLeft: number } }>;
    tierOf: Record<string, string | null>;
  };
  variantQuota4: { nominationMembers: string[]; tierOf: Record<string, string> };
}

const fixture = readFixture<Fixture>('ranking-tiers.json');
const field = fixture.applicants.map((a) => ({ applicantId: a.applicantId, total: parseRational(a.total) }));

describe('ranking with ties (fixture)', () => {
  const ranked = rankApplicants(field);

  it('uses competition ranking on exact totals', () => {
    expect(Object.fromEntries(ranked.map((r) => [r.applicantId, r.rank]))).toEqual(fixture.expected.ranks);
    expect(ranked.filter((r) => r.rank === 4).map((r) => r.tiedWith)).toEqual([3, 3, 3]);
  });

  it('does not tie totals that only display alike', () => {
    const a2 = ranked.find((r) => r.applicantId === 'A2')!;
    const a3 = ranked.find((r) => r.applicantId === 'A3')!;
    expect(formatPoints(a2.total)).toBe(formatPoints(a3.total));
    expect(a2.rank).toBeLessThan(a3.rank);
  });

  it('is independent of input order for ranks', () => {
    const reversed = rankApplicants([...field].reverse());
    expect(Object.fromEntries(reversed.map((r) => [r.applicantId, r.rank]))).toEqual(fixture.expected.ranks);
  });

  it('explains a plain and a tied rank', () => {
    const plain = explainRank(ranked, 'A7');
    expect(plain.key).toBe('scoring.explain.rank');
    expect(plain.params).toMatchObject({ rank: 7, above: 6, field: 10, total: '556.50' });
    const tied = explainRank(ranked, 'A5');
    expect(tied.key).toBe('scoring.explain.rankTied');
    expect(tied.params).toMatchObject({ rank: 4, tiedWith: 3, above: 3 });
    expect(tied.inputs.map((i) => i.params?.applicantId)).toEqual(['A4', 'A6']);
    expectTranslated(plain.key, plain.params);
    expectTranslated(tied.key, tied.params);
  });
});

describe('tiers (fixture)', () => {
  const ranked = rankApplicants(field);
  const result = assignTiers(ranked, fixture.tiers, fixture.maxPoints);

  it('computes thresholds from points and from % of the maximum', () => {
    expect(Object.fromEntries(result.tiers.map((t) => [t.tierId, rationalToString(t.threshold)]))).toEqual(fixture.expected.thresholds);
  });

  it('fills quotas top-down, leaves a tier nobody reaches vacant, and admits none of a tie straddling a quota', () => {
    for (const tier of result.tiers) {
      const expected = fixture.expected.tiers[tier.tierId]!;
      expect({ members: tier.members, vacant: tier.vacant, overflow: tier.overflow, quotaTie: tier.quotaTie }).toEqual({
        members: expected.members,
        vacant: expected.vacant,
        overflow: expected.overflow,
        quotaTie: expected.quotaTie,
      });
    }
    expect(Object.fromEntries(result.applicants.map((a) => [a.applicantId, a.tierId]))).toEqual(fixture.expected.tierOf);
  });

  it('admits a tied group that fits inside the quota', () => {
    const tiers = fixture.tiers.map((t) => (t.tierId === 'nomination' ? { ...t, quota: 4 } : t));
    const variant = assignTiers(ranked, tiers, fixture.maxPoints);
    expect(variant.tiers.find((t) => t.tierId === 'nomination')!.members).toEqual(fixture.variantQuota4.nominationMembers);
    expect(variant.tiers.find((t) => t.tierId === 'nomination')!.quotaTie).toBeUndefined();
    expect(variant.applicants.find((a) => a.applicantId === 'A7')!.tierId).toBe(fixture.variantQuota4.tierOf.A7);
  });

  it('explains each step that led an applicant to its tier', () => {
    const a5 = explainTier(result, 'A5');
    expect(a5.key).toBe('scoring.explain.tier.result');
    expect(a5.parts.map((p) => [p.key, p.params.tierId])).toEqual([
      ['scoring.explain.tier.belowThreshold', 'special'],
      ['scoring.explain.tier.belowThreshold', 'grand'],
      ['scoring.explain.tier.quotaTie', 'nomination'],
      ['scoring.explain.tier.admitted', 'encouragement'],
    ]);
    expect(a5.parts[2]!.params).toMatchObject({ tied: 3, seatsLeft: 2, rank: 4, quota: 3 });
    const a3 = explainTier(result, 'A3');
    expect(a3.parts.map((p) => p.key)).toEqual([
      'scoring.explain.tier.belowThreshold',
      'scoring.explain.tier.quotaFull',
      'scoring.explain.tier.admittedInQuota',
    ]);
    expect(a3.parts[2]!.params).toMatchObject({ tierId: 'nomination', quota: 3, rank: 3 });
    const a10 = explainTier(result, 'A10');
    expect(a10.key).toBe('scoring.explain.tier.none');
    for (const e of [a5, a3, a10]) {
      expectTranslated(e.key, e.params);
      for (const part of e.parts) expectTranslated(part.key, part.params);
    }
  });
});

describe('tier rules are checked', () => {
  it('converts thresholds exactly, including two decimals', () => {
    expect(thresholdHundredths({ kind: 'points', points: 587.5 }, 1000)).toEqual(parseRational('58750'));
    expect(thresholdHundredths({ kind: 'percentOfMax', percent: 57.5 }, 1000)).toEqual(parseRational('57500'));
    expect(thresholdHundredths({ kind: 'percentOfMax', percent: 60 }, 450)).toEqual(parseRational('27000'));
  });

  it('refuses thresholds with more than two decimals, negative ones, percents above 100, bad quotas and duplicate tiers', () => {
    const ranked = rankApplicants(field);
    const cases: [TierRule[], string][] = [
      [[{ tierId: 'x', threshold: { kind: 'points', points: 600.005 } }], 'scoring.error.tierThresholdInvalid'],
      [[{ tierId: 'x', threshold: { kind: 'points', points: -1 } }], 'scoring.error.tierThresholdInvalid'],
      [[{ tierId: 'x', threshold: { kind: 'percentOfMax', percent: 101 } }], 'scoring.error.tierThresholdInvalid'],
      [[{ tierId: 'x', threshold: { kind: 'points', points: 1 }, quota: 1.5 }], 'scoring.error.quotaInvalid'],
      [
        [
          { tierId: 'x', threshold: { kind: 'points', points: 1 } },
          { tierId: 'x', threshold: { kind: 'points', points: 0 } },
        ],
        'scoring.error.tierDuplicate',
      ],
    ];
    for (const [rules, key] of cases) {
      const payload = refusalOf(() => assignTiers(ranked, rules, 1000));
      expect(payload.key).toBe(key);
      expect(payload.params).toHaveProperty('tierId', 'x');
      expectTranslated(payload.key, payload.params);
    }
  });

  it('a quota of 0 admits nobody and everyone moves on', () => {
    const ranked = rankApplicants(field);
    const result = assignTiers(ranked, [{ tierId: 'closed', threshold: { kind: 'points', points: 0 }, quota: 0 }, { tierId: 'open', threshold: { kind: 'points', points: 0 } }], 1000);
    expect(result.tiers[0]!.vacant).toBe(true);
    expect(result.tiers[1]!.members).toHaveLength(10);
  });
});
