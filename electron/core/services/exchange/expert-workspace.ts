/**
 * A review package becomes a new expert workspace. The package is verified first (trust on first
 * use of the office key it carries, which the new workspace then pins); the workspace takes the id
 * the office chose for it, so its scores packages name the enrolled sender. If anything fails, the
 * new file and its folders are removed: no half-made workspace is ever left behind.
 */
import { existsSync, rmSync } from 'node:fs';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ImportSummary } from '../../../../shared/api/exchange';
import type { ManifestOf } from '../../../../shared/api/package-manifest';
import type { CoreContext } from '../../context';
import type { OpenOptions } from '../../db/connection';
import { openWorkspace, workspaceFolders } from '../../db/workspace';
import { intakeFolders } from '../../file-intake';
import { openPackage, trustCarriedKey } from '../../packages';
import { sha256OfFile } from './bookkeeping';
import { prepareReview } from './review-import';

export interface CreateExpertWorkspaceOptions {
  packageFile: string;
  fileName: string;
  /** The new workspace file; it must not exist yet. */
  workspacePath: string;
  /** Where the package is unpacked while it is verified (the calling workspace's staging folder). */
  stagingDir: string;
  openOptions?: OpenOptions;
  clock: () => Date;
  resourcesDir: string;
  /** Called with the verified manifest before anything is created, e.g. to refuse a workspace this machine already has. */
  beforeCreate?: (manifest: ManifestOf<'review'>) => void;
  call: CallContext;
}

export interface CreatedExpertWorkspace {
  workspaceId: string;
  path: string;
  title: string;
  summary: ImportSummary;
}

function removeWorkspace(path: string): void {
  const { filesDir, backupsDir } = workspaceFolders(path);
  for (const target of [path, `${path}-wal`, `${path}-shm`, filesDir, backupsDir, intakeFolders(path).root]) rmSync(target, { recursive: true, force: true });
}

export async function createExpertWorkspace(options: CreateExpertWorkspaceOptions): Promise<CreatedExpertWorkspace> {
  const sha256 = await sha256OfFile(options.packageFile);
  const pkg = await openPackage(options.packageFile, { stagingDir: options.stagingDir, trust: trustCarriedKey({ kinds: ['review'] }), expect: { kind: 'review', minSequence: 1 } });
  try {
    const manifest = pkg.manifest as ManifestOf<'review'>;
    options.beforeCreate?.(manifest);
    if (existsSync(options.workspacePath)) throw new AppError('conflict', 'exchange.review.fileExists', { path: options.workspacePath });
    const workspaceId = manifest.header.expert.workspaceId;
    const { db, info } = openWorkspace(options.workspacePath, { ...options.openOptions, role: 'expert', clock: options.clock, dailyBackup: false });
    try {
      // A brand-new, empty workspace takes the identity the enrolment was made for.
      db.prepare(`UPDATE meta SET value = ? WHERE key = 'workspace_id'`).run(workspaceId);
      const ctx: CoreContext = { db, workspace: { ...info, id: workspaceId }, clock: options.clock, resourcesDir: options.resourcesDir, emit: () => undefined };
      // A brand-new workspace has nothing to back up: check and write at once.
      const summary = prepareReview(ctx, pkg, { sha256, fileName: options.fileName }, options.call)();
      const title = (db.prepare(`SELECT value FROM meta WHERE key = 'title'`).get() as { value: string }).value;
      db.close();
      return { workspaceId, path: options.workspacePath, title, summary };
    } catch (error) {
      if (db.open) db.close();
      removeWorkspace(options.workspacePath);
      throw error;
    }
  } finally {
    await pkg.dispose();
  }
}
