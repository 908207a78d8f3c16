import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createCycle, screenshot, switchLanguage, test as appTest } from './fixtures';
import { test, expect } from './results-fixtures';

const CATEGORIES_ZH = ['领导', '战略', '顾客与市场', '资源', '过程管理', '测量、分析与改进', '结果'];
const CATEGORIES_EN = ['Leadership', 'Strategy', 'Customers and Markets', 'Resources', 'Process Management', 'Measurement, Analysis and Improvement', 'Results'];
const CATEGORIES_TW = ['領導', '戰略', '顧客與市場', '資源', '過程管理', '測量、分析與改進', '結果'];

/** The chart's SVG text (long radar labels wrap over lines), without whitespace. */
async function chartText(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).locator('svg').textContent()) ?? '').replace(/\s+/g, '');
}

async function expectChartNames(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) await expect.poll(() => chartText(page, 'category-radar')).toContain(name.replace(/\s+/g, ''));
}

const OPEN_DROPDOWN = '.ant-select-dropdown:visible:not([class*="-leave"]):not([class*="-enter"])';

/** Picks an option in the antd select that is open (one still animating open or shut is not it). */
async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`).filter({ hasText: text }).first().click();
}

/**
 * Opens `select`, picks `text` and checks the select now shows it. On a loaded machine a click can land
 * while the dropdown is still moving; then the whole choice is made again.
 */
async function choose(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await expect(async () => {
    if ((await page.locator(OPEN_DROPDOWN).count()) === 0) await select.click();
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`).filter({ hasText: text }).first().click({ timeout: 3_000 });
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

async function rankingRows(page: Page): Promise<{ rank: string; name: string }[]> {
  const rows = page.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
  const count = await rows.count();
  const out: { rank: string; name: string }[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out.push({ rank: (await row.getByTestId('rank-cell').innerText()).trim(), name: (await row.getByTestId('ranking-applicant').innerText()).trim() });
  }
  return out;
}

test('the office ranks, reviews an applicant, decides, approves and prints a certificate', async ({ demoApp, page }) => {
  test.setTimeout(180_000);
  await page.goto(demoApp.url);
  await page.getByTestId('nav-ranking').click();
  await expect(page).toHaveURL(/#\/cycles\/[^/]+\/ranking$/);
  const cycleId = new URL(page.url()).hash.split('/')[2]!;

  // The demo cycle: 12 ranked applicants, approved, three tiers with the award's quota of three.
  await expect(page.getByTestId('results-status')).toHaveText('已批准');
  await expect(page.getByTestId('ranking-table').locator('tbody tr.ant-table-row')).toHaveCount(12);
  const all = await rankingRows(page);
  const ranks = all.map((r) => Number(r.rank.split(/\s/)[0]));
  expect(ranks[0]).toBe(1);
  // Competition ranking: never decreasing, and a rank n means n − 1 applicants are ahead.
  ranks.forEach((rank, i) => expect(rank === ranks[i - 1] || rank === i + 1).toBe(true));
  const tiers = await page.getByTestId('tier-cell').allInnerTexts();
  expect(tiers.slice(0, 3)).toEqual(['大奖', '大奖', '大奖']);
  expect(tiers).toContain('未达任何等级');
  await expect(page.getByTestId('stability-tag').first()).toBeVisible();
  await screenshot(page, 'results-ranking');

  // Filters narrow the rows but never change ranks (they are over the whole cycle).
  await choose(page, page.getByTestId('filter-section'), /C 制造业/);
  // Generous: under a loaded CI machine the filtered ranking has once taken longer than the default 10 s.
  await expect.poll(async () => (await rankingRows(page)).length, { timeout: 30_000 }).toBeLessThan(12);
  for (const row of await rankingRows(page)) expect(all).toContainEqual(row);
  await page.getByTestId('filter-section').locator('.ant-select-clear').click();
  await expect(page.getByTestId('ranking-table').locator('tbody tr.ant-table-row')).toHaveCount(12);

  // Rank stability runs as a background job and the ranking picks the result up.
  await page.getByTestId('compute-sensitivity').click();
  await expect(page.getByTestId('sensitivity-state')).toHaveText('排名稳定性已计算');

  // The per-applicant detail: radar by category, bars by item, names in the interface language.
  const first = all[0]!.name;
  await page.getByTestId('ranking-applicant').filter({ hasText: first }).click();
  await expect(page.getByTestId('results-title')).toHaveText(first);
  const radar = page.getByTestId('category-radar');
  await expect(radar.locator('svg')).toHaveCount(1);
  await expectChartNames(page, CATEGORIES_ZH);
  await expect(page.getByTestId('item-bars').locator('svg rect').first()).toBeAttached();
  await page.getByTestId('category-radar').scrollIntoViewIfNeeded();
  await screenshot(page, 'results-detail-zh');
  await switchLanguage(page, 'English');
  await expectChartNames(page, CATEGORIES_EN);
  await radar.scrollIntoViewIfNeeded();
  await screenshot(page, 'results-detail-en');
  await switchLanguage(page, '繁體中文');
  await expectChartNames(page, CATEGORIES_TW);
  await switchLanguage(page, '简体中文');

  // Rater severity: raw figures beside the panel's.
  await page.goto(`${new URL(page.url()).origin}/#/cycles/${cycleId}/severity`);
  await expect(page.getByTestId('severity-table').locator('tbody tr.ant-table-row')).toHaveCount(9);
  await screenshot(page, 'results-severity');

  // The committee: withdraw the approval (audited, with a reason), decide, approve again.
  await page.getByTestId('results-section-committee').click();
  await expect(page).toHaveURL(new RegExp(`#/cycles/${cycleId}/committee$`));
  await page.getByTestId('reopen-results').click();
  await page.getByTestId('reopen-save').click();
  await expect(page.locator('.ant-form-item-explain-error')).toHaveText('此项为必填项');
  await page.getByTestId('reopen-reason').fill('委员会复议第十二名的等级');
  await page.getByTestId('reopen-save').click();
  await expect(page.getByTestId('results-status')).toHaveText('未批准');

  const last = all.at(-1)!.name;
  const lastRow = page.getByTestId('committee-table').locator('tbody tr.ant-table-row').filter({ hasText: last });
  await expect(lastRow.getByTestId('certificate-cell')).toHaveText('—');
  await lastRow.getByTestId('record-decision').click();
  await page.getByTestId('vote-for').fill('9');
  await page.getByTestId('vote-against').fill('2');
  await page.getByTestId('vote-abstain').fill('1');
  await choose(page, page.getByTestId('decision-outcome'), '鼓励奖');
  await page.getByTestId('decision-note').fill('现场评审发现的问题已整改到位，委员会表决给予鼓励奖。');
  await screenshot(page, 'results-decision');
  await page.getByTestId('decision-save').click();
  await expect(lastRow.getByTestId('decision-cell')).toHaveText('鼓励奖');
  await expect(lastRow.getByTestId('votes-cell')).toHaveText('赞成 9 · 反对 2 · 弃权 1');

  await page.getByTestId('approve-results').click();
  await page.getByTestId('approve-confirm').click();
  await expect(page.getByTestId('results-status')).toHaveText('已批准');
  await expect(lastRow.getByTestId('certificate-cell')).toHaveText(/^2026-BHZLJ-\d{3}$/);
  await expect(lastRow.getByTestId('record-decision')).toBeDisabled();
  await screenshot(page, 'results-committee');

  // The public notice (公示名单) as a PDF: a print job followed on the committee page; it lists the new winner.
  await page.getByTestId('public-notice-pdf').click();
  await expect(page.getByTestId('notice-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  const noticeDownload = page.waitForEvent('download');
  await page.getByTestId('notice-job-save').click();
  const noticeFile = await (await noticeDownload).path();
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', noticeFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(last);

  // Print this applicant's certificate; the browser host delivers it as a download into the chosen folder.
  await page.getByTestId('results-section-print').click();
  await page.getByTestId('print-kind-certificates').click();
  await page.getByTestId('print-applicants').click();
  await page.keyboard.type(last);
  await pickOption(page, last);
  await page.keyboard.press('Escape');
  await page.getByTestId('print-start').click();
  await expect(page.getByTestId('print-job')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await screenshot(page, 'results-print');
  const folder = mkdtempSync(join(tmpdir(), 'award-desk-certificates-'));
  try {
    const downloading = page.waitForEvent('download');
    await page.getByTestId('print-job-save').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(existsSync(file)).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, '')).toContain(last);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, '/tmp/ui-results-certificate']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

appTest('a new cycle without scores shows its results screens and refuses approval and certificates with the reason', async ({ app, page }) => {
  await page.goto(app.url);
  const cycleId = await createCycle(page, '2026 年度空白周期');
  await page.goto(`${new URL(page.url()).origin}/#/cycles/${cycleId}/ranking`);
  await expect(page.getByTestId('results-status')).toHaveText('未批准');
  await expect(page.getByTestId('tier-summary')).toContainText('0 家申报组织中已排名 0 家');
  await screenshot(page, 'results-empty-ranking');

  await page.getByTestId('results-section-committee').click();
  await page.getByTestId('approve-results').click();
  await page.getByTestId('approve-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('还没有可排名的申报组织');

  await page.getByTestId('results-section-print').click();
  await page.getByTestId('print-start').click();
  await expect(page.locator('.ant-message')).toContainText('批准后才能打印证书');
  await screenshot(page, 'results-empty-print');
});
