import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningApp {
  /** The launch URL with this run's token, as the CLI prints it. */
  url: string;
  workspace: string;
  dir: string;
  /** Runs the CLI against the same workspace (while the host keeps running). */
  cliPath: string;
}

/**
 * Starts the real browser host (the built CLI) on a fresh workspace in a temporary folder; `prepare` may
 * write that workspace first (e.g. with `award-desk demo`).
 */
export async function startApp(options: { file?: string; prepare?(workspace: string, cliPath: string): void } = {}): Promise<{ app: RunningApp; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'award-desk-e2e-'));
  const workspace = join(dir, options.file ?? 'office.sqlite');
  const cliPath = join(root, 'out', 'cli.cjs');
  options.prepare?.(workspace, cliPath);
  const child: ChildProcess = spawn(process.execPath, [cliPath, 'serve', '--workspace', workspace, '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  return {
    app: { url, workspace, dir, cliPath },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ app: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their (unused) dependencies
  app: async ({}, use) => {
    const running = await startApp();
    await use(running.app);
    await running.stop();
  },
});

export { expect };

/** Screenshots of each screen land in /tmp for a person to look at; they are never compared. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `/tmp/ui-${name}.png`, fullPage: false });
}

/** Creates an award cycle through the UI and opens its applicants page; returns the cycle's id. */
export async function createCycle(page: Page, name: string, year = 2026): Promise<string> {
  await page.getByTestId('nav-cycles').click();
  await page.getByTestId('create-cycle').click();
  await page.getByTestId('cycle-name').fill(name);
  await page.getByTestId('cycle-year').fill(String(year));
  await page.getByTestId('create-cycle-submit').click();
  await page.getByTestId('cycles-table').getByRole('link', { name }).click();
  await expect(page).toHaveURL(/#\/cycles\/[^/]+\/applicants$/);
  return new URL(page.url()).hash.split('/')[2]!;
}

/** Switches the interface language with the header's language select. */
export async function switchLanguage(page: Page, label: 'English' | '简体中文' | '繁體中文'): Promise<void> {
  await page.getByTestId('language-select').click();
  await page.getByTitle(label).click();
}
