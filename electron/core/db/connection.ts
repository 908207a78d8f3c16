import Database from 'better-sqlite3';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';

export type Db = Database.Database;

/** 'QAD1' — marks a SQLite file as ours so a stray database is never migrated by mistake. */
export const APPLICATION_ID = 0x51414431;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own ABI). */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Reads the header without SQLite so a non-database file is refused before anything can write to it. */
export function looksLikeSqlite(file: string): boolean {
  if (statSync(file).size === 0) return true; // an empty file is a fresh database to SQLite
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

export interface WorkspaceHeader {
  userVersion: number;
  applicationId: number;
}

/** Reads version facts through a read-only connection: the main file is never written by this. */
export function readHeader(file: string, options: OpenOptions = {}): WorkspaceHeader {
  if (!existsSync(file) || !looksLikeSqlite(file)) {
    throw new AppError('refused', 'errors.workspace.notSqlite', { path: file });
  }
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  try {
    return {
      userVersion: db.pragma('user_version', { simple: true }) as number,
      applicationId: db.pragma('application_id', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

/**
 * Opens a connection with the settings the whole app relies on, then reads them back: a pragma that
 * silently did not apply (e.g. WAL on a filesystem without shared memory) must stop us, not corrupt data later.
 */
export function openConnection(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    assertPragma(db, 'journal_mode', options.readonly ? undefined : 'wal');
    assertPragma(db, 'synchronous', 2);
    assertPragma(db, 'foreign_keys', 1);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertPragma(db: Db, name: string, expected: string | number | undefined): void {
  if (expected === undefined) return;
  const actual = db.pragma(name, { simple: true }) as string | number;
  if (actual !== expected) {
    throw new AppError('internal', 'errors.workspace.pragma', { pragma: name, expected, actual: String(actual) });
  }
}
