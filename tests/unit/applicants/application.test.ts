import { describe, expect, it } from 'vitest';
import { applicationCharacterCounts, applicationSchema, characterCount, checkCompleteness } from '../../../shared/domain/application';

const ITEMS = ['4.1.2', '4.1.3', '4.2.2'];

describe('characterCount', () => {
  it('counts code points, so CJK and emoji count once', () => {
    expect(characterCount('卓越绩效')).toBe(4);
    expect(characterCount('质量😀')).toBe(3);
    expect(characterCount('𠀀')).toBe(1);
    expect(characterCount('')).toBe(0);
  });

  it('counts spaces and tabs but not line breaks, whatever their style', () => {
    expect(characterCount('a b\tc')).toBe(5);
    expect(characterCount('第一段\n第二段')).toBe(6);
    expect(characterCount('第一段\r\n第二段')).toBe(6);
    expect(characterCount('a\u2028b\u2029c\u0085d\r')).toBe(4);
  });
});

describe('checkCompleteness', () => {
  const complete = applicationSchema.parse({ profile: '公司概况', narratives: { '4.1.2': '高层领导', '4.1.3': '治理', '4.2.2': '战略' } });

  it('finds nothing wrong in a complete application within the limit', () => {
    expect(checkCompleteness(complete, ITEMS, 30000)).toEqual([]);
    expect(applicationCharacterCounts(complete)).toEqual({ profile: 4, items: { '4.1.2': 4, '4.1.3': 2, '4.2.2': 2 }, total: 12 });
  });

  it('reports a missing profile and missing narratives by item id, in framework order', () => {
    const application = applicationSchema.parse({ profile: '  \n ', narratives: { '4.2.2': '战略', '4.1.3': '' } });
    expect(checkCompleteness(application, ITEMS, null)).toEqual([
      { kind: 'missingProfile', key: 'applicants.completeness.missingProfile' },
      { kind: 'missingNarrative', itemId: '4.1.2', key: 'applicants.completeness.missingNarrative', params: { itemId: '4.1.2' } },
      { kind: 'missingNarrative', itemId: '4.1.3', key: 'applicants.completeness.missingNarrative', params: { itemId: '4.1.3' } },
    ]);
  });

  it('reports narratives for items the framework does not have', () => {
    const application = { ...complete, narratives: { ...complete.narratives, '9.9': 'x' } };
    expect(checkCompleteness(application, ITEMS, null)).toEqual([
      { kind: 'unknownItem', itemId: '9.9', key: 'applicants.completeness.unknownItem', params: { itemId: '9.9' } },
    ]);
  });

  it('accepts exactly the limit and refuses one character more, on the total', () => {
    expect(checkCompleteness(complete, ITEMS, 12)).toEqual([]);
    expect(checkCompleteness(complete, ITEMS, 11)).toEqual([
      { kind: 'overLimit', key: 'applicants.completeness.overLimit', params: { count: 12, limit: 11, excess: 1 } },
    ]);
  });

  it('does not let line breaks push a text over the limit', () => {
    const application = { ...complete, profile: '公司\r\n概况\n' };
    expect(checkCompleteness(application, ITEMS, 12)).toEqual([]);
  });

  it('defaults an empty application to everything missing', () => {
    expect(checkCompleteness(applicationSchema.parse({}), ITEMS, 30000).map((i) => i.kind)).toEqual([
      'missingProfile',
      'missingNarrative',
      'missingNarrative',
      'missingNarrative',
    ]);
  });
});
