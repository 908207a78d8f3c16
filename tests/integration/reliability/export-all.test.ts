import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { decodeValue, exportAll, type ExportManifest } from '../../../electron/core/maintenance/export-all';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { fixedClock, tempDir } from '../../helpers/workspace';
import { refusal, runCli, seededWorkspace, sha256, snapshot } from './helpers';

const temp = tempDir('award-desk-export-');
afterAll(() => temp.dispose());

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

function tableCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/** Every row of every table, in a form that compares exactly (integers as text, blobs as hex). */
function contents(db: Database.Database): Record<string, string[]> {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const show = (value: unknown) => (typeof value === 'bigint' ? `i${value}` : Buffer.isBuffer(value) ? `x${value.toString('hex')}` : value);
  return Object.fromEntries(
    names.map((name) => [
      name,
      (db.prepare(`SELECT * FROM "${name}"`).safeIntegers(true).all() as Record<string, unknown>[])
        .map((row) => JSON.stringify(Object.entries(row).map(([key, value]) => [key, show(value)])))
        .sort(),
    ]),
  );
}

describe('export-all', () => {
  it('writes every table as JSON with a manifest of row counts, copies attachments, and round-trips', async () => {
    const file = await seededWorkspace(temp.dir, 'office.sqlite', 12, '导出');
    // Attachments are content-addressed files beside the database; the export copies them as they are.
    const filesDir = join(temp.dir, 'office.files');
    const blobs = ['第一份证明材料', 'second attachment body'].map((text) => {
      const sha = createHash('sha256').update(text).digest('hex');
      mkdirSync(join(filesDir, sha.slice(0, 2)), { recursive: true });
      writeFileSync(join(filesDir, sha.slice(0, 2), sha), text);
      return `${sha.slice(0, 2)}/${sha}`;
    });
    const before = sha256(file);
    const out = join(temp.dir, 'export');

    const cli = runCli(['export-all', '--workspace', file, '--out', out]);
    expect(cli.code, cli.out).toBe(0);
    const manifest = readJson<ExportManifest>(join(out, 'manifest.json'));
    const counts = tableCounts(file);
    expect(cli.out).toContain(`Exported ${Object.keys(counts).length} tables`);
    expect(manifest).toMatchObject({ format: 'quality-award-desk-export', formatVersion: 1, schemaVersion: LATEST_SCHEMA_VERSION, role: 'office', attachments: { files: 2 } });
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(counts);
    expect(counts.cycles).toBe(12);
    expect(counts.audit_log).toBe(12);
    for (const table of manifest.tables) {
      const text = readFileSync(join(out, table.file), 'utf8');
      expect(createHash('sha256').update(text).digest('hex')).toBe(table.sha256);
      expect((JSON.parse(text) as unknown[]).length).toBe(table.rows);
    }
    expect(Object.keys(snapshot(join(out, 'files'))).sort()).toEqual(blobs.map((b) => b.replace('/', sep)).sort());
    expect(sha256(file)).toBe(before); // read-only

    // Round trip: the schema and the JSON rebuild a database with exactly the same rows.
    const rebuilt = new Database(join(temp.dir, 'rebuilt.sqlite'));
    rebuilt.pragma('foreign_keys = OFF'); // tables arrive in name order, not dependency order
    rebuilt.exec(readFileSync(join(out, manifest.schemaFile), 'utf8'));
    for (const table of manifest.tables) {
      const rows = readJson<Record<string, unknown>[]>(join(out, table.file));
      const insert = rebuilt.prepare(`INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      rebuilt.transaction(() => rows.forEach((row) => insert.run(...table.columns.map((column) => decodeValue(row[column])))))();
    }
    const original = new Database(file, { readonly: true });
    expect(contents(rebuilt)).toEqual(contents(original));
    original.close();
    rebuilt.close();
  });

  it('follows the schema: a table added by a later migration is exported without changes to the exporter', () => {
    const file = join(temp.dir, 'grown.sqlite');
    const addNotes: Migration = {
      version: LATEST_SCHEMA_VERSION + 10,
      name: 'test-notes',
      up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, big INTEGER, bytes BLOB, ratio REAL) STRICT'),
    };
    const { db } = openWorkspace(file, { migrations: [...migrations, addNotes], clock: fixedClock(), dailyBackup: false });
    const insert = db.prepare('INSERT INTO notes (body, big, bytes, ratio) VALUES (?, ?, ?, ?)');
    insert.run('一', 9007199254740993n, Buffer.from([0, 1, 2, 255]), 0.5);
    insert.run('二', -5, null, Infinity);
    db.close();
    const out = join(temp.dir, 'grown-export');
    const manifest = exportAll(file, out, { now: new Date('2026-11-21T00:00:00Z') });
    expect(manifest.schemaVersion).toBe(addNotes.version);
    expect(manifest.tables.find((t) => t.name === 'notes')).toMatchObject({ rows: 2, columns: ['id', 'body', 'big', 'bytes', 'ratio'] });
    expect(readJson(join(out, 'tables', 'notes.json'))).toEqual([
      { id: 1, body: '一', big: { $integer: '9007199254740993' }, bytes: { $base64: 'AAEC/w==' }, ratio: 0.5 },
      { id: 2, body: '二', big: -5, bytes: null, ratio: { $real: 'Infinity' } },
    ]);
  });

  it('never writes into a folder that already holds files', async () => {
    const file = await seededWorkspace(temp.dir, 'refuse.sqlite', 1);
    const out = join(temp.dir, 'occupied');
    mkdirSync(out);
    writeFileSync(join(out, 'keep-me.txt'), 'mine');
    expect(refusal(() => exportAll(file, out, { now: new Date() }))).toMatchObject({ key: 'reliability.exportAll.outNotEmpty' });
    expect(snapshot(out)).toEqual({ 'keep-me.txt': sha256(join(out, 'keep-me.txt')) });
  });
});
