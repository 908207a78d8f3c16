import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { APPLICATION_ID } from '../../../electron/core/db/connection';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { AppError } from '../../../shared/api/errors';
import { fixedClock, tempDir } from '../../helpers/workspace';

const temp = tempDir();
afterAll(() => temp.dispose());
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function refusal(run: () => unknown): AppError['payload'] {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.payload;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('workspace database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys, STRICT tables and our application id', () => {
    const { db, info } = openWorkspace(join(temp.dir, 'fresh.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
    expect(info.role).toBe('office');
    expect(existsSync(info.filesDir)).toBe(true);
    db.close();
  });

  it('matches the schema snapshot (update tests/fixtures/schema.sql on purpose, with a migration)', async () => {
    const { db } = openWorkspace(join(temp.dir, 'snapshot.sqlite'));
    const schema = (db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`).all() as { sql: string }[])
      .map((row) => `${row.sql};`)
      .join('\n\n');
    db.close();
    await expect(`${schema}\n`).toMatchFileSnapshot('../../fixtures/schema.sql');
  });

  it('refuses a workspace written by a newer version and leaves the file byte-for-byte untouched', () => {
    const file = join(temp.dir, 'newer.sqlite');
    openWorkspace(file).db.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = sha256(file);
    const listing = readdirSync(temp.dir).sort();
    const error = refusal(() => openWorkspace(file));
    expect(error).toMatchObject({ code: 'refused', key: 'errors.workspace.newerVersion', params: { found: LATEST_SCHEMA_VERSION + 10, supported: LATEST_SCHEMA_VERSION } });
    expect(sha256(file)).toBe(before);
    expect(readdirSync(temp.dir).sort()).toEqual(listing);
  });

  it('refuses files that are not workspaces without writing to them', () => {
    const text = join(temp.dir, 'notes.sqlite');
    writeFileSync(text, '这不是数据库 — just text, long enough to have a header');
    const before = sha256(text);
    expect(refusal(() => openWorkspace(text))).toMatchObject({ key: 'errors.workspace.notSqlite' });
    expect(sha256(text)).toBe(before);

    const foreign = join(temp.dir, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE t (x)');
    other.pragma('user_version = 3');
    other.close();
    const foreignHash = sha256(foreign);
    expect(refusal(() => openWorkspace(foreign))).toMatchObject({ key: 'errors.workspace.foreign' });
    expect(sha256(foreign)).toBe(foreignHash);
  });

  const addNotes: Migration = { version: migrations.at(-1)!.version + 10, name: 'test-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT') };
  const broken: Migration = {
    version: migrations.at(-1)!.version + 10,
    name: 'test-broken',
    up: (db) => {
      db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
      throw new Error('disk said no');
    },
  };

  it('backs up before migrating an existing workspace, then migrates in one transaction', () => {
    const file = join(temp.dir, 'migrate.sqlite');
    const first = openWorkspace(file, { clock: fixedClock() });
    first.db.prepare(`INSERT INTO settings VALUES ('probe', '2025年度')`).run();
    first.db.close();
    const { db, info } = openWorkspace(file, { migrations: [...migrations, addNotes], clock: fixedClock() });
    expect(db.pragma('user_version', { simple: true })).toBe(addNotes.version);
    db.close();
    const backups = readdirSync(info.backupsDir);
    expect(backups).toHaveLength(1);
    const backup = new Database(join(info.backupsDir, backups[0]!), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.prepare(`SELECT value FROM settings WHERE key = 'probe'`).all()).toEqual([{ value: '2025年度' }]);
    backup.close();
  });

  it('rolls back a failing migration and keeps the data and version as they were', () => {
    const file = join(temp.dir, 'broken.sqlite');
    const first = openWorkspace(file);
    first.db.prepare(`INSERT INTO settings VALUES ('probe', '保留的数据')`).run();
    first.db.close();
    expect(refusal(() => openWorkspace(file, { migrations: [...migrations, broken] }))).toMatchObject({
      key: 'errors.workspace.migrationFailed',
      params: { version: broken.version, reason: 'disk said no' },
    });
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(check.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'`).get()).toEqual({ n: 0 });
    expect(check.prepare(`SELECT value FROM settings WHERE key = 'probe'`).all()).toEqual([{ value: '保留的数据' }]);
    check.close();
  });
});
