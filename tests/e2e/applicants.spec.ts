import { test, expect, createCycle, screenshot, switchLanguage } from './fixtures';

test.describe('office: applicants of a cycle', () => {
  test('a wrong credit code is explained in both languages, then eligibility names the failing rule', async ({ page, app }) => {
    await page.goto(app.url);
    await createCycle(page, '2026年度市长质量奖');
    await expect(page.getByTestId('applicants-empty')).toBeVisible();
    await screenshot(page, 'applicants-empty');

    await page.getByTestId('new-applicant').click();
    await expect(page.getByRole('heading', { name: '新增申报组织' })).toBeVisible();
    await page.getByTestId('legal-name').fill('福州示例科技有限公司');
    await page.getByTestId('credit-code').fill('91350100M000100Y44');
    await expect(page.getByText('校验位错误：最后一位应为“3”，现为“4”')).toBeVisible();
    await screenshot(page, 'applicant-new-credit-code-error');

    await switchLanguage(page, 'English');
    await expect(page.getByRole('heading', { name: 'New applicant' })).toBeVisible();
    await expect(page.getByText('Wrong check character: the last character should be “3”, not “4”')).toBeVisible();
    await expect(page.getByText('校验位错误')).toHaveCount(0);

    await page.getByTestId('credit-code').fill('91350100M000100Y43');
    await expect(page.getByText(/Wrong check character/)).toHaveCount(0);
    await expect(page.getByTestId('credit-code-decoded')).toContainText('Enterprise');
    await screenshot(page, 'applicant-new-en');

    await switchLanguage(page, '简体中文');
    await page.getByTestId('industry-cascader').click();
    await page.getByText('C 制造业', { exact: true }).click();
    await page.getByText('39 计算机、通信和其他电子设备制造业', { exact: true }).click();
    await page.getByTestId('ownership').click();
    await page.getByTitle('民营').click();
    // Registered about a year before the check: the three-year rule must fail.
    const lastYear = `${new Date().getFullYear() - 1}-06-01`;
    await page.getByTestId('registration-date').click();
    await page.getByTestId('registration-date').fill(lastYear);
    await page.getByTestId('registration-date').press('Enter');
    await page.getByTestId('region').fill('福州市鼓楼区');
    await page.getByTestId('employees').fill('320');
    await page.getByTestId('revenue').fill('56000');
    await page.getByTestId('years-practising').fill('4');
    await page.getByTestId('contact-0-name').fill('王芳');
    await page.getByTestId('contact-0-phone').fill('0591-87654321');
    await screenshot(page, 'applicant-new-filled');
    await page.getByTestId('applicant-submit').click();

    await expect(page).toHaveURL(/#\/applicants\/[^/]+$/);
    await expect(page.getByTestId('applicant-title')).toHaveText('福州示例科技有限公司');
    await expect(page.getByTestId('status-tag')).toHaveText('草稿');

    await page.getByTestId('move-submitted').click();
    await page.getByTestId('confirm-move').click();
    await expect(page.getByTestId('status-tag')).toHaveText('已提交');

    // Eligibility is settled on its own tab, with a note, not by a bare status move.
    await expect(page.getByTestId('move-eligible')).toHaveCount(0);
    await expect(page.getByTestId('move-draft')).toHaveText('退回补正');
    await page.getByTestId('go-decide-eligibility').click();
    await expect(page).toHaveURL(/#\/applicants\/[^/]+\/eligibility$/);
    await page.getByTestId('run-eligibility').click();
    const results = page.getByTestId('eligibility-results');
    await expect(page.getByTestId('eligibility-summary')).toContainText('有 1 项申报条件未满足');
    const failed = results.locator('tr.rule-failed');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('注册年限');
    await expect(failed).toContainText(`自 ${lastYear} 起仅注册 `);
    await expect(failed).toContainText('要求不少于 3 年');
    await expect(results.locator('tr.rule-passed')).toHaveCount(3);
    await screenshot(page, 'applicant-eligibility');

    await page.getByTestId('eligibility-decision').getByText('不符合申报资格').click();
    await page.getByPlaceholder('记录审查依据或需要说明的情况').fill('注册未满三年。');
    await page.getByTestId('decide-eligibility').click();
    await expect(page.getByTestId('status-tag')).toHaveText('资格审查未通过');
    await expect(page.getByTestId('current-decision')).toContainText('注册未满三年。');
    await expect(page.getByTestId('eligibility-decision').locator('input[type=radio][value=eligible]')).toBeDisabled();

    await page.getByTestId('tab-record').click();
    await screenshot(page, 'applicant-detail');
    await page.getByRole('link', { name: '2026年度市长质量奖' }).click();
    await expect(page.getByTestId('applicants-table')).toContainText('福州示例科技有限公司');
    await expect(page.getByTestId('applicant-count')).toHaveText('共 1 家');
  });

  test('a credit code already registered in the cycle is refused on its field', async ({ page, app }) => {
    await page.goto(app.url);
    const cycleId = await createCycle(page, '重复代码测试');
    for (const name of ['第一家公司', '第二家公司']) {
      await page.goto(`${app.url}#/cycles/${cycleId}/applicants/new`);
      await page.getByTestId('legal-name').fill(name);
      await page.getByTestId('credit-code').fill('91110000802100433B');
      await page.getByTestId('industry-cascader').click();
      await page.getByText('C 制造业', { exact: true }).click();
      await page.getByText('13 农副食品加工业', { exact: true }).click();
      await page.getByTestId('ownership').click();
      await page.getByTitle('国有').click();
      await page.getByTestId('registration-date').click();
      await page.getByTestId('registration-date').fill('2001-05-01');
      await page.getByTestId('registration-date').press('Enter');
      await page.getByTestId('region').fill('北京市');
      await page.getByTestId('employees').fill('1000');
      await page.getByTestId('revenue').fill('100000');
      await page.getByTestId('years-practising').fill('6');
      await page.getByTestId('contact-0-name').fill('李明');
      await page.getByTestId('contact-0-phone').fill('13800138000');
      await page.getByTestId('applicant-submit').click();
    }
    await expect(page.getByText('本周期已登记统一社会信用代码为 91110000802100433B 的申报组织')).toBeVisible();
    await expect(page).toHaveURL(/applicants\/new$/);
  });
});
