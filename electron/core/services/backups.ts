import { basename, join } from 'node:path';
import { realpathSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { CallContext } from '../../../shared/api/contract';
import type { BackupEntry, BackupList } from '../../../shared/api/backups';
import { audited, type CoreContext } from '../context';
import { listBackupFiles, readKeep, rotateBackups, writeBackup, writeKeep, type BackupFile } from '../db/backup';
import { inspectDatabaseFile, isInUse, type Inspection } from '../db/quick-check';
import { restoreWorkspaceFile } from '../maintenance/restore';
import { latestSchemaVersionFor, openOptionsFor, withWorkspaceReleased } from '../maintenance/reopen';

/**
 * A check reads the whole file, so verdicts are remembered per file version (path, size, mtime):
 * backup files are written once and never change, so listing the folder again costs nothing.
 */
const verdicts = new Map<string, Inspection>();

function inspect(ctx: CoreContext, file: BackupFile): Inspection {
  const stat = statSync(file.path);
  const key = `${file.path}\u0000${stat.size}\u0000${stat.mtimeMs}\u0000${latestSchemaVersionFor(ctx)}`;
  let inspection = verdicts.get(key);
  if (!inspection) {
    inspection = inspectDatabaseFile(file.path, latestSchemaVersionFor(ctx), openOptionsFor(ctx));
    if (verdicts.size > 500) verdicts.clear();
    verdicts.set(key, inspection);
  }
  return inspection;
}

function toEntry(ctx: CoreContext, file: BackupFile): BackupEntry {
  const inspection = inspect(ctx, file);
  return {
    fileName: file.fileName,
    createdAt: file.createdAt,
    reason: file.reason,
    size: file.size,
    schemaVersion: inspection.schemaVersion,
    verdict: inspection.verdict,
    detail: inspection.detail,
  };
}

export function listBackups(ctx: CoreContext): BackupList {
  const folder = ctx.workspace.backupsDir;
  return { folder, keep: readKeep(ctx.db), backups: listBackupFiles(folder).map((file) => toEntry(ctx, file)) };
}

export function setBackupsKeep(ctx: CoreContext, keep: number): BackupList {
  writeKeep(ctx.db, keep);
  rotateBackups(ctx.workspace.backupsDir, keep);
  return listBackups(ctx);
}

async function backupNow(ctx: CoreContext, reason: 'manual' | 'pre-import'): Promise<BackupEntry> {
  const path = await writeBackup(ctx.db, { dir: ctx.workspace.backupsDir, reason, now: ctx.clock(), keep: readKeep(ctx.db) }, openOptionsFor(ctx)).catch(
    (error: unknown) => {
      throw new AppError('internal', 'reliability.backupFailed', { reason: error instanceof Error ? error.message : String(error) });
    },
  );
  const file = listBackupFiles(ctx.workspace.backupsDir).find((candidate) => candidate.path === path);
  if (!file) throw new AppError('internal', 'reliability.backupFailed', { reason: path });
  return toEntry(ctx, file);
}

export const createManualBackup = (ctx: CoreContext): Promise<BackupEntry> => backupNow(ctx, 'manual');

/** For the package import: a complete copy of the workspace exists before an import changes anything. */
export const backupBeforeImport = (ctx: CoreContext): Promise<BackupEntry> => backupNow(ctx, 'pre-import');

/**
 * Restores one of this workspace's own backups, named by file name only. The backup is checked first;
 * then the core closes the workspace, the current file is copied aside, the backup takes its place and
 * the core opens it again (migrating it if it is older). The restore is recorded in the audit log.
 */
export function restoreBackup(ctx: CoreContext, fileName: string, call: CallContext): { restoredFrom: string; previousKeptAs: string | null; schemaVersion: number } {
  const source = backupPath(ctx, fileName);
  const target = ctx.workspace.path;
  const openOptions = openOptionsFor(ctx);
  const { result, ctx: reopened } = withWorkspaceReleased(ctx, (release) =>
    restoreWorkspaceFile({
      target,
      source,
      latestSchemaVersion: latestSchemaVersionFor(ctx),
      now: ctx.clock(),
      openOptions,
      expectWorkspaceId: ctx.workspace.id,
      release: () => {
        release();
        // Another process (a browser host on the same file) would be corrupted by the swap.
        if (isInUse(target, openOptions)) throw new AppError('refused', 'reliability.refused.inUse', { path: target });
      },
    }),
  );
  const previousKeptAs = result.previousKeptAs === null ? null : basename(result.previousKeptAs);
  audited(reopened, (record) =>
    record({ actor: call.actor, action: 'workspace.restore', entityType: 'workspace', entityId: reopened.workspace.id, payload: { from: fileName, previousKeptAs } }),
  );
  return { restoredFrom: fileName, previousKeptAs, schemaVersion: reopened.workspace.schemaVersion };
}

/** Resolves a name from the UI to a file that really lies in this workspace's backups folder. */
function backupPath(ctx: CoreContext, fileName: string): string {
  const folder = ctx.workspace.backupsDir;
  const listed = listBackupFiles(folder).find((file) => file.fileName === fileName);
  if (!listed) throw new AppError('notFound', 'reliability.refused.notFound', { file: fileName });
  const real = realpathSync(listed.path);
  if (real !== join(realpathSync(folder), fileName)) throw new AppError('notFound', 'reliability.refused.notFound', { file: fileName });
  return real;
}
