import { describe, expect, it } from 'vitest';
import {
  computeApplicantResult,
  explainCategory,
  explainItem,
  explainSubtotal,
  explainTotal,
  rational,
  type AggregationMethod,
  type ApplicantScores,
  type Explanation,
} from '../../../shared/domain/scoring';
import { expectTranslated, gbt, readFixture, refusalOf } from './support';

interface Fixture {
  items: { itemId: string; scores: Record<string, number>; consensus: number }[];
}
const fixture = readFixture<Fixture>('gbt-one-applicant-five-experts.json');
const scores: ApplicantScores = {
  applicantId: 'APP-1',
  stages: [
    {
      stageId: 'site',
      expertScores: fixture.items.flatMap((item) => Object.entries(item.scores).map(([expertId, percent]) => ({ expertId, itemId: item.itemId, percent }))),
      consensus: Object.fromEntries(fixture.items.map((item) => [item.itemId, item.consensus])),
    },
  ],
};

function walk(e: Explanation, visit: (e: Explanation) => void): void {
  visit(e);
  e.parts.forEach((part) => walk(part, visit));
}

describe('explanations', () => {
  const methods: AggregationMethod[] = [{ kind: 'consensus' }, { kind: 'mean' }, { kind: 'median' }, { kind: 'trimmedMean', trim: 1 }];

  for (const method of methods) {
    it(`${method.kind}: every explanation and input has a text in zh-CN, en and zh-TW with its params`, () => {
      const result = computeApplicantResult(gbt, scores, { aggregation: method });
      const trees = [
        explainTotal(result),
        explainSubtotal(result, 'process'),
        explainSubtotal(result, 'results'),
        ...result.items.map((i) => explainItem(result, i.itemId)),
      ];
      for (const tree of trees) {
        walk(tree, (e) => {
          expectTranslated(e.key, e.params);
          for (const input of e.inputs) expectTranslated(input.key, input.params);
        });
      }
    });
  }

  it('a trimmed-mean item shows the formula, the exact value and which experts were dropped', () => {
    const result = computeApplicantResult(gbt, scores, { aggregation: { kind: 'trimmedMean', trim: 1 } });
    // 4.1.3 (30 points): 65, 55, 60, 35, 60 → drop 35 and 65 → (55 + 60 + 60) / 3 = 175/3 %
    const e = explainItem(result, '4.1.3');
    expect(e.key).toBe('scoring.explain.itemScore');
    expect(e.params).toMatchObject({ points: 30, percent: '58.33', score: '17.50', exact: '1750' });
    const [combined] = e.parts;
    expect(combined!.key).toBe('scoring.explain.percent.trimmedMean');
    expect(combined!.params).toMatchObject({ count: 5, trim: 1, remaining: 3, terms: '55 + 60 + 60', exact: '175/3' });
    expect(combined!.value).toEqual(rational(175, 3));
    expect(combined!.inputs.map((i) => [i.key.split('.').pop(), i.params?.expertId])).toEqual([
      ['expertDropped', 'E4'],
      ['expertPercent', 'E2'],
      ['expertPercent', 'E3'],
      ['expertPercent', 'E5'],
      ['expertDropped', 'E1'],
    ]);
  });

  it('a median item with 4 experts averages the middle two', () => {
    const result = computeApplicantResult(gbt, scores, { aggregation: { kind: 'median' } });
    const [combined] = explainItem(result, '4.4.6').parts;
    expect(combined!.key).toBe('scoring.explain.percent.medianEven');
    expect(combined!.params).toMatchObject({ count: 4, middle: '45, 50', percent: '47.5' });
  });

  it('a category lists its items and their scores', () => {
    const result = computeApplicantResult(gbt, scores, { aggregation: { kind: 'consensus' } });
    const e = explainCategory(result, '4.1');
    expect(e.params).toMatchObject({ categoryId: '4.1', max: 110, items: 3, score: '63.00' });
    expect(e.inputs.map((i) => i.params?.score)).toEqual(['30.00', '18.00', '15.00']);
  });

  it('refuses to explain what is not there', () => {
    const result = computeApplicantResult(gbt, scores, { aggregation: { kind: 'consensus' } });
    expect(refusalOf(() => explainItem(result, '9.9')).code).toBe('notFound');
    expect(refusalOf(() => explainCategory(result, '9')).key).toBe('scoring.error.unknownCategory');
  });
});
