import { describe, expect, it } from 'vitest';
import {
  combineExpertPercents,
  computeApplicantResult,
  formatPercent,
  formatPoints,
  isValidPercent,
  itemScoreHundredths,
  parseRational,
  rational,
  rationalToString,
  resolveScoringRules,
  validatePercent,
  type ApplicantScores,
  type CycleScoringRules,
} from '../../../shared/domain/scoring';
import { expectTranslated, gbt, refusalOf, uniformScores } from './support';

describe('percent and item score', () => {
  it('accepts whole percents on the 5-step scale only', () => {
    for (const ok of [0, 5, 35, 100]) expect(isValidPercent(gbt.scale, ok)).toBe(true);
    for (const bad of [-5, 3, 37.5, 105, Number.NaN, '50', null]) expect(isValidPercent(gbt.scale, bad)).toBe(false);
  });

  it('refuses an invalid percent naming item, expert and the scale', () => {
    const payload = refusalOf(() => validatePercent(gbt.scale, 42, { itemId: '4.1.2', expertId: 'E1', path: 'x.percent' }));
    expect(payload).toMatchObject({
      code: 'validation',
      key: 'scoring.error.percentInvalid',
      params: { itemId: '4.1.2', expertId: 'E1', percent: 42, min: 0, max: 100, step: 5 },
    });
    expect(payload.fields?.[0]?.path).toBe('x.percent');
    expectTranslated(payload.key, payload.params);
  });

  it('holds item scores as integers in hundredths: 15 points × 35 % = 5.25', () => {
    expect(itemScoreHundredths(15, 35)).toBe(525);
    expect(formatPoints(525)).toBe('5.25');
    expect(formatPoints(rational(185_000, 3))).toBe('616.67');
    expect(formatPoints(rational(1, 2))).toBe('0.01'); // half a hundredth rounds up
    expect(formatPoints(rational(-1, 2))).toBe('-0.01');
    expect(formatPoints(0)).toBe('0.00');
    expect(formatPercent(rational(185, 3))).toBe('61.67');
    expect(formatPercent(60)).toBe('60');
    expect(formatPercent(rational(117, 2))).toBe('58.5');
    expect(rationalToString(parseRational('6/4'))).toBe('3/2');
  });
});

describe('combining experts', () => {
  const experts = [
    { expertId: 'B', percent: 70 },
    { expertId: 'A', percent: 50 },
    { expertId: 'C', percent: 60 },
    { expertId: 'D', percent: 65 },
  ];
  const context = { itemId: '4.1.2' };

  it('median of an even panel is the mean of the middle two, exactly', () => {
    const median = combineExpertPercents(experts, { kind: 'median' }, { context });
    expect(median.percent).toEqual(rational(125, 2));
    expect(median.used.map((e) => e.expertId)).toEqual(['C', 'D']);
  });

  it('trimmed mean drops the k highest and k lowest and reports them', () => {
    const trimmed = combineExpertPercents(experts, { kind: 'trimmedMean', trim: 1 }, { context });
    expect(trimmed.percent).toEqual(rational(125, 2));
    expect(trimmed.dropped.map((e) => e.expertId)).toEqual(['A', 'B']);
    expect(trimmed.experts.map((e) => e.percent)).toEqual([50, 60, 65, 70]);
  });

  it('consensus takes the agreed percent and refuses when none is agreed', () => {
    expect(combineExpertPercents(experts, { kind: 'consensus' }, { context, consensus: 55 }).percent).toEqual(rational(55));
    const payload = refusalOf(() => combineExpertPercents(experts, { kind: 'consensus' }, { context }));
    expect(payload.key).toBe('scoring.error.consensusMissing');
    expect(payload.params).toMatchObject({ itemId: '4.1.2' });
  });

  it('refuses an item nobody scored', () => {
    const payload = refusalOf(() => combineExpertPercents([], { kind: 'mean' }, { context }));
    expect(payload).toMatchObject({ code: 'refused', key: 'scoring.error.tooFewExperts', params: { count: 0, minimum: 1 } });
    expectTranslated(payload.key, payload.params);
  });
});

describe('cycle rules and applicant input are checked', () => {
  const invalidRules: [CycleScoringRules, string][] = [
    [{ aggregation: { kind: 'trimmedMean', trim: -1 } }, 'scoring.error.trimInvalid'],
    [{ aggregation: { kind: 'trimmedMean', trim: 1, minRemaining: 0 } }, 'scoring.error.minRemainingInvalid'],
    [{ aggregation: { kind: 'mean' }, minExperts: 0 }, 'scoring.error.minExpertsInvalid'],
    [{ aggregation: { kind: 'mean' }, disagreementThreshold: 120 }, 'scoring.error.thresholdInvalid'],
    [{ aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'a', weightPercent: 30 }, { stageId: 'b', weightPercent: 60 }] }, 'scoring.error.stageWeightsSum'],
    [{ aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'a', weightPercent: 30.5 }, { stageId: 'b', weightPercent: 69.5 }] }, 'scoring.error.stageWeightInvalid'],
    [{ aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'a', weightPercent: 50 }, { stageId: 'a', weightPercent: 50 }] }, 'scoring.error.stageDuplicate'],
  ];
  for (const [rules, key] of invalidRules) {
    it(`refuses rules: ${key}`, () => {
      const payload = refusalOf(() => resolveScoringRules(rules));
      expect(payload.key).toBe(key);
      expectTranslated(payload.key, payload.params);
    });
  }

  it('names the stage weights that do not add up to 100', () => {
    const payload = refusalOf(() =>
      resolveScoringRules({ aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'doc', weightPercent: 30 }, { stageId: 'site', weightPercent: 60 }] }),
    );
    expect(payload.params).toMatchObject({ expected: 100, actual: 90, weights: 'doc=30, site=60' });
  });

  const base = uniformScores('APP', gbt, [60, 65, 70]);
  const mutate = (fn: (s: ApplicantScores) => ApplicantScores) => fn(structuredClone(base) as ApplicantScores);
  const cases: [string, ApplicantScores, CycleScoringRules, string, Record<string, unknown>][] = [
    [
      'an unknown item',
      mutate((s) => ({ ...s, stages: [{ ...s.stages[0]!, expertScores: [...s.stages[0]!.expertScores, { expertId: 'E1', itemId: '4.1.1', percent: 50 }] }] })),
      { aggregation: { kind: 'mean' } },
      'scoring.error.unknownItem',
      { itemId: '4.1.1', applicantId: 'APP', stageId: 'site' },
    ],
    [
      'a percent off the scale',
      mutate((s) => ({ ...s, stages: [{ ...s.stages[0]!, expertScores: s.stages[0]!.expertScores.map((e, i) => (i === 7 ? { ...e, percent: 62 } : e)) }] })),
      { aggregation: { kind: 'mean' } },
      'scoring.error.percentInvalid',
      { percent: 62, applicantId: 'APP', stageId: 'site' },
    ],
    [
      'an expert scoring an item twice',
      mutate((s) => ({ ...s, stages: [{ ...s.stages[0]!, expertScores: [...s.stages[0]!.expertScores, { expertId: 'E2', itemId: '4.7.7', percent: 50 }] }] })),
      { aggregation: { kind: 'mean' } },
      'scoring.error.duplicateScore',
      { itemId: '4.7.7', expertId: 'E2' },
    ],
    ['a missing consensus', base, { aggregation: { kind: 'consensus' } }, 'scoring.error.consensusMissing', { itemId: '4.1.2' }],
    [
      'a consensus off the scale',
      mutate((s) => ({ ...s, stages: [{ ...s.stages[0]!, consensus: { '4.1.2': 101 } }] })),
      { aggregation: { kind: 'consensus' } },
      'scoring.error.percentInvalid',
      { itemId: '4.1.2', percent: 101 },
    ],
    [
      'two stages without weights',
      mutate((s) => ({ ...s, stages: [s.stages[0]!, { ...s.stages[0]!, stageId: 'doc' }] })),
      { aggregation: { kind: 'mean' } },
      'scoring.error.stageWeightsRequired',
      { stages: 'site, doc' },
    ],
    [
      'a weighted stage without scores',
      base,
      { aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'doc', weightPercent: 30 }, { stageId: 'site', weightPercent: 70 }] },
      'scoring.error.stageMissing',
      { stageId: 'doc', weightPercent: 30 },
    ],
    [
      'a stage the cycle does not weigh',
      base,
      { aggregation: { kind: 'mean' }, stageWeights: [{ stageId: 'doc', weightPercent: 100 }] },
      'scoring.error.unknownStage',
      { stageId: 'site' },
    ],
  ];
  for (const [label, scores, rules, key, params] of cases) {
    it(`refuses ${label}`, () => {
      const payload = refusalOf(() => computeApplicantResult(gbt, scores, rules));
      expect(payload.key).toBe(key);
      expect(payload.params).toMatchObject(params);
      expectTranslated(payload.key, payload.params);
    });
  }

  it('a 0 % stage may be absent', () => {
    const result = computeApplicantResult(gbt, base, {
      aggregation: { kind: 'mean' },
      stageWeights: [{ stageId: 'presentation', weightPercent: 0 }, { stageId: 'site', weightPercent: 100 }],
    });
    expect(formatPoints(result.total)).toBe('650.00');
    expect(result.stageTotals.map((s) => s.stageId)).toEqual(['site']);
  });
});
