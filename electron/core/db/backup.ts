import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  AUTOMATIC_BACKUP_REASONS,
  BACKUP_REASONS,
  DEFAULT_BACKUPS_KEEP,
  MAX_BACKUPS_KEEP,
  backupFileNameSchema,
  type BackupReason,
} from '../../../shared/api/backups';
import type { Db, OpenOptions } from './connection';

/**
 * Backups live in `<workspace>.backups/` as complete SQLite files in rollback-journal mode, named
 * `<UTC time>-<reason>.sqlite` (e.g. `2026-11-21T09-00-00-000Z-daily.sqlite`) so that a plain listing
 * sorts them by time and says why each exists. A file appears under its name only once it is complete
 * and on disk: it is written as `<name>.partial`, synced, then renamed.
 */

export interface BackupFile {
  fileName: string;
  path: string;
  createdAt: string;
  reason: BackupReason | 'other';
  size: number;
}

export interface BackupRequest {
  dir: string;
  reason: BackupReason;
  now: Date;
  /** When given, automatic backups beyond this many are removed afterwards. */
  keep?: number;
}

const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+(?:-[a-z]+)*?)(?:-(\d+))?\.sqlite$/;
const KEEP_SETTING = 'backups.keep';
const LAST_DAILY = 'last_daily_backup';
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export function parseBackupName(fileName: string): { createdAt: string; reason: BackupReason | 'other' } | undefined {
  const match = NAME.exec(fileName);
  if (!match) return undefined;
  const [, date, hours, minutes, seconds, millis, reason] = match;
  const createdAt = `${date}T${hours}:${minutes}:${seconds}.${millis}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return undefined;
  return { createdAt, reason: (BACKUP_REASONS as readonly string[]).includes(reason!) ? (reason as BackupReason) : 'other' };
}

/** A name no other file (or unfinished copy) in the folder has yet. */
export function nextBackupPath(dir: string, reason: BackupReason, now: Date): string {
  const stem = `${backupStamp(now)}-${reason}`;
  for (let n = 1; ; n++) {
    const path = join(dir, `${stem}${n === 1 ? '' : `-${n}`}.sqlite`);
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path;
  }
}

/** Backup files in the folder, newest first. Names the UI could not ask for are left out. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const files: BackupFile[] = [];
  for (const fileName of readdirSync(dir)) {
    if (!backupFileNameSchema.safeParse(fileName).success) continue;
    const path = join(dir, fileName);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const parsed = parseBackupName(fileName) ?? { createdAt: stat.mtime.toISOString(), reason: 'other' as const };
    files.push({ fileName, path, size: stat.size, ...parsed });
  }
  return files.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** Online backup (better-sqlite3's `db.backup`): other work on the same connection goes on meanwhile. */
export async function writeBackup(db: Db, request: BackupRequest, options: OpenOptions = {}): Promise<string> {
  mkdirSync(request.dir, { recursive: true });
  const target = nextBackupPath(request.dir, request.reason, request.now);
  await copyDatabase(db, target, options);
  if (request.keep !== undefined) rotateBackups(request.dir, request.keep);
  return target;
}

/** For the moments that must stay synchronous (before a migration): VACUUM INTO writes a consistent, compact copy. */
export function writeBackupSync(db: Db, request: BackupRequest): string {
  mkdirSync(request.dir, { recursive: true });
  const target = nextBackupPath(request.dir, request.reason, request.now);
  const partial = `${target}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    publish(partial, target);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
  if (request.keep !== undefined) rotateBackups(request.dir, request.keep);
  return target;
}

/** Copies the database behind `db` to `target` (which must not exist) through a `.partial` file. */
export async function copyDatabase(db: Db, target: string, options: OpenOptions = {}): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await db.backup(partial);
    // The copy inherits WAL mode from the header; a backup should be one self-contained file.
    const copy = new Database(partial, { fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    publish(partial, target);
  } catch (error) {
    removeDatabaseFiles(partial);
    throw error;
  }
}

/** Removes automatic backups beyond `keep` (oldest first) and unfinished copies left by a crash. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  if (!existsSync(dir)) return removed;
  const automatic = listBackupFiles(dir).filter((file) => (AUTOMATIC_BACKUP_REASONS as readonly string[]).includes(file.reason));
  for (const file of automatic.slice(Math.max(1, keep))) {
    rmSync(file.path, { force: true });
    removed.push(file.fileName);
  }
  for (const name of readdirSync(dir)) {
    if (!/\.partial(-journal|-wal|-shm)?$/.test(name)) continue;
    const stat = statSync(join(dir, name), { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > STALE_PARTIAL_MS) rmSync(join(dir, name), { force: true });
  }
  return removed;
}

export function readKeep(db: Db): number {
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEEP_SETTING) as { value: string } | undefined;
    const keep = Number(row?.value);
    return Number.isInteger(keep) && keep >= 1 && keep <= MAX_BACKUPS_KEEP ? keep : DEFAULT_BACKUPS_KEEP;
  } catch {
    return DEFAULT_BACKUPS_KEEP;
  }
}

/** A preference about files beside the workspace, not award data: not audited. */
export function writeKeep(db: Db, keep: number): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEEP_SETTING, String(keep));
}

export interface DailyBackupOptions extends OpenOptions {
  onBackupError?: (error: unknown) => void;
}

const pending = new WeakMap<Db, Promise<string | undefined>>();

/**
 * At most one automatic backup per local calendar day, taken in the background after the workspace is
 * open; the day is recorded in `meta` once the copy is on disk. If the connection closes first the copy
 * is abandoned (its partial file removed) and the next opening tries again.
 */
export function startDailyBackup(db: Db, dir: string, now: Date, options: DailyBackupOptions = {}): void {
  const report = options.onBackupError ?? ((error: unknown) => console.error('[core] daily backup failed', error));
  const today = localDate(now);
  let work: Promise<string | undefined>;
  try {
    const last = db.prepare('SELECT value FROM meta WHERE key = ?').get(LAST_DAILY) as { value: string } | undefined;
    if (last?.value === today) return;
    work = writeBackup(db, { dir, reason: 'daily', now, keep: readKeep(db) }, options);
  } catch (error) {
    report(error); // a backup problem must never keep the workspace from opening
    return;
  }
  pending.set(
    db,
    work.then(
      (file) => {
        if (db.open) db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(LAST_DAILY, today);
        return file;
      },
      (error: unknown) => {
        if (db.open) report(error); // a closed connection simply abandoned the copy
        return undefined;
      },
    ),
  );
}

/** Resolves when the background backup started for this connection (if any) has finished or given up. */
export function backupsSettled(db: Db): Promise<string | undefined> {
  return pending.get(db) ?? Promise.resolve(undefined);
}

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Copies a file byte for byte and syncs it before it takes its final name. */
export function copyFileDurably(source: string, target: string): void {
  const partial = `${target}.partial`;
  try {
    copyFileSync(source, partial);
    publish(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function publish(partial: string, target: string): void {
  fsyncFile(partial);
  renameSync(partial, target);
  fsyncDirectory(dirname(target));
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on POSIX; Windows cannot open a folder for syncing and needs no such step. */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
