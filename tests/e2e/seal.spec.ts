import { sealPng } from '../fixtures/pdf/seal-png';
import { test, expect, createCycle, screenshot, switchLanguage } from './fixtures';

test.describe('office: the certificate seal in cycle settings', () => {
  test('uploads, previews, refuses a non-PNG, replaces and removes the seal', async ({ page, app }) => {
    await page.goto(app.url);
    const cycleId = await createCycle(page, '公章测试周期');
    await page.goto(`${app.url}#/cycles/${cycleId}/settings`);
    const field = page.getByTestId('seal-field');
    await field.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('seal-none')).toHaveText('尚未上传公章，证书将不带公章打印。');
    await expect(page.getByTestId('seal-preview')).toHaveCount(0);

    const input = field.locator('input[type="file"]');
    await input.setInputFiles({ name: '福州市人民政府公章.png', mimeType: 'image/png', buffer: sealPng() });
    await expect(page.getByText('公章已保存')).toBeVisible();
    const preview = page.getByTestId('seal-preview');
    await expect(preview).toBeVisible();
    // Decoded by the browser from the data: URL the CSP allows, at the seal's own size.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    await expect(page.getByTestId('seal-details')).toContainText('福州市人民政府公章.png · 240×240 像素');
    await expect(page.getByTestId('seal-upload')).toHaveText(/更换公章/);
    await screenshot(page, 'cycle-settings-seal');

    // A file that is not a PNG is refused with the reason, and the seal stays.
    await input.setInputFiles({ name: 'seal.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not a png') });
    await expect(page.getByText('公章图片不是 PNG 文件。请上传背景透明的 PNG 图片。')).toBeVisible();
    await expect(page.getByTestId('seal-details')).toContainText('240×240');

    await switchLanguage(page, 'English');
    await expect(page.getByTestId('seal-upload')).toHaveText(/Replace seal/);
    await input.setInputFiles({ name: 'seal-large.png', mimeType: 'image/png', buffer: sealPng(320, { gradient: true }) });
    await expect(page.getByText('Seal saved')).toBeVisible();
    await expect(page.getByTestId('seal-details')).toContainText('seal-large.png · 320×320 px');
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    await switchLanguage(page, '简体中文');

    // Kept in the workspace: a reload shows the same seal.
    await page.reload();
    await expect(page.getByTestId('seal-details')).toContainText('seal-large.png · 320×320 像素');

    await page.getByTestId('seal-remove').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s?定$/ }).click(); // antd spaces two-character labels
    await expect(page.getByText('公章已删除')).toBeVisible();
    await expect(page.getByTestId('seal-none')).toBeVisible();
    await expect(page.getByTestId('seal-preview')).toHaveCount(0);
  });
});
