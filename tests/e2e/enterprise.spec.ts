import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshot } from './fixtures';

/** The smallest well-formed PDF: one empty page, with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test.describe('enterprise: my application', () => {
  test('writes the application with autosave and evidence, and sees what is still missing', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByTestId('nav-start').click();
    await expect(page.getByTestId('current-workspace')).toContainText('质量奖办公室');
    await screenshot(page, 'start');

    await page.getByTestId('enterprise-organisation').fill('福州示例科技有限公司');
    await page.getByTestId('enterprise-cycle').fill('2026年度福州市市长质量奖');
    await page.getByTestId('enterprise-year').fill('2026');
    await page.getByTestId('create-enterprise-submit').click();

    await expect(page).toHaveURL(/#\/my-application$/);
    await expect(page.getByRole('heading', { name: '我的申报' })).toBeVisible();
    await expect(page.getByTestId('workspace-tag')).toContainText('申报企业');
    // An enterprise sees its own application and the start screen, nothing of the office.
    await expect(page.getByTestId('nav-cycles')).toHaveCount(0);
    await expect(page.getByTestId('nav-myApplication')).toBeVisible();

    const profile = '本公司成立于2008年，主要从事工业物联网设备的研发与制造，员工420人。';
    const leadership = '高层领导通过战略例会、质量月度评审和一线走访，确定并展开组织的使命、愿景和价值观。';
    const governance = '公司建立了董事会、监事会和经理层分工明确的治理结构，并定期开展内部审计。';
    await page.getByTestId('profile').fill(profile);
    await page.getByTestId('narrative-4.1.2').fill(leadership);
    await page.getByTestId('narrative-4.1.3').fill(governance);
    await page.getByTestId('narrative-4.1.3').blur();
    await expect(page.getByTestId('count-4.1.2')).toHaveText(`${[...leadership].length} 字`);

    // Keyboard: type the percentage into the select and confirm it.
    await page.getByTestId('self-score-4.1.2').click();
    await page.keyboard.type('55');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('band-4.1.2')).toContainText('50%–65%');

    const pdf = join(app.dir, '领导作用证明.pdf');
    writeFileSync(pdf, minimalPdf());
    await page.getByTestId('attachments-4.1.2').locator('input[type=file]').setInputFiles(pdf);
    await expect(page.getByTestId('attachments-4.1.2').getByTestId('attachment')).toContainText('领导作用证明.pdf');

    await expect(page.getByTestId('save-indicator')).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
    const missing = page.getByTestId('completeness-item');
    await expect(missing).toHaveCount(21);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'my-application');

    await page.reload();
    await expect(page.getByTestId('profile')).toHaveValue(profile);
    await expect(page.getByTestId('narrative-4.1.2')).toHaveValue(leadership);
    await expect(page.getByTestId('narrative-4.1.3')).toHaveValue(governance);
    await expect(page.getByTestId('self-score-4.1.2')).toContainText('55%');
    await expect(page.getByTestId('attachments-4.1.2').getByTestId('attachment')).toContainText('领导作用证明.pdf');
    await expect(missing).toHaveCount(21);
    await expect(page.locator('[data-testid=completeness-item][data-kind=missingNarrative]')).toHaveCount(21);
    await expect(missing.first()).toContainText('条款 4.1.4 尚未填写自评内容');
    await expect(page.getByTestId('completeness')).not.toContainText('4.1.2 尚未填写');

    // A link in the completeness list takes the writer to the item.
    await missing.first().getByRole('button').click();
    await expect(page.getByTestId('narrative-4.1.4')).toBeFocused();
    await expect(page.getByTestId('item-4.1.4')).toBeInViewport();
    await page.waitForFunction(() => new Promise<boolean>((resolve) => {
      const y = window.scrollY;
      setTimeout(() => resolve(window.scrollY === y), 200);
    }));
    await screenshot(page, 'my-application-jump');
  });

  test('text typed just before the page goes away is still saved', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByTestId('nav-start').click();
    await page.getByTestId('enterprise-organisation').fill('厦门示例有限公司');
    await page.getByTestId('enterprise-cycle').fill('2026年度厦门市质量奖');
    await page.getByTestId('create-enterprise-submit').click();
    await expect(page.getByTestId('profile')).toBeVisible();

    // No blur, no waiting for the debounce: leaving the page must flush it.
    await page.getByTestId('profile').pressSequentially('最后一刻写下的文字');
    await page.reload();
    await expect(page.getByTestId('profile')).toHaveValue('最后一刻写下的文字');
  });
});
