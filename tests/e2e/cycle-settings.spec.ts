import { test, expect, createCycle, screenshot, switchLanguage } from './fixtures';

test.describe('office: cycle settings', () => {
  test('edits weights, tiers and dates, with the domain rules shown on the fields', async ({ page, app }) => {
    await page.goto(app.url);
    const cycleId = await createCycle(page, '设置测试周期');
    await page.goto(`${app.url}#/cycles/${cycleId}/settings`);
    await expect(page.getByRole('heading', { name: '周期设置 · 设置测试周期' })).toBeVisible();
    await expect(page.getByTestId('framework-select')).toContainText('卓越绩效评价准则（GB/T 19580-2012）');
    await screenshot(page, 'cycle-settings');

    // Weights that do not add up to 100.
    await page.getByTestId('stage-siteVisit').fill('60');
    await expect(page.getByTestId('stage-sum')).toHaveText('90%（应为 100%）');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('各评审阶段权重之和应为 100%，现为 90%')).toBeVisible();

    await page.getByTestId('stage-presentation-switch').click();
    await page.getByTestId('stage-presentation').fill('10');
    await expect(page.getByTestId('stage-sum')).toHaveText('100%（应为 100%）');

    // A lower tier may not need more than the one above it.
    await page.getByTestId('tier-1-threshold').fill('65');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('分数线应低于上一等级（60）')).toBeVisible();
    await page.getByTestId('add-tier').scrollIntoViewIfNeeded();
    await screenshot(page, 'cycle-settings-tiers');
    await switchLanguage(page, 'English');
    await expect(page.getByText('Must be lower than the tier above (60)')).toBeVisible();
    await switchLanguage(page, '简体中文');
    await page.getByTestId('tier-1-threshold').fill('55');

    // A built-in tier name becomes editable text in the three languages.
    await page.getByTestId('tier-0').getByRole('button', { name: '自定义名称' }).click();
    const zhName = page.getByTestId('tier-0').getByRole('textbox', { name: '奖项名称 简体中文' });
    await expect(zhName).toHaveValue('大奖');
    await zhName.fill('市长质量奖');

    // Switching to absolute points converts every threshold (60% of 1000 → 600) and back.
    await page.getByTestId('threshold-kind').click();
    await page.getByTitle('分数', { exact: true }).click();
    await expect(page.getByTestId('tier-0-threshold')).toHaveValue('600');
    await expect(page.getByTestId('tier-1-threshold')).toHaveValue('550');
    await page.getByTestId('threshold-kind').click();
    await page.getByTitle('总分的百分比（满分 1000 分）').click();
    await expect(page.getByTestId('tier-0-threshold')).toHaveValue('60');

    await page.getByTestId('aggregation-method').click();
    await page.getByTitle('去掉最高分和最低分后平均').click();
    await expect(page.getByTestId('aggregation-trim')).toHaveValue('1');
    await page.getByTestId('deadline-applicationCloses').click();
    await page.getByTestId('deadline-applicationCloses').fill('2026-05-31');
    await page.getByTestId('deadline-applicationCloses').press('Enter');
    await page.getByTestId('settings-save').click();
    await expect(page.getByText('周期设置已保存')).toBeVisible();

    await page.reload();
    await expect(page.getByTestId('stage-presentation')).toHaveValue('10');
    await expect(page.getByTestId('stage-siteVisit')).toHaveValue('60');
    await expect(page.getByTestId('aggregation-trim')).toHaveValue('1');
    await expect(page.getByTestId('deadline-applicationCloses')).toHaveValue('2026-05-31');
    await expect(page.getByTestId('tier-1-threshold')).toHaveValue('55');
    await expect(page.getByTestId('tier-0').getByRole('textbox', { name: '奖项名称 简体中文' })).toHaveValue('市长质量奖');
    await screenshot(page, 'cycle-settings-saved');
  });
});
