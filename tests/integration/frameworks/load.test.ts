import ExcelJS from 'exceljs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, type AppErrorPayload } from '../../../shared/api/errors';
import { findItem, scoredItems } from '../../../shared/domain/frameworks';
import { computeApplicantResult, formatPoints } from '../../../shared/domain/scoring';
import {
  frameworkFingerprint,
  loadBuiltInFrameworks,
  loadFrameworkFromJsonFile,
  loadFrameworkFromXlsx,
  saveFrameworkXlsx,
  type BuiltInFrameworks,
} from '../../../electron/core/frameworks';
import { expectTranslated, root, uniformScores } from '../../unit/scoring/support';

let dir: string;
let builtIn: BuiltInFrameworks;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'award-desk-frameworks-'));
  builtIn = await loadBuiltInFrameworks(join(root, 'resources'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<AppErrorPayload> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).payload;
}

describe('built-in frameworks', () => {
  it('loads the three shipped frameworks, the default (GB/T 19580-2012) first', () => {
    expect(builtIn.frameworks.map((f) => `${f.framework.code}@${f.framework.version}`)).toEqual([
      'GB/T 19580@2012',
      'Baldrige@2023-2024',
      'EFQM@2020',
    ]);
    expect(builtIn.defaultFramework).toBe(builtIn.frameworks[0]);
    for (const f of builtIn.frameworks) {
      expect(f.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(f.scoringFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(f.source.kind).toBe('builtIn');
    }
    expect(new Set(builtIn.frameworks.map((f) => f.fingerprint)).size).toBe(3);
  });

  it('fingerprints content, not formatting', async () => {
    const source = join(root, 'resources', 'criteria', 'gb-t-19580-2012.json');
    const minified = join(dir, 'minified.json');
    await writeFile(minified, JSON.stringify(JSON.parse(await readFile(source, 'utf8'))));
    const reloaded = await loadFrameworkFromJsonFile(minified);
    expect(reloaded.fingerprint).toBe(builtIn.defaultFramework.fingerprint);
    expect(frameworkFingerprint(reloaded.framework, 'scoring')).toBe(builtIn.defaultFramework.scoringFingerprint);
  });

  it('refuses the tampered fixture naming node 4.4 and the file', async () => {
    const payload = await refusal(loadFrameworkFromJsonFile(join(root, 'tests', 'fixtures', 'frameworks', 'gbt-tampered-4.4.3.json')));
    expect(payload.key).toBe('frameworks.error.pointsMismatch');
    expect(payload.params).toMatchObject({ nodeId: '4.4', expected: 130, actual: 135, file: 'gbt-tampered-4.4.3.json' });
  });

  it('refuses a resources folder with a bad file, without the default, or with invalid JSON', async () => {
    const bad = join(dir, 'bad-resources');
    await mkdir(join(bad, 'criteria'), { recursive: true });
    await copyFile(join(root, 'resources', 'criteria', 'efqm-2020.json'), join(bad, 'criteria', 'efqm-2020.json'));
    expect((await refusal(loadBuiltInFrameworks(bad))).key).toBe('frameworks.error.defaultMissing');
    await copyFile(join(root, 'tests', 'fixtures', 'frameworks', 'gbt-tampered-4.4.3.json'), join(bad, 'criteria', 'gb-t.json'));
    expect((await refusal(loadBuiltInFrameworks(bad))).params).toMatchObject({ nodeId: '4.4', file: 'gb-t.json' });
    await writeFile(join(bad, 'criteria', 'gb-t.json'), '{ "code": ');
    const payload = await refusal(loadBuiltInFrameworks(bad));
    expect(payload).toMatchObject({ key: 'frameworks.error.jsonInvalid', params: { file: 'gb-t.json' } });
    expectTranslated(payload.key, payload.params);
  });
});

/** A city's variant of GB/T 19580: more weight on results, columns in a different order. */
async function writeCityVariant(file: string, edit?: (nodes: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const meta = workbook.addWorksheet('framework');
  for (const row of [
    ['code', 'XM-QA'],
    ['version', '2025'],
    ['revision', 3],
    ['name.zh-CN', '某市质量奖评价细则（2025）'],
    ['name.en', 'City Quality Award criteria (2025)'],
    ['name.zh-TW', '某市品質獎評價細則（2025）'],
    ['total', 1000],
  ]) {
    meta.addRow(row);
  }
  const nodes = workbook.addWorksheet('nodes');
  nodes.addRow(['ID', 'level', 'parent', 'kind', 'points', 'zh-CN', 'zh-TW', 'en']);
  const gbt = builtIn.defaultFramework.framework;
  for (const category of gbt.categories) {
    // 4.4 Resources loses 10 points (人力资源 60 → 50); 4.7 Results gains them (产品和服务结果 80 → 90).
    const points = category.id === '4.4' ? 120 : category.id === '4.7' ? 410 : category.points;
    nodes.addRow([category.id, 'category', '', category.kind === 'process' ? '过程' : '结果', points, category.names['zh-CN'], category.names['zh-TW'], category.names.en]);
    for (const item of category.items) {
      const itemPoints = item.id === '4.4.2' ? 50 : item.id === '4.7.2' ? 90 : item.points;
      nodes.addRow([item.id, 'item', category.id, item.kind, { formula: `${itemPoints}+0`, result: itemPoints }, item.names['zh-CN'], item.names['zh-TW'], item.names.en]);
    }
  }
  nodes.addRow([]);
  edit?.(nodes);
  await workbook.xlsx.writeFile(file);
}

describe('xlsx import', () => {
  it('loads a city variant and scores with it', async () => {
    const file = join(dir, 'city.xlsx');
    await writeCityVariant(file);
    const loaded = await loadFrameworkFromXlsx(file, { base: builtIn.defaultFramework.framework });
    const fw = loaded.framework;
    expect([fw.code, fw.version, fw.revision, fw.total]).toEqual(['XM-QA', '2025', 3, 1000]);
    expect(scoredItems(fw)).toHaveLength(23);
    expect(findItem(fw, '4.4.2')!.points).toBe(50);
    expect(findItem(fw, '4.7.2')).toMatchObject({ points: 90, kind: 'results', names: { 'zh-TW': '產品和服務結果' } });
    expect(fw.bands).toEqual(builtIn.defaultFramework.framework.bands);
    expect(loaded.source.kind).toBe('xlsx');
    expect(loaded.scoringFingerprint).not.toBe(builtIn.defaultFramework.scoringFingerprint);
    const result = computeApplicantResult(fw, uniformScores('A', fw, [60, 70]), { aggregation: { kind: 'mean' } });
    expect(formatPoints(result.results)).toBe('266.50'); // 410 points × 65 %
  });

  const badRows: [string, (nodes: ExcelJS.Worksheet) => void, string, Record<string, unknown>][] = [
    ['points that are not a whole number', (n) => (n.getCell('E5').value = 'abc'), 'frameworks.error.xlsxPointsInvalid', { sheet: 'nodes', row: 5, column: 'E', value: 'abc' }],
    ['an unknown kind', (n) => (n.getCell('D9').value = 'outcome'), 'frameworks.error.xlsxKindInvalid', { sheet: 'nodes', row: 9, column: 'D', value: 'outcome' }],
    ['an unknown level', (n) => (n.getCell('B3').value = 'clause'), 'frameworks.error.xlsxLevelInvalid', { sheet: 'nodes', row: 3, column: 'B' }],
    ['a parent that is not a category', (n) => (n.getCell('C4').value = '4.1.2'), 'frameworks.error.xlsxParentUnknown', { sheet: 'nodes', row: 4, column: 'C', nodeId: '4.1.3' }],
    ['a missing English name', (n) => (n.getCell('H6').value = null), 'frameworks.error.xlsxCellRequired', { sheet: 'nodes', row: 6, column: 'H', header: 'en' }],
    ['a duplicate id', (n) => (n.getCell('A8').value = '4.2.2'), 'frameworks.error.xlsxDuplicateId', { sheet: 'nodes', row: 8, column: 'A', nodeId: '4.2.2', firstRow: 7 }],
    // row 3 is item 4.1.2 (50 points): 55 makes category 4.1 (row 2) add up to 115 instead of 110
    ['items that no longer add up', (n) => (n.getCell('E3').value = 55), 'frameworks.error.pointsMismatch', { sheet: 'nodes', row: 2, column: 'E', nodeId: '4.1', expected: 110, actual: 115 }],
  ];
  for (const [label, edit, key, params] of badRows) {
    it(`refuses ${label}, naming sheet, row and column`, async () => {
      const file = join(dir, `bad-${label.replace(/\W+/g, '-')}.xlsx`);
      await writeCityVariant(file, edit);
      const payload = await refusal(loadFrameworkFromXlsx(file, { base: builtIn.defaultFramework.framework }));
      expect(payload.code).toBe('validation');
      expect(payload.key).toBe(key);
      expect(payload.params).toMatchObject(params);
      expectTranslated(payload.key, payload.params);
    });
  }

  it('points a total that does not match the categories at the framework sheet', async () => {
    const file = join(dir, 'bad-total.xlsx');
    await writeCityVariant(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('framework')!.getCell('B7').value = 990;
    await workbook.xlsx.writeFile(file);
    const payload = await refusal(loadFrameworkFromXlsx(file, { base: builtIn.defaultFramework.framework }));
    expect(payload.key).toBe('frameworks.error.totalMismatch');
    expect(payload.params).toMatchObject({ sheet: 'framework', row: 7, column: 'B', expected: 990, actual: 1000, file: 'bad-total.xlsx' });
  });

  it('refuses a workbook without the nodes sheet, or a file that is not xlsx', async () => {
    const file = join(dir, 'no-nodes.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('framework').addRow(['code', 'X']);
    await workbook.xlsx.writeFile(file);
    expect(await refusal(loadFrameworkFromXlsx(file, { base: builtIn.defaultFramework.framework }))).toMatchObject({
      key: 'frameworks.error.xlsxSheetMissing',
      params: { sheet: 'nodes' },
    });
    const notXlsx = join(dir, 'not.xlsx');
    await writeFile(notXlsx, 'plain text');
    expect((await refusal(loadFrameworkFromXlsx(notXlsx, { base: builtIn.defaultFramework.framework }))).key).toBe('frameworks.error.xlsxUnreadable');
  });

  it('round-trips a built-in framework through the export template', async () => {
    for (const entry of builtIn.frameworks) {
      const file = join(dir, `template-${entry.framework.version}.xlsx`);
      await saveFrameworkXlsx(entry.framework, file);
      const back = await loadFrameworkFromXlsx(file, { base: entry.framework });
      expect(back.scoringFingerprint).toBe(entry.scoringFingerprint);
      expect(back.framework.notes).toEqual(entry.framework.notes);
    }
  });
});
