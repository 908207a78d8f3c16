import { readFileSync } from 'node:fs';
import { test, expect, screenshot, switchLanguage } from './fixtures';

/** A city's variant of GB/T 19580 as an office would write it: own code, 4.1.2 and 4.1.3 re-weighted. */
function cityVariant(points412: number, points414: number): Buffer {
  const framework = JSON.parse(readFileSync(new URL('../../resources/criteria/gb-t-19580-2012.json', import.meta.url), 'utf8'));
  framework.code = 'FZ-QA';
  framework.version = '2026';
  framework.names = { 'zh-CN': '福州市质量奖评价准则', en: 'Fuzhou Quality Award criteria', 'zh-TW': '福州市品質獎評價準則' };
  const items = framework.categories[0].items;
  items[0].points = points412;
  items[1].points = 110 - points412 - points414;
  items[2].points = points414;
  return Buffer.from(JSON.stringify(framework, null, 2));
}

test.describe('criteria frameworks', () => {
  test('GB/T 19580 shows 23 items summing to 1000, with subtotals and the band guide', async ({ page, app }) => {
    await page.goto(`${app.url}#/frameworks`);
    const table = page.getByTestId('frameworks-table');
    await expect(table.getByRole('link', { name: '卓越绩效评价准则（GB/T 19580-2012）' })).toBeVisible();
    await screenshot(page, 'frameworks');

    await table.getByRole('link', { name: '卓越绩效评价准则（GB/T 19580-2012）' }).click();
    await expect(page).toHaveURL(/#\/frameworks\/sha256:[a-f0-9]{64}$/);
    await expect(page.getByTestId('framework-item-count')).toHaveText('23');
    await expect(page.getByTestId('framework-total')).toHaveText('1000');
    await expect(page.getByTestId('subtotal-process')).toHaveText('600');
    await expect(page.getByTestId('subtotal-results')).toHaveText('400');
    await expect(page.getByTestId('subtotal-total')).toHaveText('1000');

    const tree = page.getByTestId('framework-tree');
    await expect(tree.locator('tr.tree-category')).toHaveCount(7);
    await expect(tree.locator('tr.tree-item')).toHaveCount(23);
    await expect(tree.locator('tr.tree-item', { hasText: '4.1.2' })).toContainText('高层领导的作用');
    await expect(tree.locator('tr.tree-item', { hasText: '4.7.2' })).toContainText('结果');

    for (const kind of ['process', 'results']) {
      await expect(page.getByTestId(`bands-${kind}`).locator('tbody tr.ant-table-row')).toHaveCount(6);
    }
    await expect(page.getByTestId('bands-process')).toContainText('看不出系统的方法');
    await expect(page.getByTestId('bands-process')).toContainText('0%–5%');
    await screenshot(page, 'framework-detail');

    await switchLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'Criteria for Performance Excellence (GB/T 19580-2012)' })).toBeVisible();
    await expect(page.getByTestId('bands-process')).toContainText('No systematic approach is evident');
    await expect(tree.locator('tr.tree-item', { hasText: '4.1.2' })).toContainText('Process');
    await screenshot(page, 'framework-detail-en');

    await switchLanguage(page, '繁體中文');
    await expect(page.getByRole('heading', { name: '卓越績效評價準則（GB/T 19580-2012）' })).toBeVisible();
    await expect(page.getByTestId('subtotal-total')).toHaveText('1000');
    await page.getByTestId('band-guide').scrollIntoViewIfNeeded();
    await screenshot(page, 'framework-bands-zh-TW');
  });

  test('a variant with wrong points is refused with the place named, and nothing is imported', async ({ page, app }) => {
    await page.goto(`${app.url}#/frameworks`);
    await expect(page.getByTestId('frameworks-table').getByTestId('framework-link')).toHaveCount(3);
    const broken = {
      schemaVersion: 1,
      code: 'FZ-QA',
      version: '2026',
      revision: 1,
      names: { 'zh-CN': '福州市质量奖评价准则', en: 'Fuzhou criteria', 'zh-TW': '福州市品質獎評價準則' },
      terms: { category: 'category', item: 'item' },
      total: 100,
      scale: { min: 0, max: 100, step: 5 },
      bands: {
        process: [{ min: 0, max: 100, guidance: { 'zh-CN': '全部', en: 'All', 'zh-TW': '全部' } }],
        results: [{ min: 0, max: 100, guidance: { 'zh-CN': '全部', en: 'All', 'zh-TW': '全部' } }],
      },
      categories: [
        {
          id: 'A',
          kind: 'process',
          points: 100,
          names: { 'zh-CN': '领导', en: 'Leadership', 'zh-TW': '領導' },
          items: [
            { id: 'A.1', kind: 'process', points: 60, names: { 'zh-CN': '方向', en: 'Direction', 'zh-TW': '方向' } },
            { id: 'A.2', kind: 'process', points: 30, names: { 'zh-CN': '治理', en: 'Governance', 'zh-TW': '治理' } },
          ],
        },
      ],
    };
    await page.locator('input[type=file]').setInputFiles({ name: 'fuzhou.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = page.getByTestId('framework-import-errors');
    await expect(errors).toContainText('类目 A 标明 100 分，但其评分项之和为 90 分（A.1=60, A.2=30）');
    await screenshot(page, 'framework-import-refused');
    await page.getByRole('button', { name: /确定|知道了|OK/ }).click();
    await expect(page.getByTestId('frameworks-table').getByTestId('framework-link')).toHaveCount(3);
  });

  test('an edited variant becomes the next revision beside the first, which stays as it was', async ({ page, app }) => {
    await page.goto(`${app.url}#/frameworks`);
    await page.locator('input[type=file]').setInputFiles({ name: '福州.json', mimeType: 'application/json', buffer: cityVariant(55, 30) });
    await expect(page.getByText('已导入评价准则「福州市质量奖评价准则」')).toBeVisible();
    await expect(page).toHaveURL(/#\/frameworks\/sha256:[a-f0-9]{64}$/);
    await expect(page.getByTestId('framework-tree').locator('tr.tree-item', { hasText: '4.1.2' })).toContainText('55');
    const first = page.url();

    await page.goto(`${app.url}#/frameworks`);
    await page.locator('input[type=file]').setInputFiles({ name: '福州-修订.json', mimeType: 'application/json', buffer: cityVariant(50, 35) });
    await expect(page.getByText('文件中的第 1 版已存有不同内容，「福州市质量奖评价准则」已另存为第 2 版；已使用旧版本的周期不受影响')).toBeVisible();
    await expect(page.getByTestId('framework-tree').locator('tr.tree-item', { hasText: '4.1.2' })).toContainText('50');
    expect(page.url()).not.toBe(first);

    await page.goto(`${app.url}#/frameworks`);
    const rows = page.getByTestId('frameworks-table').locator('tr', { hasText: '福州市质量奖评价准则' });
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('FZ-QA · 2026 · 第 1 版');
    await expect(rows.nth(1)).toContainText('FZ-QA · 2026 · 第 2 版');
    await screenshot(page, 'frameworks-revisions');

    await page.locator('input[type=file]').setInputFiles({ name: '福州-副本.json', mimeType: 'application/json', buffer: cityVariant(55, 30) });
    await expect(page.getByText('「福州市质量奖评价准则」第 1 版已存在，内容相同，未重复导入')).toBeVisible();
    await page.goto(`${app.url}#/frameworks`);
    await expect(page.getByTestId('frameworks-table').locator('tr', { hasText: '福州市质量奖评价准则' })).toHaveCount(2);
  });
});
