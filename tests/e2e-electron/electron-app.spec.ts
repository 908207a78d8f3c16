import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const nativeReady = existsSync(join(root, '.cache', 'electron-native', 'better_sqlite3.node'));

test.describe('desktop shell (real Electron binary)', () => {
  test.skip(!binary, 'SKIPPED: the Electron binary is not installed on this machine (its download is blocked here); run `npm start` once on a machine that can download it, then rerun.');
  test.skip(!!binary && !nativeReady, 'SKIPPED: better-sqlite3 has not been built for Electron yet; `npm start` builds it into .cache/electron-native.');

  test('opens the office home in a sandboxed window and creates a cycle', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'award-desk-electron-'));
    const app = await electron.launch({ executablePath: binary!, args: [root], env: { ...process.env, AWARD_DESK_WORKSPACE: join(dir, 'office.sqlite') } });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('app-title')).toHaveText('质量奖评审工作台');
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((window as unknown as { awardDesk: object }).awardDesk).sort())).toEqual(['invoke', 'on']);
      await window.getByTestId('create-cycle').click();
      await window.getByTestId('cycle-name').fill('桌面端周期');
      await window.getByTestId('create-cycle-submit').click();
      await expect(window.getByTestId('cycles-table').getByRole('cell', { name: '桌面端周期' })).toBeVisible();
      const opened = await window.evaluate(() => globalThis.open('https://example.com') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
