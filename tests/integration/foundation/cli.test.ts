import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/workspace';

// The built CLI (out/cli.cjs), exactly as the package.json `bin` entry runs it.
const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');
const temp = tempDir();
afterAll(() => temp.dispose());

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('award-desk CLI', () => {
  it('--help lists serve and verify and exits 0, in the chosen language', () => {
    const en = run('--help', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/serve \[--workspace FILE\] \[--port N\]/);
    expect(en.stdout).toMatch(/verify --workspace FILE\s+check workspace integrity and the audit hash chain/);
    const zh = run('--help', '--lang', 'zh-CN');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('检查工作区完整性与审计日志哈希链');
  });

  it('refuses an unknown command with a non-zero exit and the usage', () => {
    const result = run('bogus', '--lang', 'en');
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('bogus');
    expect(result.stderr + result.stdout).toContain('verify --workspace FILE');
  });

  it('serve refuses a workspace written by a newer version, with the reason, and leaves it byte-for-byte untouched', () => {
    const file = join(temp.dir, 'newer.sqlite');
    openWorkspace(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);
    const listing = readdirSync(temp.dir).sort();

    // The host refuses before it listens, so the process ends by itself.
    const result = run('serve', '--workspace', file, '--lang', 'en');
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain(`schema ${LATEST_SCHEMA_VERSION + 1}; this version supports up to ${LATEST_SCHEMA_VERSION}`);
    expect(result.stderr + result.stdout).toContain('Nothing was changed');
    expect(sha256(file)).toBe(before);
    expect(readdirSync(temp.dir).sort()).toEqual(listing);
  });
});
