/**
 * A variant of the e2e `app` fixture for the results screens: `award-desk demo` writes a complete,
 * approved award cycle (12 applicants, 9 experts, two stages) into a fresh workspace, then the real
 * browser host serves it. Building the cycle through the CLI keeps each test to the screens it tests.
 */
import { test as base, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { startApp, type RunningApp } from './fixtures';

/** Builds the demo workspace with the CLI and starts the browser host on it. */
export function startDemoApp(): ReturnType<typeof startApp> {
  return startApp({
    file: 'demo.sqlite',
    prepare: (workspace, cliPath) => {
      const built = spawnSync(process.execPath, [cliPath, 'demo', '--workspace', workspace, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000 });
      if (built.status !== 0) throw new Error(`award-desk demo failed: ${built.stderr || built.stdout}`);
    },
  });
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
