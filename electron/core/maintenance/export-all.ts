import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { APPLICATION_ID, openConnection, readHeader, type Db, type OpenOptions } from '../db/connection';
import { workspaceFolders } from '../db/workspace';
import { APP_VERSION } from '../version';

export const EXPORT_FORMAT = 'quality-award-desk-export';

export interface ExportedTable {
  name: string;
  file: string;
  rows: number;
  columns: string[];
  sha256: string;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  appVersion: string;
  workspaceId: string | null;
  role: string | null;
  schemaVersion: number;
  /** How values that JSON cannot hold are written. */
  encoding: Record<string, string>;
  /** Every CREATE statement in creation order: replaying it gives an empty workspace of this schema. */
  schemaFile: string;
  tables: ExportedTable[];
  attachments: { folder: string; files: number; bytes: number };
}

/**
 * Writes a workspace in open formats so an office is never locked in: every table as a JSON array of
 * row objects (one file per table, found through sqlite_master, so new tables are included without
 * changes here), the schema as SQL, the attachment folder as plain files, and a manifest written last
 * (a folder without manifest.json is an unfinished export). Reads one consistent snapshot through a
 * read-only connection, so it works while the app is running and never changes the workspace.
 */
export function exportAll(file: string, outDir: string, request: { now: Date; openOptions?: OpenOptions }): ExportManifest {
  const source = resolve(file);
  const out = resolve(outDir);
  const header = readHeader(source, request.openOptions);
  if (header.applicationId !== APPLICATION_ID) throw new AppError('refused', 'errors.workspace.foreign', { found: header.applicationId });
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) {
    throw new AppError('refused', 'reliability.exportAll.outNotEmpty', { path: out });
  }
  mkdirSync(join(out, 'tables'), { recursive: true });
  const db = openConnection(source, { ...request.openOptions, readonly: true });
  try {
    db.exec('BEGIN'); // one read snapshot for every table
    const schema = db.prepare(`SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`).pluck().all() as string[];
    writeFileSync(join(out, 'schema.sql'), schema.map((sql) => `${sql};\n`).join('\n'));
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    const tables = names.map((name) => exportTable(db, name, out));
    const meta = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: 1,
      exportedAt: request.now.toISOString(),
      appVersion: APP_VERSION,
      workspaceId: names.includes('meta') ? meta('workspace_id') : null,
      role: names.includes('meta') ? meta('role') : null,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      encoding: {
        text: 'UTF-8 JSON strings',
        integer: 'JSON numbers; beyond ±2^53 as {"$integer": "<decimal digits>"}',
        blob: '{"$base64": "<base64>"}',
        real: 'JSON numbers; infinities as {"$real": "Infinity"} or {"$real": "-Infinity"}',
      },
      schemaFile: 'schema.sql',
      tables,
      attachments: copyAttachments(workspaceFolders(source).filesDir, join(out, 'files')),
    };
    db.exec('COMMIT');
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    db.close();
  }
}

function exportTable(db: Db, name: string, out: string): ExportedTable {
  const file = `tables/${/^[A-Za-z0-9_]+$/.test(name) ? name : encodeURIComponent(name)}.json`;
  const statement = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).safeIntegers(true);
  const columns = statement.columns().map((column) => column.name);
  const hash = createHash('sha256');
  const fd = openSync(join(out, file), 'w');
  let rows = 0;
  const write = (text: string) => {
    writeSync(fd, text);
    hash.update(text, 'utf8');
  };
  try {
    write('[');
    for (const row of statement.iterate() as IterableIterator<Record<string, unknown>>) {
      const encoded: Record<string, unknown> = {};
      for (const column of columns) encoded[column] = encodeValue(row[column]);
      write(`${rows === 0 ? '\n' : ',\n'}${JSON.stringify(encoded)}`);
      rows += 1;
    }
    write(rows === 0 ? ']\n' : '\n]\n');
  } finally {
    closeSync(fd);
  }
  return { name, file, rows, columns, sha256: hash.digest('hex') };
}

export function encodeValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : { $integer: value.toString() };
  }
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $real: value > 0 ? 'Infinity' : '-Infinity' };
  return value;
}

/** The inverse of encodeValue, for anyone reading an export back (and for the round-trip test). */
export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object') {
    const tagged = value as { $integer?: string; $base64?: string; $real?: string };
    if (tagged.$integer !== undefined) return BigInt(tagged.$integer);
    if (tagged.$base64 !== undefined) return Buffer.from(tagged.$base64, 'base64');
    if (tagged.$real !== undefined) return tagged.$real === 'Infinity' ? Infinity : -Infinity;
  }
  return value;
}

function copyAttachments(from: string, to: string): ExportManifest['attachments'] {
  const totals = { folder: 'files', files: 0, bytes: 0 };
  if (!existsSync(from)) return totals;
  const walk = (source: string, target: string) => {
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const a = join(source, entry.name);
      const b = join(target, entry.name);
      if (entry.isDirectory()) walk(a, b);
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) {
        copyFileSync(a, b);
        totals.files += 1;
        totals.bytes += statSync(a).size;
      }
    }
  };
  walk(from, to);
  return totals;
}
