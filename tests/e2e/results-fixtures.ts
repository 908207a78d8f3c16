/**
 * A variant of the e2e `app` fixture for the results screens: `award-desk demo` writes a complete,
 * approved award cycle (12 applicants, 9 experts, two stages) into a fresh workspace, then the real
 * browser host serves it. Building the cycle through the CLI keeps each test to the screens it tests.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningApp } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cliPath = join(root, 'out', 'cli.cjs');

async function serve(workspace: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cliPath, 'serve', '--workspace', workspace, '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  return { url, child };
}

/** Builds the demo workspace with the CLI and starts the browser host on it. */
export async function startDemoApp(): Promise<{ app: RunningApp; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'award-desk-results-e2e-'));
  const workspace = join(dir, 'demo.sqlite');
  const built = spawnSync(process.execPath, [cliPath, 'demo', '--workspace', workspace, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000 });
  if (built.status !== 0) throw new Error(`award-desk demo failed: ${built.stderr || built.stdout}`);
  const { url, child } = await serve(workspace);
  return {
    app: { url, workspace, dir, cliPath },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ demoApp: RunningApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their (unused) dependencies
  demoApp: async ({}, use) => {
    const running = await startDemoApp();
    await use(running.app);
    await running.stop();
  },
});

export { expect };
