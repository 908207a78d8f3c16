import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeCheckCharacter } from '../../shared/domain/credit-code';
import { test, expect, createCycle, screenshot } from './fixtures';

const HEADERS = ['单位名称', '统一社会信用代码', '行业门类', '行业大类', '所在地区', '所有制类型', '从业人数', '营业收入（万元）', '注册登记日期', '导入卓越绩效模式年数', '联系人', '联系电话'];
const REGIONS = ['福州市鼓楼区', '福州市台江区', '厦门市思明区', '泉州市丰泽区'];

/** A valid code for the n-th test organisation (GB 32100 check character computed, not guessed). */
function creditCode(n: number): string {
  const body = `91350100${String(n).padStart(9, '0')}`;
  return body + computeCheckCharacter(body)!;
}

function row(n: number, code = creditCode(n)): (string | number)[] {
  return [`测试企业${String(n).padStart(4, '0')}有限公司`, code, 'C', '39', REGIONS[n % REGIONS.length]!, '民营', 100 + n, 5000 + n, '2012-03-15', 3, '张伟', '0591-87654321'];
}

async function workbook(path: string, rows: (string | number)[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('申报单位');
  sheet.addRow(HEADERS);
  for (const values of rows) sheet.addRow(values);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

test.describe('office: Excel import and export of applicants', () => {
  test('a workbook with a bad row names row and column and imports nothing', async ({ page, app }) => {
    await page.goto(app.url);
    await createCycle(page, '导入测试周期');
    const file = join(app.dir, '申报单位.xlsx');
    await workbook(file, [row(1), row(2, '91350100M000100Y44'), row(3)]);

    await page.getByTestId('import-applicants').locator('xpath=ancestor::span[contains(@class,"ant-upload")]').locator('input[type=file]').setInputFiles(file);
    const errors = page.getByTestId('import-errors');
    await expect(page.getByTestId('nothing-imported')).toContainText('未导入任何数据');
    const bad = errors.locator('tbody tr.ant-table-row');
    await expect(bad).toHaveCount(1);
    await expect(bad.locator('td').nth(0)).toHaveText('申报单位');
    await expect(bad.locator('td').nth(1)).toHaveText('3');
    await expect(bad.locator('td').nth(2)).toHaveText('统一社会信用代码');
    await expect(bad.locator('td').nth(3)).toHaveText('校验位错误：最后一位应为“3”，现为“4”');
    await screenshot(page, 'applicants-import-refused');

    await page.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByTestId('applicants-empty')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('applicants-empty')).toBeVisible();
  });

  test('2,000 applicants import at once and the table stays virtual, searchable and filterable', async ({ page, app }) => {
    await page.goto(app.url);
    await createCycle(page, '大批量周期');
    const file = join(app.dir, '两千家.xlsx');
    await workbook(
      file,
      Array.from({ length: 2000 }, (_, i) => row(i + 1)),
    );
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByText('已导入 2000 家申报组织')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('applicant-count')).toHaveText('共 2000 家');

    // Virtual rendering: only the rows in view exist in the DOM.
    const rendered = await page.getByTestId('applicants-table').locator('.ant-table-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    await screenshot(page, 'applicants-2000');

    await page.getByTestId('applicant-search').fill('测试企业1999');
    await expect(page.getByTestId('applicant-count')).toHaveText('显示 1 家，共 2000 家');
    await expect(page.getByTestId('applicants-table')).toContainText(creditCode(1999));
    await page.getByTestId('applicant-search').fill(creditCode(42).toLowerCase());
    await expect(page.getByTestId('applicants-table')).toContainText('测试企业0042有限公司');

    await page.getByTestId('applicant-search').fill('');
    await page.getByTestId('filter-region').click();
    await page.getByTitle('厦门市思明区').click();
    await expect(page.getByTestId('applicant-count')).toHaveText('显示 500 家，共 2000 家');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-applicants').click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(await saved.path());
    expect(exported.worksheets[0]!.actualRowCount).toBeGreaterThanOrEqual(2001);
  });
});
