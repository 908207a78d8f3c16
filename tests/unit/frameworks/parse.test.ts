import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bandFor,
  canonicalFrameworkJson,
  findItem,
  itemsByKind,
  maxPoints,
  maxPointsByKind,
  parseFramework,
  percentChoices,
  scoredItems,
  type Framework,
} from '../../../shared/domain/frameworks';
import { expectTranslated, loadCriteria, refusalOf, root } from '../scoring/support';

const builtIns: [string, string, number, number, number][] = [
  // file, code, items, process points, results points
  ['gb-t-19580-2012.json', 'GB/T 19580', 23, 600, 400],
  ['baldrige-2023-2024.json', 'Baldrige', 17, 550, 450],
  ['efqm-2020.json', 'EFQM', 25, 600, 400], // 23 sub-criteria + criteria 6 and 7 scored whole
];

const raw = (file: string) => JSON.parse(readFileSync(join(root, 'resources', 'criteria', file), 'utf8')) as Record<string, unknown>;

describe('built-in frameworks', () => {
  for (const [file, code, itemCount, process, results] of builtIns) {
    it(`${code} parses, sums at every level and carries three languages and six bands`, () => {
      const fw = loadCriteria(file);
      expect(fw.code).toBe(code);
      expect(maxPoints(fw)).toBe(1000);
      expect(scoredItems(fw)).toHaveLength(itemCount);
      expect(maxPointsByKind(fw)).toEqual({ process, results });
      for (const category of fw.categories) {
        if (category.items.length > 0) expect(category.items.reduce((s, i) => s + i.points, 0)).toBe(category.points);
      }
      expect(fw.categories.reduce((s, c) => s + c.points, 0)).toBe(fw.total);
      expect(fw.scale).toEqual({ min: 0, max: 100, step: 5 });
      for (const kind of ['process', 'results'] as const) {
        expect(fw.bands[kind].map((b) => `${b.min}-${b.max}`)).toEqual(['0-5', '10-25', '30-45', '50-65', '70-85', '90-100']);
      }
    });
  }

  it('GB/T 19580 lists the 23 scored items in order with their points', () => {
    const fw = loadCriteria('gb-t-19580-2012.json');
    expect(scoredItems(fw).map((i) => `${i.id}=${i.points}`).join(' ')).toBe(
      '4.1.2=50 4.1.3=30 4.1.4=30 4.2.2=40 4.2.3=50 4.3.2=40 4.3.3=50 4.4.2=60 4.4.3=15 4.4.4=20 4.4.5=15 4.4.6=10 4.4.7=10 ' +
        '4.5.2=50 4.5.3=50 4.6.2=40 4.6.3=40 4.7.2=80 4.7.3=80 4.7.4=80 4.7.5=60 4.7.6=50 4.7.7=50',
    );
    expect(findItem(fw, '4.4.3')).toMatchObject({ categoryId: '4.4', kind: 'process', points: 15, order: 8 });
    expect(findItem(fw, '4.4.3')!.names).toEqual({ 'zh-CN': '财务资源', en: 'Financial Resources', 'zh-TW': '財務資源' });
    expect(findItem(fw, '4.4')).toBeUndefined();
    const { process, results } = itemsByKind(fw);
    expect([process.length, results.length]).toEqual([17, 6]);
    expect(bandFor(fw, 'results', 35)).toMatchObject({ min: 30, max: 45 });
    expect(bandFor(fw, 'process', 100)).toMatchObject({ min: 90, max: 100 });
    expect(percentChoices(fw)).toHaveLength(21);
  });

  it('EFQM criteria 6 and 7, which have no sub-criteria, are scored as a whole', () => {
    const fw = loadCriteria('efqm-2020.json');
    expect(findItem(fw, '6')).toMatchObject({ categoryId: '6', kind: 'results', points: 200 });
    expect(fw.terms).toEqual({ category: 'criterion', item: 'subCriterion' });
  });

  it('the Traditional Chinese names are written in Traditional characters', () => {
    // A handful of Simplified-only characters that must never appear in zh-TW text.
    const simplifiedOnly = /[们这说过进为领导战顾资财务术础设关测产结价绩评织务责计划员发质]/;
    for (const [file] of builtIns) {
      const text = JSON.stringify(raw(file));
      const zhTw = [...text.matchAll(/"zh-TW":"([^"]*)"/g)].map((m) => m[1]).join('');
      expect(zhTw.length).toBeGreaterThan(100);
      expect(zhTw.match(simplifiedOnly)).toBeNull();
    }
  });
});

describe('refusing a bad framework', () => {
  const tampered = () => {
    const fw = structuredClone(loadCriteria('gb-t-19580-2012.json')) as Framework;
    fw.categories[3]!.items[1]!.points += 5; // 4.4.3: 15 → 20
    return fw;
  };

  it('names the category whose items no longer add up, with expected and actual', () => {
    const payload = refusalOf(() => parseFramework(tampered()));
    expect(payload.code).toBe('validation');
    expect(payload.key).toBe('frameworks.error.pointsMismatch');
    expect(payload.params).toMatchObject({ nodeId: '4.4', expected: 130, actual: 135, path: 'categories.3.points', problems: 1 });
    expect(payload.params?.children).toContain('4.4.3=20');
    expect(payload.fields).toHaveLength(1);
    expectTranslated(payload.key, payload.params);
  });

  it('names the total when categories do not add up to it', () => {
    const fw = tampered();
    fw.categories[3]!.points = 135;
    const payload = refusalOf(() => parseFramework(fw));
    expect(payload.key).toBe('frameworks.error.totalMismatch');
    expect(payload.params).toMatchObject({ expected: 1000, actual: 1005 });
    expectTranslated(payload.key, payload.params);
  });

  it('lists every problem in fields', () => {
    const fw = tampered();
    fw.categories[6]!.items[0]!.kind = 'process';
    fw.categories[0]!.items[1]!.id = '4.1.2';
    fw.bands.results[2]!.min = 35;
    const payload = refusalOf(() => parseFramework(fw));
    expect(payload.fields!.map((f) => f.key.split('.').pop())).toEqual(['duplicateId', 'kindMismatch', 'pointsMismatch', 'bandGap']);
    expect(payload.fields![1]!.params).toMatchObject({ nodeId: '4.7.2', parentId: '4.7', expected: 'results', actual: 'process' });
    for (const field of payload.fields!) expectTranslated(field.key, field.params);
  });

  it('refuses a malformed shape with the path of each issue', () => {
    const fw = raw('gb-t-19580-2012.json') as { categories: { items: Record<string, unknown>[] }[] };
    fw.categories[0]!.items[0]!.points = '50';
    fw.categories[0]!.items[1]!.point = 30;
    const payload = refusalOf(() => parseFramework(fw));
    expect(payload.key).toBe('frameworks.error.fieldInvalid');
    expect(payload.fields!.map((f) => f.path)).toEqual(['categories.0.items.0.points', 'categories.0.items.1']);
    expectTranslated(payload.key, payload.params);
  });

  it('refuses a scale whose range is not a multiple of the step', () => {
    const fw = structuredClone(loadCriteria('gb-t-19580-2012.json')) as Framework;
    fw.scale.step = 7;
    expect(refusalOf(() => parseFramework(fw)).key).toBe('frameworks.error.scaleInvalid');
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order or formatting, and the scoring scope ignores wording', () => {
    const fw = loadCriteria('gb-t-19580-2012.json');
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]))
          : value;
    const reordered = reverseKeys(fw) as Framework;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(fw));
    expect(canonicalFrameworkJson(reordered)).toBe(canonicalFrameworkJson(fw));
    const renamed = structuredClone(fw) as Framework;
    renamed.categories[0]!.names.en = 'Leadership (revised)';
    expect(canonicalFrameworkJson(renamed)).not.toBe(canonicalFrameworkJson(fw));
    expect(canonicalFrameworkJson(renamed, 'scoring')).toBe(canonicalFrameworkJson(fw, 'scoring'));
    const repointed = structuredClone(fw) as Framework;
    repointed.categories[3]!.items[1]!.points = 20;
    expect(canonicalFrameworkJson(repointed, 'scoring')).not.toBe(canonicalFrameworkJson(fw, 'scoring'));
  });
});
