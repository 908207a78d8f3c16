import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { APPLICATION_ID, openConnection, readHeader, type OpenOptions } from '../db/connection';
import { copyDatabase, readKeep, writeBackup } from '../db/backup';
import { assertNotDamaged, inspectDatabaseFile, type Inspection } from '../db/quick-check';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { workspaceFolders } from '../db/workspace';

export interface WorkspaceBackup {
  path: string;
  inspection: Inspection;
}

/**
 * A backup of a workspace file on demand (the CLI's `backup`), through a read-only connection so it
 * works while the app has the workspace open and never migrates or changes it. Without `out` the copy
 * goes to the backups folder as a manual backup; an existing `out` file is never overwritten.
 */
export async function backupWorkspaceFile(file: string, request: { out?: string; now: Date; openOptions?: OpenOptions }): Promise<WorkspaceBackup> {
  const source = resolve(file);
  const options = request.openOptions ?? {};
  const header = readHeader(source, options);
  if (header.applicationId !== APPLICATION_ID) throw new AppError('refused', 'errors.workspace.foreign', { found: header.applicationId });
  const { backupsDir } = workspaceFolders(source);
  const supported = Math.max(LATEST_SCHEMA_VERSION, header.userVersion);
  assertNotDamaged(source, backupsDir, supported, options);
  const out = request.out === undefined ? undefined : resolve(request.out);
  if (out !== undefined && existsSync(out)) throw new AppError('refused', 'reliability.outExists', { path: out });
  const db = openConnection(source, { ...options, readonly: true });
  try {
    let path: string;
    if (out === undefined) {
      path = await writeBackup(db, { dir: backupsDir, reason: 'manual', now: request.now, keep: readKeep(db) }, options);
    } else {
      mkdirSync(dirname(out), { recursive: true });
      await copyDatabase(db, out, options);
      path = out;
    }
    return { path, inspection: inspectDatabaseFile(path, supported, options) };
  } finally {
    db.close();
  }
}
