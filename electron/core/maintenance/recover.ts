/**
 * What a host does when the workspace it was asked to open is damaged (quick_check failed on opening):
 * explain, and offer the newest backup that passes every check. The desktop shell asks with a native
 * dialog; the logic lives here so it runs, and is tested, without Electron.
 */
import { join } from 'node:path';
import { AppError, type AppErrorPayload } from '../../../shared/api/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { OpenOptions } from '../db/connection';
import { recordRestore, restoreWorkspaceFile, type RestoreResult } from './restore';

export interface DamagedWorkspace {
  /** The translatable explanation for the user (no command lines: the host offers the restore itself). */
  explanation: AppErrorPayload;
  /** File name of the newest backup that passes every check, in `backupsDir`; null when none does. */
  newestGoodBackup: string | null;
  backupsDir: string;
}

/** The damaged-workspace refusal thrown by opening, or undefined for any other error. */
export function damagedWorkspaceOf(error: unknown): DamagedWorkspace | undefined {
  if (!(error instanceof AppError) || error.payload.key !== 'reliability.damaged') return undefined;
  const params = error.payload.params ?? {};
  const newest = typeof params.newestGoodBackup === 'string' && params.newestGoodBackup !== '' ? params.newestGoodBackup : null;
  return {
    explanation: { code: 'refused', key: newest ? 'reliability.recover.explain' : 'reliability.recover.explainNoBackup', params: { path: params.path ?? '', detail: params.detail ?? '', backup: newest ?? '' } },
    newestGoodBackup: newest,
    backupsDir: String(params.backupsDir ?? ''),
  };
}

/**
 * Puts the newest good backup in place of the damaged file. The damaged file is kept aside in the
 * backups folder (restoreWorkspaceFile never deletes it), and the restore is audited.
 */
export function restoreNewestGoodBackup(workspacePath: string, damaged: DamagedWorkspace, actor: string, now: Date, openOptions: OpenOptions = {}): RestoreResult {
  if (!damaged.newestGoodBackup) throw new AppError('notFound', 'reliability.recover.noBackup');
  const result = restoreWorkspaceFile({
    target: workspacePath,
    source: join(damaged.backupsDir, damaged.newestGoodBackup),
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    now,
    openOptions,
  });
  recordRestore(workspacePath, actor, now, { from: damaged.newestGoodBackup, previousKeptAs: result.previousKeptAs }, openOptions);
  return result;
}
