import { test, expect, screenshot } from './fixtures';

const DEMO_CYCLE = '2026年度滨海市市长质量奖（演示）';

test.describe('first start: the demo', () => {
  test('the start page offers the demo; opening it shows the approved cycle with its twelve applicants', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('cycles-empty')).toBeVisible();
    await page.getByTestId('nav-start').click();
    const offer = page.getByTestId('open-demo-card');
    await expect(offer).toContainText('先看看演示');
    await screenshot(page, 'start-demo-offer');

    await offer.getByTestId('open-demo').click();
    await expect(page.getByText('已打开演示工作区「滨海市市长质量奖（演示）」')).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/#\/cycles$/);
    const cycles = page.getByTestId('cycles-table');
    await expect(cycles.getByRole('link', { name: DEMO_CYCLE })).toBeVisible();
    await cycles.getByTestId('cycle-applicants').click();

    const applicants = page.getByTestId('applicants-table');
    await expect(applicants.getByTestId('applicant-link')).toHaveCount(12);
    for (const name of ['滨海聚源微电子科技股份有限公司', '滨海安泰康润制药有限公司', '滨海市卓越人民医院']) {
      await expect(applicants.getByRole('link', { name })).toBeVisible();
    }
    await screenshot(page, 'demo-applicants');

    // The demo is a workspace of its own: the one the app started on is still listed, and untouched.
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('current-workspace')).toContainText('滨海市市长质量奖（演示）');
    await expect(page.getByTestId('recent-workspaces')).toContainText(app.workspace);
  });

  test('the empty cycles list of a first start offers the demo too', async ({ page, app }) => {
    await page.goto(app.url);
    const empty = page.getByTestId('cycles-empty');
    await expect(empty).toContainText('演示数据会放在单独的新工作区中');
    await screenshot(page, 'cycles-empty-demo');
    await empty.getByTestId('cycles-open-demo').click();
    await expect(page.getByTestId('cycles-table').getByRole('link', { name: DEMO_CYCLE })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('workspace-tag')).toContainText('演示');
  });
});
