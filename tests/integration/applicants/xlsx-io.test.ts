import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseApplicantsWorkbook, writeApplicantsWorkbook, type ApplicantsImportResult } from '../../../electron/core/applicants/xlsx-io';
import { applicantSchema, type Applicant } from '../../../shared/domain/applicant';
import { LANGUAGES } from '../../../shared/i18n/languages';
import samples from '../../fixtures/applicants/sample-applicants.json';
import { translator } from '../../fixtures/applicants/translate';

const applicants: Applicant[] = samples.map((s) => applicantSchema.parse(s));

const ZH_HEADERS = [
  '单位名称', '统一社会信用代码', '行业门类', '行业大类', '所在地区', '行政区划代码', '所有制类型', '从业人数',
  '营业收入（万元）', '注册登记日期', '导入卓越绩效模式年数', '曾获本奖年份', '联系人', '联系电话', '电子邮箱',
];

type Row = Array<string | number | Date | null>;
const goodRow = (name: string, code: string): Row => [
  name, code, 'C', '36', '福州市', '350102', '民营', 300, 12000, '2015-05-20', 3, '', '张三', '0591-88886666', 'zs@example.com',
];

async function workbook(sheets: Array<{ name: string; rows: Row[] }>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function errorsOf(result: ApplicantsImportResult) {
  if (result.ok) throw new Error(`expected errors, got ${result.applicants.length} applicants`);
  return result.errors;
}

describe('round trip', () => {
  it.each(LANGUAGES)('export → import gives back the same applicants (%s)', async (language) => {
    const buffer = await writeApplicantsWorkbook(applicants, translator(language), { language });
    const result = await parseApplicantsWorkbook(buffer);
    const sheet = translator(language)('applicants.xlsx.sheet.applicants');
    expect(result).toEqual({ ok: true, applicants, sources: [2, 3, 4].map((row) => ({ sheet, row })) });
  });

  it('writes translated sheets, headers and labels', async () => {
    const buffer = await writeApplicantsWorkbook(applicants, translator('zh-CN'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['申报单位', '其他联系人', '事故记录']);
    const main = wb.getWorksheet('申报单位')!;
    expect((main.getRow(1).values as unknown[]).slice(1)).toEqual(ZH_HEADERS);
    const first = main.getRow(2);
    expect(first.getCell(2).value).toBe('91350100M000100Y43');
    expect(first.getCell(3).value).toBe('C 制造业');
    expect(first.getCell(4).value).toBe('34 通用设备制造业');
    expect(first.getCell(7).value).toBe('民营');
    expect(main.getRow(3).getCell(12).value).toBe('2016, 2019');
    const incidents = wb.getWorksheet('事故记录')!;
    expect((incidents.getRow(2).values as unknown[]).slice(1)).toEqual(['91110000802100433B', '2021-06-30', '安全', '否', '仓库叉车轻微碰撞，无人员伤亡']);
    expect(wb.getWorksheet('其他联系人')!.getRow(2).getCell(2).value).toBe('陈雅婷');
  });

  it('exports an empty list as a template that imports as "empty"', async () => {
    const buffer = await writeApplicantsWorkbook([], translator('en'), { language: 'en' });
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([{ sheet: 'Applicants', row: 2, column: null, key: 'applicants.import.empty' }]);
  });
});

describe('import', () => {
  it('refuses the whole file when one row is bad, naming its row and column', async () => {
    const buffer = await workbook([
      {
        name: '申报单位',
        rows: [ZH_HEADERS, goodRow('甲公司', '91350100M000100Y43'), goodRow('乙公司', '91110000802100433C'), goodRow('丙公司', '91440300708461136T')],
      },
    ]);
    const result = await parseApplicantsWorkbook(buffer);
    expect(result).toEqual({
      ok: false,
      errors: [{ sheet: '申报单位', row: 3, column: '统一社会信用代码', key: 'applicants.creditCode.checksum', params: { expected: 'B', actual: 'C' } }],
    });
    expect('applicants' in result).toBe(false);
  });

  it('refuses a credit code that appears twice, even written differently', async () => {
    const buffer = await workbook([
      { name: '申报单位', rows: [ZH_HEADERS, goodRow('甲公司', '91350100M000100Y43'), goodRow('乙公司', '91440300708461136T'), goodRow('甲公司分号', '９１３５０１００ｍ０００１００ｙ４３')] },
    ]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([
      { sheet: '申报单位', row: 4, column: '统一社会信用代码', key: 'applicants.import.duplicateCreditCode', params: { firstRow: 2 } },
    ]);
  });

  it('refuses codes the caller already has registered, naming the row', async () => {
    const buffer = await workbook([
      { name: '申报单位', rows: [ZH_HEADERS, goodRow('甲公司', '91350100M000100Y43'), goodRow('乙公司', '91440300708461136T')] },
    ]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer, { existingCreditCodes: ['91440300708461136t'] }))).toEqual([
      { sheet: '申报单位', row: 3, column: '统一社会信用代码', key: 'applicants.import.alreadyRegistered', params: { creditCode: '91440300708461136T' } },
    ]);
    const accepted = await parseApplicantsWorkbook(buffer, { existingCreditCodes: ['51610700305332460K'] });
    expect(accepted.ok && accepted.sources).toEqual([{ sheet: '申报单位', row: 2 }, { sheet: '申报单位', row: 3 }]);
  });

  it('reports every bad cell across sheets, in sheet, row and column order', async () => {
    const bad = goodRow('', '91350100M000100Y43');
    bad[2] = 'I';
    bad[7] = 'many';
    bad[9] = '2020-02-30';
    const buffer = await workbook([
      { name: '申报单位', rows: [ZH_HEADERS, bad] },
      { name: '其他联系人', rows: [['统一社会信用代码', '联系人', '联系电话', '电子邮箱'], ['91440300708461136T', '李四', '123456', '']] },
      { name: '事故记录', rows: [['统一社会信用代码', '发生日期', '事故类别', '是否重大事故', '情况说明'], ['91350100M000100Y43', '2024/3/5', '火灾', '也许', '']] },
    ]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([
      { sheet: '申报单位', row: 2, column: '单位名称', key: 'applicants.validation.required' },
      { sheet: '申报单位', row: 2, column: '行业大类', key: 'applicants.industry.mismatch', params: { section: 'I', division: '36', expectedSection: 'C' } },
      { sheet: '申报单位', row: 2, column: '从业人数', key: 'applicants.import.invalidNumber' },
      { sheet: '申报单位', row: 2, column: '注册登记日期', key: 'applicants.import.invalidDate' },
      { sheet: '其他联系人', row: 2, column: '统一社会信用代码', key: 'applicants.import.unknownApplicant', params: { creditCode: '91440300708461136T' } },
      { sheet: '事故记录', row: 2, column: '事故类别', key: 'applicants.validation.incidentKind' },
      { sheet: '事故记录', row: 2, column: '是否重大事故', key: 'applicants.import.invalidBoolean' },
    ]);
  });

  it('places errors of further contacts and incidents on their own sheet rows', async () => {
    const buffer = await workbook([
      { name: '申报单位', rows: [ZH_HEADERS, goodRow('甲公司', '91350100M000100Y43')] },
      { name: '其他联系人', rows: [['统一社会信用代码', '联系人', '联系电话'], [], ['91350100m000100y43', '李四', '电话待定']] },
      { name: '事故记录', rows: [['统一社会信用代码', '发生日期', '事故类别', '是否重大事故'], ['91350100M000100Y43', '', '质量', '是']] },
    ]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([
      { sheet: '其他联系人', row: 3, column: '联系电话', key: 'applicants.validation.phone' },
      { sheet: '事故记录', row: 2, column: '发生日期', key: 'applicants.validation.required' },
    ]);
  });

  it('reports missing required columns by their expected header', async () => {
    const headers = ZH_HEADERS.filter((h) => h !== '从业人数' && h !== '联系电话');
    const buffer = await workbook([{ name: 'Sheet1', rows: [headers] }]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([
      { sheet: 'Sheet1', row: 1, column: '从业人数', key: 'applicants.import.missingColumn', params: { column: '从业人数' } },
      { sheet: 'Sheet1', row: 1, column: '联系电话', key: 'applicants.import.missingColumn', params: { column: '联系电话' } },
    ]);
  });

  it('accepts English headers in any order, a title row, blank rows and the cell types Excel produces', async () => {
    const headers = ['Unified social credit code', 'Legal name', 'industry SECTION', 'Industry division', 'Region', 'Ownership', 'Employees', 'Revenue (10,000 yuan)', 'Registration date', 'Years practising performance excellence', 'Contact name', 'Contact phone', 'Notes'];
    const buffer = await workbook([
      {
        name: 'Applicants',
        rows: [
          ['2026 Quality Award applicants'],
          headers,
          ['51610700305332460k', 'Hanzhong Charity Foundation', 'S 公共管理、社会保障和社会组织', 95, 'Hanzhong', 'Other', '1,200', 850, new Date(Date.UTC(2016, 0, 31)), 4, 'Zhao Min', 13912345678, 'ignored'],
          [],
          ['91440300708461136T', 'Harbour Logistics', 'Transport, storage and postal services', '59 Loading, unloading, handling and warehousing', 'Shenzhen', 'foreignInvested', 88, 9600, 43900, 2, 'Mary Chen', '0755-26001234', null],
        ],
      },
    ]);
    const result = await parseApplicantsWorkbook(buffer);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.applicants).toHaveLength(2);
    expect(result.applicants[0]).toMatchObject({
      creditCode: '51610700305332460K',
      industry: { section: 'S', division: '95' },
      ownership: 'other',
      employees: 1200,
      registrationDate: '2016-01-31',
      contacts: [{ name: 'Zhao Min', phone: '13912345678', email: '' }],
      areaCode: null,
      previousAwardYears: [],
    });
    expect(result.applicants[1]).toMatchObject({ industry: { section: 'G', division: '59' }, registrationDate: '2020-03-10' });
  });

  it('refuses an 18-digit number that Excel has already rounded', async () => {
    const row: Row = goodRow('甲公司', '');
    row[1] = Number('913501001234567890'); // what Excel keeps of a code typed into a General cell
    const buffer = await workbook([{ name: '申报单位', rows: [ZH_HEADERS, row] }]);
    expect(errorsOf(await parseApplicantsWorkbook(buffer))).toEqual([
      { sheet: '申报单位', row: 2, column: '统一社会信用代码', key: 'applicants.import.numberAsText' },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    expect(errorsOf(await parseApplicantsWorkbook(new TextEncoder().encode('name,code\n')))).toEqual([
      { sheet: '', row: 0, column: null, key: 'applicants.import.unreadable' },
    ]);
  });
});
