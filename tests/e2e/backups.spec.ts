import { copyFileSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, createCycle, screenshot, type RunningApp } from './fixtures';

/** The core keeps backups beside the workspace file, in `<stem>.backups` (electron/core/db/workspace.ts). */
const backupsDir = (app: RunningApp) => join(app.dir, 'office.backups');
const backupFiles = (app: RunningApp, reason: string) => readdirSync(backupsDir(app)).filter((name) => name.endsWith(`-${reason}.sqlite`));

async function openBackups(page: Page): Promise<void> {
  await page.getByTestId('nav-backups').click();
  await expect(page.getByTestId('backup-now')).toBeVisible();
}

/** The cycles page lists exactly these cycles by name (each row also links to its applicants and settings). */
async function expectCycles(page: Page, names: string[]): Promise<void> {
  await page.getByTestId('nav-cycles').click();
  const table = page.getByTestId('cycles-table');
  for (const name of names) await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(names.length);
}

test.describe('backups page', () => {
  test('a backup taken on the page brings the workspace back to that moment when restored', async ({ page, app }) => {
    await page.goto(app.url);
    await createCycle(page, '2026年度市长质量奖');

    await openBackups(page);
    await page.getByTestId('backup-now').click();
    await expect.poll(() => backupFiles(app, 'manual').length).toBe(1);
    const [manual] = backupFiles(app, 'manual');
    const restoreButton = page.getByTestId(`backup-restore-${manual}`);
    await expect(restoreButton).toBeEnabled();
    const manualRow = page.getByTestId('backups-table').getByRole('row').filter({ has: restoreButton });
    await expect(manualRow.getByTestId('backup-verdict-ok')).toBeVisible();

    // Work done after the backup: a second cycle.
    await createCycle(page, '2027年度市长质量奖', 2027);
    await expectCycles(page, ['2026年度市长质量奖', '2027年度市长质量奖']);

    await openBackups(page);
    await page.getByTestId(`backup-restore-${manual}`).click();
    const confirm = page.getByTestId('backup-restore-confirm');
    await expect(confirm).toBeVisible();
    await screenshot(page, 'backups-confirm');
    await confirm.click();
    await expect(confirm).toBeHidden();

    // The file as it was is kept aside before the swap, and is itself a verified backup.
    await expect.poll(() => backupFiles(app, 'pre-restore').length).toBe(1);
    await expectCycles(page, ['2026年度市长质量奖']);
    await page.reload();
    await expectCycles(page, ['2026年度市长质量奖']);

    await openBackups(page);
    const [kept] = backupFiles(app, 'pre-restore');
    await expect(page.getByTestId(`backup-restore-${kept}`)).toBeEnabled();
    await screenshot(page, 'backups-restored');
  });

  test('a damaged file and a file that is no database are listed with their verdict and cannot be restored', async ({ page, app }) => {
    await page.goto(app.url);
    await createCycle(page, '2026年度市长质量奖');
    await openBackups(page);
    await page.getByTestId('backup-now').click();
    await expect.poll(() => backupFiles(app, 'manual').length).toBe(1);
    const [manual] = backupFiles(app, 'manual');

    // Names the folder could hold after a copy by hand: a valid backup name says nothing about the content.
    const damaged = '2026-01-02T08-00-00-000Z-manual.sqlite';
    const notSqlite = '2026-01-01T08-00-00-000Z-manual.sqlite';
    copyFileSync(join(backupsDir(app), manual!), join(backupsDir(app), damaged));
    const size = statSync(join(backupsDir(app), damaged)).size;
    const fd = openSync(join(backupsDir(app), damaged), 'r+');
    // Keeps the header page (so it still opens as SQLite) and scrambles every page after it.
    writeSync(fd, Buffer.alloc(size - 4096, 0xa5), 0, size - 4096, 4096);
    closeSync(fd);
    writeFileSync(join(backupsDir(app), notSqlite), '这不是数据库 — just a text file with a backup name\n');

    await page.reload();
    await openBackups(page);
    for (const [fileName, verdict] of [
      [damaged, 'damaged'],
      [notSqlite, 'notSqlite'],
    ] as const) {
      const button = page.getByTestId(`backup-restore-${fileName}`);
      await expect(button).toBeDisabled();
      await expect(page.getByTestId('backups-table').getByRole('row').filter({ has: button }).getByTestId(`backup-verdict-${verdict}`)).toBeVisible();
    }
    await screenshot(page, 'backups-refused');

    // The core refuses them too when asked directly (the page is not the only guard), and nothing changes.
    const origin = new URL(app.url).origin;
    for (const fileName of [damaged, notSqlite]) {
      const reply = await page.request.post(`${origin}/rpc/backups.restore`, { data: { fileName } });
      expect(reply.status(), fileName).toBeGreaterThanOrEqual(400);
      expect(await reply.json()).toMatchObject({ ok: false });
    }
    expect(backupFiles(app, 'pre-restore')).toEqual([]);
    await expectCycles(page, ['2026年度市长质量奖']);
  });
});
