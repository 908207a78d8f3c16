import { test, expect } from './fixtures';

test.describe('office home: award cycles', () => {
  test('creates a cycle that survives a reload, with translated validation', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('app-title')).toHaveText('质量奖评审工作台');
    await expect(page.getByTestId('cycles-empty')).toContainText('还没有评审周期');

    await page.getByTestId('create-cycle').click();
    await page.getByTestId('create-cycle-submit').click();
    await expect(page.getByText('此项为必填项')).toBeVisible();

    await page.getByTestId('cycle-name').fill('2026年度市长质量奖');
    await page.getByTestId('cycle-year').fill('1999');
    await page.getByTestId('create-cycle-submit').click();
    await expect(page.getByText('不能小于 2000')).toBeVisible();
    await page.getByTestId('cycle-year').fill('2026');
    await page.getByTestId('create-cycle-submit').click();

    const table = page.getByTestId('cycles-table');
    await expect(table.getByRole('cell', { name: '2026年度市长质量奖' })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('cycles-table').getByRole('cell', { name: '2026年度市长质量奖' })).toBeVisible();
    await expect(page.getByTestId('cycles-table').getByRole('cell', { name: '2026', exact: true })).toBeVisible();
  });

  test('a duplicate name is refused by the core and shown on the field', async ({ page, app }) => {
    await page.goto(app.url);
    for (let attempt = 0; attempt < 2; attempt++) {
      await page.getByTestId('create-cycle').click();
      await page.getByTestId('cycle-name').fill('同名周期');
      await page.getByTestId('create-cycle-submit').click();
    }
    await expect(page.getByText('已存在同名的评审周期「同名周期」')).toBeVisible();
  });

  test('switching to English changes the labels and persists', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: '评审周期' })).toBeVisible();
    await page.getByTestId('language-select').click();
    await page.getByTitle('English').click();
    await expect(page.getByRole('heading', { name: 'Award cycles' })).toBeVisible();
    await expect(page.getByTestId('create-cycle')).toHaveText(/New award cycle/);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Award cycles' })).toBeVisible();
    await page.getByTestId('create-cycle').click();
    await page.getByTestId('create-cycle-submit').click();
    await expect(page.getByText('This field is required')).toBeVisible();

    await page.keyboard.press('Escape');
    await page.getByTestId('language-select').click();
    await page.getByTitle('繁體中文').click();
    await expect(page.getByRole('heading', { name: '評審週期' })).toBeVisible();
  });

  test('a name with <script> and 中文 round-trips as text', async ({ page, app }) => {
    const hostile = '<script>window.__pwned = true</script> 质量奖 <b>bold</b>';
    await page.goto(app.url);
    await page.getByTestId('create-cycle').click();
    await page.getByTestId('cycle-name').fill(hostile);
    await page.getByTestId('create-cycle-submit').click();
    await expect(page.getByTestId('cycles-table').getByRole('cell', { name: hostile })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('cycles-table').getByRole('cell', { name: hostile })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('b', { hasText: 'bold' }).count()).toBe(0);
  });

  test('the page is refused without the token', async ({ page, app }) => {
    const bare = new URL(app.url);
    bare.search = '';
    const response = await page.goto(bare.toString());
    expect(response?.status()).toBe(401);
  });
});
