import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { BackupVerdict } from '../../../shared/api/backups';
import { copyFileDurably, fsyncDirectory, fsyncFile, nextBackupPath, removeDatabaseFiles } from '../db/backup';
import { inspectOwnCopy, isInUse, quickCheck, type Inspection } from '../db/quick-check';
import { appendAudit } from '../db/audit';
import { openConnection, type OpenOptions } from '../db/connection';
import { workspaceFolders } from '../db/workspace';

export interface RestoreRequest {
  /** The workspace file to replace (it may be missing or damaged). */
  target: string;
  /** The backup to restore. It is only ever read. */
  source: string;
  latestSchemaVersion: number;
  now: Date;
  openOptions?: OpenOptions;
  /** Refuse a backup of a different workspace (the app knows which workspace it has open). */
  expectWorkspaceId?: string;
  /** Called after every check passed and before anything is replaced: whoever holds the file closes it. */
  release?: () => void;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the replaced file was copied, or null when there was no file. */
  previousKeptAs: string | null;
  schemaVersion: number;
  workspaceId: string | null;
}

/**
 * Replaces a workspace file with a backup, as one step that cannot leave a half-written workspace:
 * 1. the backup (and its -wal, if any) is copied to a temporary file in the workspace's folder and
 *    checked there — a refused backup leaves every existing file exactly as it was;
 * 2. the holder closes the workspace, and the current file (with its -wal, even when damaged) is
 *    copied aside into the backups folder, never deleted;
 * 3. the old -wal/-shm are removed (their frames belong to the old file and would corrupt the new one),
 *    and the checked copy is renamed over the workspace, then the folder is synced.
 */
export function restoreWorkspaceFile(request: RestoreRequest): RestoreResult {
  const target = resolve(request.target);
  const source = resolve(request.source);
  if (source === target) throw new AppError('validation', 'reliability.refused.sameFile', { file: source });
  if (!existsSync(source) || !statSync(source).isFile()) throw new AppError('notFound', 'reliability.refused.notFound', { file: source });
  const folder = dirname(target);
  mkdirSync(folder, { recursive: true });
  const staged = join(folder, `.${basename(target)}.restoring-${randomUUID().slice(0, 8)}`);
  try {
    copyFileDurably(source, staged);
    if (existsSync(`${source}-wal`)) copyFileDurably(`${source}-wal`, `${staged}-wal`);
    const inspection = inspectOwnCopy(staged, request.latestSchemaVersion, request.openOptions);
    if (inspection.verdict !== 'ok') throw refusal(inspection, source, request.latestSchemaVersion);
    if (request.expectWorkspaceId && inspection.workspaceId !== request.expectWorkspaceId) {
      throw new AppError('refused', 'reliability.refused.otherWorkspace', { file: basename(source) });
    }
    fsyncFile(staged);

    request.release?.();
    const previousKeptAs = existsSync(target) ? keepAside(target, workspaceFolders(target).backupsDir, request.now) : null;
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(staged, target);
    fsyncDirectory(folder);
    return { restoredFrom: source, previousKeptAs, schemaVersion: inspection.schemaVersion ?? 0, workspaceId: inspection.workspaceId };
  } finally {
    removeDatabaseFiles(staged);
  }
}

/** The refusal for each failed check, with its own message. */
export function refusal(inspection: Inspection, file: string, supported: number): AppError {
  const name = basename(file);
  const keys: Record<Exclude<BackupVerdict, 'ok'>, [string, Record<string, string | number>]> = {
    notSqlite: ['reliability.refused.notSqlite', { file: name }],
    foreign: ['reliability.refused.foreign', { file: name, found: inspection.detail ?? '' }],
    newer: ['reliability.refused.newer', { file: name, found: inspection.schemaVersion ?? 0, supported }],
    damaged: ['reliability.refused.damaged', { file: name, detail: inspection.detail ?? '' }],
    auditBroken: ['reliability.refused.auditBroken', { file: name, detail: inspection.detail ?? '' }],
  };
  const [key, params] = keys[inspection.verdict as Exclude<BackupVerdict, 'ok'>];
  return new AppError('refused', key, params);
}

/**
 * A byte-for-byte copy of the current file (and its -wal / -journal, which may hold committed data)
 * named `<time>-pre-restore.sqlite`; it is never rotated away.
 */
function keepAside(target: string, backupsDir: string, now: Date): string {
  mkdirSync(backupsDir, { recursive: true });
  const aside = nextBackupPath(backupsDir, 'pre-restore', now);
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(target + suffix)) copyFileDurably(target + suffix, aside + suffix);
  }
  copyFileDurably(target, aside);
  return aside;
}

/**
 * For the CLI, where the workspace may be open in the app or a browser host: replacing a file another
 * process holds would corrupt it, so that is refused. A damaged file cannot be open anywhere (opening
 * refuses it) and is not probed, since probing may write.
 */
export function assertNotInUse(file: string, openOptions: OpenOptions = {}): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  if (!quickCheck(file, openOptions).ok) return;
  if (isInUse(file, openOptions)) throw new AppError('refused', 'reliability.refused.inUse', { path: file });
}

/** The restore is itself recorded in the restored workspace's audit chain. */
export function recordRestore(file: string, actor: string, at: Date, payload: { from: string; previousKeptAs: string | null }, openOptions: OpenOptions = {}): void {
  const db = openConnection(file, openOptions);
  try {
    const id = (db.prepare(`SELECT value FROM meta WHERE key = 'workspace_id'`).get() as { value: string } | undefined)?.value ?? '';
    db.transaction(() => appendAudit(db, at, { actor, action: 'workspace.restore', entityType: 'workspace', entityId: id, payload }))();
  } finally {
    db.close();
  }
}
