import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { AppError, type AppErrorPayload } from '../../../shared/api/errors';
import type { Core } from '../../../electron/core';
import { office, openTestCore } from '../../helpers/workspace';

export const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every file under `dir` with its hash: comparing two snapshots shows any file created, removed or changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = sha256(path);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function refusal(run: () => unknown): AppErrorPayload {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.payload;
    throw error;
  }
  throw new Error('expected a refusal');
}

export async function createCycles(core: Core, prefix: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const result = await core.dispatch('cycles.create', { name: `${prefix}${i}`, year: 2026 }, office);
    expect(result.ok).toBe(true);
  }
}

/** A closed workspace file holding `count` cycles named `<prefix><n>`. */
export async function seededWorkspace(dir: string, file: string, count: number, prefix = '第'): Promise<string> {
  const core = openTestCore(dir, { file });
  await createCycles(core, prefix, count);
  core.close();
  return join(dir, file);
}

export function cycleNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM cycles ORDER BY name').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

/**
 * Overwrites one page that belongs to a table's b-tree (the middle one of `table`) with garbage — what a
 * failing disk or a torn copy does. Deterministic bytes so a failure can be repeated.
 */
export function corruptMiddlePage(file: string, table = 'cycles'): number {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare('SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno').pluck().all(table) as number[];
  db.close();
  expect(pages.length).toBeGreaterThan(2);
  const page = pages[Math.floor(pages.length / 2)]!;
  const garbage = Buffer.alloc(pageSize);
  let x = 0x9e3779b9;
  for (let i = 0; i < pageSize; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    garbage[i] = x >>> 24;
  }
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return page;
}

export function runCli(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [cli, ...args, '--lang', 'en'], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, out: failure.stdout + failure.stderr };
  }
}

export const fileSize = (file: string) => statSync(file).size;
