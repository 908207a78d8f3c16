import { describe, expect, it } from 'vitest';
import {
  analyseDisagreement,
  explainDisagreement,
  explainSensitivity,
  explainSeverity,
  formatPoints,
  leaveOneExpertOut,
  rational,
  raterSeverity,
  totalSwing,
  type ApplicantScores,
  type CycleScoringRules,
  type StageScores,
} from '../../../shared/domain/scoring';
import { expectTranslated, gbt, readFixture, uniformScores } from './support';

interface Fixture {
  items: { itemId: string; scores: Record<string, number> }[];
}
const fixture = readFixture<Fixture>('gbt-one-applicant-five-experts.json');
const fixtureStage: StageScores = {
  stageId: 'site',
  expertScores: fixture.items.flatMap((item) => Object.entries(item.scores).map(([expertId, percent]) => ({ expertId, itemId: item.itemId, percent }))),
};

describe('disagreement (fixture panel)', () => {
  const report = analyseDisagreement(gbt, fixtureStage);

  it('gives range and population SD per item', () => {
    const item = report.items.find((i) => i.itemId === '4.1.2')!;
    // 60, 65, 55, 70, 45: mean 59, squared deviations 1 + 36 + 16 + 121 + 196 = 370, SD = √(370 / 5) = √74
    expect([item.min, item.max, item.range]).toEqual([45, 70, 25]);
    expect(item.standardDeviation).toBeCloseTo(Math.sqrt(74), 12);
    expect(item.flagged).toBe(true);
    const calm = report.items.find((i) => i.itemId === '4.2.2')!; // pattern 55, 60, 50, 55 … range 10
    expect([calm.range, calm.flagged]).toEqual([10, false]);
    expect(report.items.find((i) => i.itemId === '4.2.3')!.standardDeviation).toBe(0);
  });

  it('orders the consensus agenda by range × item points, ties in framework order', () => {
    // hand-computed: 4.7.2 30×80; 4.7.3 and 4.7.4 25×80; 4.3.3, 4.4.2 (25×60), 4.5.2, 4.7.7 = 1500; …
    expect(report.agenda.map((i) => `${i.itemId}:${i.priority}`)).toEqual([
      '4.7.2:2400',
      '4.7.3:2000',
      '4.7.4:2000',
      '4.3.3:1500',
      '4.4.2:1500',
      '4.5.2:1500',
      '4.7.7:1500',
      '4.1.2:1250',
      '4.5.3:1250',
      '4.3.2:1000',
      '4.6.2:1000',
      '4.1.3:900',
      '4.1.4:750',
      '4.4.4:500',
      '4.4.6:300',
    ]);
  });

  it('takes the threshold from the caller: a range of exactly the threshold is flagged', () => {
    expect(analyseDisagreement(gbt, fixtureStage, { threshold: 30 }).agenda.map((i) => i.itemId)).toEqual(['4.7.2', '4.3.3', '4.5.2', '4.7.7', '4.1.3', '4.4.6']);
    expect(analyseDisagreement(gbt, fixtureStage, { threshold: 10 }).agenda).toHaveLength(20);
  });

  it('explains flagged and agreed items', () => {
    for (const item of report.items) {
      const e = explainDisagreement(item, report.threshold);
      expect(e.key).toBe(item.flagged ? 'scoring.explain.disagreement.flagged' : 'scoring.explain.disagreement.agreed');
      expectTranslated(e.key, e.params);
    }
  });
});

describe('rater severity', () => {
  const applicants: ApplicantScores[] = [
    {
      applicantId: 'X',
      stages: [
        {
          stageId: 's',
          expertScores: [
            { expertId: 'E1', itemId: '4.1.2', percent: 60 },
            { expertId: 'E2', itemId: '4.1.2', percent: 70 },
            { expertId: 'E3', itemId: '4.1.2', percent: 50 },
            { expertId: 'E1', itemId: '4.1.3', percent: 50 },
            { expertId: 'E2', itemId: '4.1.3', percent: 60 },
          ],
          consensus: { '4.1.2': 60, '4.1.3': 55 },
        },
      ],
    },
    {
      applicantId: 'Y',
      stages: [
        {
          stageId: 's',
          expertScores: [
            { expertId: 'E1', itemId: '4.1.2', percent: 40 },
            { expertId: 'E3', itemId: '4.1.2', percent: 50 },
          ],
          consensus: { '4.1.2': 50 },
        },
      ],
    },
  ];

  it('against consensus: mean signed deviation with its count', () => {
    // E1: 0, −5, −10 → −15/3 = −5; E2: +10, +5 → 15/2; E3: −10, 0 → −5
    const report = raterSeverity(gbt, applicants, { aggregation: { kind: 'consensus' } });
    expect(report.basis).toBe('consensus');
    expect(report.experts.map((e) => [e.expertId, e.count, e.meanDeviation])).toEqual([
      ['E1', 3, rational(-5)],
      ['E2', 2, rational(15, 2)],
      ['E3', 2, rational(-5)],
    ]);
    expect(report.normalised).toBeUndefined();
    const [severe, lenient] = [explainSeverity(report.experts[0]!, report.basis), explainSeverity(report.experts[1]!, report.basis)];
    expect([severe.key, lenient.key]).toEqual(['scoring.explain.severity.severe', 'scoring.explain.severity.lenient']);
    expect(severe.params.meanDeviation).toBe('-5');
    expectTranslated(severe.key, severe.params);
  });

  it('against the mean, exactly (a third stays a third)', () => {
    // means: X/4.1.2 60, X/4.1.3 55, Y/4.1.2 45 → E1: 0 − 5 − 5 = −10 over 3; E2: +10 +5 over 2; E3: −10 +5 over 2
    const report = raterSeverity(gbt, applicants, { aggregation: { kind: 'mean' } });
    expect(report.experts.map((e) => e.meanDeviation)).toEqual([rational(-10, 3), rational(15, 2), rational(-5, 2)]);
  });

  it('skips items without a panel result and counts them', () => {
    const missing = structuredClone(applicants) as ApplicantScores[];
    (missing[1]!.stages[0] as { consensus?: Record<string, number> }).consensus = {};
    const report = raterSeverity(gbt, missing, { aggregation: { kind: 'consensus' } });
    expect(report.skipped).toBe(2);
    expect(report.experts.find((e) => e.expertId === 'E1')!.count).toBe(2);
  });

  it('offers a normalised view beside the raw scores', () => {
    const report = raterSeverity(gbt, applicants, { aggregation: { kind: 'consensus' } }, { normalise: true });
    const all = [60, 70, 50, 50, 60, 40, 50];
    const mean = all.reduce((s, v) => s + v, 0) / all.length;
    const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / all.length);
    expect(report.panelMean).toBeCloseTo(mean, 12);
    expect(report.panelStandardDeviation).toBeCloseTo(sd, 12);
    const find = (expertId: string, applicantId: string, itemId: string) =>
      report.normalised!.find((n) => n.expertId === expertId && n.applicantId === applicantId && n.itemId === itemId)!;
    expect(find('E2', 'X', '4.1.2')).toMatchObject({ raw: 70 });
    expect(find('E2', 'X', '4.1.2').normalised).toBeCloseTo(mean + sd * 1, 12); // E2: 70, 60 → mean 65, SD 5, z = 1
    expect(find('E3', 'Y', '4.1.2').normalised).toBeCloseTo(mean, 12); // E3 gave 50 twice: SD 0 → z = 0
    expect(find('E1', 'X', '4.1.2').normalised).toBeCloseTo(mean + sd * (10 / Math.sqrt(200 / 3)), 12);
    expect(report.normalised).toHaveLength(7);
  });
});

describe('leave-one-expert-out sensitivity', () => {
  // Every expert gives every item the same percent, so a total is 1000 × the panel percent (hundredths).
  const applicants = [uniformScores('P', gbt, [70, 60, 50]), uniformScores('Q', gbt, [60, 60, 55]), uniformScores('R', gbt, [55, 55, 55])];
  const rules: CycleScoringRules = {
    aggregation: { kind: 'mean' },
    tiers: [
      { tierId: 'gold', threshold: { kind: 'points', points: 600 } },
      { tierId: 'silver', threshold: { kind: 'points', points: 560 } },
    ],
  };

  it('finds whose absence moves rank or tier, and the range of totals', () => {
    const report = leaveOneExpertOut(gbt, applicants, rules);
    expect(report.experts).toEqual(['E1', 'E2', 'E3']);
    const [p, q, r] = report.applicants;
    // P: 600 (rank 1, gold). Without E1 550 → rank 2 (tied with R), no tier; without E3 650.
    expect(p).toMatchObject({ rankChanges: true, tierChanges: true, changedBy: ['E1'], baseline: { rank: 1, tierId: 'gold' } });
    expect([formatPoints(p!.minTotal), formatPoints(p!.maxTotal), formatPoints(totalSwing(p!))]).toEqual(['550.00', '650.00', '100.00']);
    expect(p!.scenarios.map((s) => [s.expertId, s.rank, s.tierId])).toEqual([
      ['E1', 2, null],
      ['E2', 1, 'gold'],
      ['E3', 1, 'gold'],
    ]);
    // Q: 583.33 (175/3 %) silver. Without E1 or E2: 575; without E3: 600 → gold. Without E1 it ranks 1st.
    expect(q).toMatchObject({ rankChanges: true, tierChanges: true, changedBy: ['E1', 'E3'], baseline: { rank: 2, tierId: 'silver' } });
    expect(formatPoints(q!.baseline.total)).toBe('583.33');
    expect([formatPoints(q!.minTotal), formatPoints(q!.maxTotal)]).toEqual(['575.00', '600.00']);
    // R: 550 whatever happens, no tier; rank 3 becomes a shared 2nd when E1 is left out.
    expect(r).toMatchObject({ rankChanges: true, tierChanges: false, changedBy: ['E1'] });
    expect([formatPoints(r!.minTotal), formatPoints(r!.maxTotal)]).toEqual(['550.00', '550.00']);
    for (const a of report.applicants) {
      const e = explainSensitivity(a);
      expect(e.key).toBe('scoring.explain.sensitivity.changes');
      expectTranslated(e.key, e.params);
      for (const input of e.inputs) expectTranslated(input.key, input.params);
    }
  });

  it('is stable under consensus, which does not depend on who is left out', () => {
    const withConsensus = applicants.map((a, i) => ({
      ...a,
      stages: [{ ...a.stages[0]!, consensus: Object.fromEntries(gbt.categories.flatMap((c) => c.items).map((item) => [item.id, [60, 55, 50][i]!])) }],
    }));
    const report = leaveOneExpertOut(gbt, withConsensus, { ...rules, aggregation: { kind: 'consensus' } });
    for (const a of report.applicants) {
      expect([a.rankChanges, a.tierChanges]).toEqual([false, false]);
      expect(a.minTotal).toEqual(a.baseline.total);
      expect(a.maxTotal).toEqual(a.baseline.total);
      expect(explainSensitivity(a).key).toBe('scoring.explain.sensitivity.stable');
    }
  });

  it('reports scenarios it cannot compute instead of inventing a total', () => {
    const report = leaveOneExpertOut(gbt, applicants, { ...rules, minExperts: 3 });
    for (const a of report.applicants) {
      expect(a.scenarios.every((s) => s.total === null && s.refusal?.key === 'scoring.error.tooFewExperts')).toBe(true);
      expect([a.rankChanges, a.tierChanges]).toEqual([false, false]);
      expect(a.minTotal).toEqual(a.baseline.total);
    }
  });
});
