import { test, expect, screenshot, switchLanguage } from './fixtures';

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
});
