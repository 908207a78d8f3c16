import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { BackupVerdict } from '../../../shared/api/backups';
import { AppError } from '../../../shared/api/errors';
import { verifyAuditChain } from './audit';
import { listBackupFiles } from './backup';
import { APPLICATION_ID, type Db, type OpenOptions } from './connection';

/** What a check of one database file found; `ok` is the only verdict a restore accepts. */
export interface Inspection {
  verdict: BackupVerdict;
  /** SQLite's own words, a version or an id: shown beside the translated verdict, never translated. */
  detail: string | null;
  schemaVersion: number | null;
  workspaceId: string | null;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Runs `PRAGMA quick_check` through a read-only connection: the file itself is never written. */
export function quickCheck(file: string, options: OpenOptions = {}): { ok: true } | { ok: false; detail: string } {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const rows = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
    return rows.length === 1 && rows[0] === 'ok' ? { ok: true } : { ok: false, detail: summarise(rows) };
  } catch (error) {
    // SQLITE_CORRUPT and SQLITE_NOTADB surface as exceptions rather than as rows.
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/**
 * Refuses to open a damaged workspace. Nothing is deleted or rewritten: the error names the newest
 * backup that passes every restore check, so the UI or the CLI can offer it.
 */
export function assertNotDamaged(file: string, backupsDir: string, latest: number, options: OpenOptions = {}): void {
  const check = quickCheck(file, options);
  if (check.ok) return;
  const newest = newestGoodBackup(backupsDir, latest, options);
  throw new AppError('refused', 'reliability.damaged', {
    path: file,
    detail: check.detail,
    newestGoodBackup: newest ?? '',
    backupsDir,
    ...(newest ? {} : { context: 'noBackup' }),
  });
}

export function newestGoodBackup(backupsDir: string, latest: number, options: OpenOptions = {}): string | undefined {
  for (const backup of listBackupFiles(backupsDir)) {
    if (inspectDatabaseFile(backup.path, latest, options).verdict === 'ok') return backup.fileName;
  }
  return undefined;
}

/**
 * Checks a file without changing anything on disk. A file in rollback-journal mode is read through a
 * read-only connection (which creates no side files); a WAL-mode file would make SQLite create -wal and
 * -shm beside it, so it is checked from an in-memory copy instead (marked as rollback mode in memory).
 */
export function inspectDatabaseFile(file: string, latest: number, options: OpenOptions = {}): Inspection {
  const header = readHeaderBytes(file);
  if (!header || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return verdict('notSqlite');
  let db: Db | undefined;
  try {
    const rollbackMode = header[18] === 1 && header[19] === 1;
    const sideFiles = ['-wal', '-journal'].some((suffix) => existsSync(file + suffix));
    if (rollbackMode && !sideFiles) {
      db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    } else {
      const image = readFileSync(file);
      image[18] = 1;
      image[19] = 1;
      db = new Database(image, { readonly: true, nativeBinding: options.nativeBinding });
    }
    return checkDatabase(db, latest);
  } catch (error) {
    return verdict('damaged', error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

/**
 * Checks a copy we made ourselves and may change: it is switched to rollback-journal mode first, which
 * folds a copied -wal into the file, so what is checked is exactly what would be restored.
 */
export function inspectOwnCopy(file: string, latest: number, options: OpenOptions = {}): Inspection {
  const header = readHeaderBytes(file);
  if (!header || header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) return verdict('notSqlite');
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding });
    const early = identity(db, latest);
    if (early) return early; // a foreign or newer file is judged without writing to it
    db.pragma('journal_mode = DELETE');
    return checkDatabase(db, latest);
  } catch (error) {
    return verdict('damaged', error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

/** The restore checks, in order: ours, not newer than this code, intact pages, unbroken audit chain. */
export function checkDatabase(db: Db, latest: number): Inspection {
  const early = identity(db, latest);
  if (early) return early;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const rows = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
  if (rows.length !== 1 || rows[0] !== 'ok') return { ...verdict('damaged', summarise(rows)), schemaVersion };
  const workspaceId = (db.prepare(`SELECT value FROM meta WHERE key = 'workspace_id'`).get() as { value: string } | undefined)?.value ?? null;
  const audit = verifyAuditChain(db);
  if (!audit.ok) return { verdict: 'auditBroken', detail: `${audit.reason}@${audit.seq}`, schemaVersion, workspaceId };
  return { verdict: 'ok', detail: null, schemaVersion, workspaceId };
}

function identity(db: Db, latest: number): Inspection | undefined {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) return { ...verdict('foreign', String(applicationId)), schemaVersion };
  if (schemaVersion > latest) return { ...verdict('newer', String(schemaVersion)), schemaVersion };
  return undefined;
}

/**
 * True when another connection (the app, a browser host) holds the workspace: in WAL mode every open
 * connection keeps a shared lock, so an exclusive lock cannot be had. Only for a file that opens cleanly.
 */
export function isInUse(file: string, options: OpenOptions = {}): boolean {
  const db = new Database(file, { fileMustExist: true, timeout: 0, nativeBinding: options.nativeBinding });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}

function readHeaderBytes(file: string): Buffer | undefined {
  if (!existsSync(file) || statSync(file).size < 100) return undefined;
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

const verdict = (kind: BackupVerdict, detail: string | null = null): Inspection => ({ verdict: kind, detail, schemaVersion: null, workspaceId: null });
const summarise = (rows: string[]) => rows.slice(0, 5).join('; ').replace(/\s+/g, ' ').slice(0, 500);
