import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';

export const resourcesDir = join(__dirname, '..', '..', 'resources');

/** A real workspace on disk in a fresh temporary folder; `dispose` removes it. */
export function tempDir(prefix = 'award-desk-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTestCore(dir: string, options: { clock?: () => Date; file?: string } = {}): Core {
  return createCore({
    workspacePath: join(dir, options.file ?? 'office.sqlite'),
    resourcesDir,
    clock: options.clock ?? fixedClock(),
    onInternalError: (error) => {
      throw error;
    },
  });
}

/** A clock that advances one second per reading, so audit times are distinct and predictable. */
export function fixedClock(start = '2026-11-21T09:00:00.000Z'): () => Date {
  let now = Date.parse(start);
  return () => new Date((now += 1000));
}

export const office = { actor: 'office' };
