import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { WorkspaceRole } from '../../../shared/api/schemas';
import { APPLICATION_ID, openConnection, readHeader, type Db, type OpenOptions } from './connection';
import { readKeep, startDailyBackup, writeBackupSync, type DailyBackupOptions } from './backup';
import { assertNotDamaged } from './quick-check';
import { migrations as builtInMigrations } from './migrations';
import type { Migration } from './migrations/types';

export interface WorkspaceInfo {
  path: string;
  id: string;
  role: WorkspaceRole;
  schemaVersion: number;
  /** Folder beside the database for content-addressed attachments. */
  filesDir: string;
  backupsDir: string;
}

export interface OpenWorkspaceOptions extends OpenOptions, DailyBackupOptions {
  /** Role given to a workspace created by this call; an existing workspace keeps its own. */
  role?: WorkspaceRole;
  clock?: () => Date;
  /** Tests substitute their own steps; the app always uses the built-in list. */
  migrations?: readonly Migration[];
  /** The automatic once-a-day backup on opening an existing workspace (default on). */
  dailyBackup?: boolean;
}

export function workspaceFolders(file: string): { filesDir: string; backupsDir: string } {
  const stem = basename(file).replace(/\.[^.]+$/, '');
  return { filesDir: join(dirname(file), `${stem}.files`), backupsDir: join(dirname(file), `${stem}.backups`) };
}

/**
 * Opens (or creates) a workspace and brings its schema up to date. Every refusal happens before the
 * first write: a newer or foreign database is left byte-for-byte as it was.
 */
export function openWorkspace(file: string, options: OpenWorkspaceOptions = {}): { db: Db; info: WorkspaceInfo } {
  const clock = options.clock ?? (() => new Date());
  const migrations = options.migrations ?? builtInMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  const isNew = !existsSync(file) || statSync(file).size === 0;
  let fromVersion = 0;
  if (!isNew) {
    const header = readHeader(file, options);
    if (header.userVersion > latest) {
      throw new AppError('refused', 'errors.workspace.newerVersion', { found: header.userVersion, supported: latest });
    }
    if (header.applicationId !== APPLICATION_ID && (header.applicationId !== 0 || header.userVersion !== 0)) {
      throw new AppError('refused', 'errors.workspace.foreign', { found: header.applicationId });
    }
    fromVersion = header.userVersion;
    // Read-only, like the header: a damaged file is refused before anything can write to it.
    assertNotDamaged(file, workspaceFolders(file).backupsDir, latest, options);
  }
  mkdirSync(dirname(file), { recursive: true });
  const folders = workspaceFolders(file);
  const db = openConnection(file, options);
  try {
    if (!isNew && fromVersion < latest && fromVersion > 0) {
      writeBackupSync(db, { dir: folders.backupsDir, reason: 'pre-migration', now: clock(), keep: readKeep(db) });
    }
    migrate(db, migrations, fromVersion);
    const info = ensureIdentity(db, file, options.role ?? 'office', clock());
    mkdirSync(folders.filesDir, { recursive: true });
    if (!isNew && options.dailyBackup !== false) startDailyBackup(db, folders.backupsDir, clock(), options);
    return { db, info: { ...info, ...folders } };
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Db, migrations: readonly Migration[], fromVersion: number): void {
  for (const migration of migrations) {
    if (migration.version <= fromVersion) continue;
    try {
      db.transaction(() => {
        migration.up(db);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new AppError('internal', 'errors.workspace.migrationFailed', {
        version: migration.version,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

function ensureIdentity(db: Db, file: string, role: WorkspaceRole, now: Date): Omit<WorkspaceInfo, 'filesDir' | 'backupsDir'> {
  const get = db.prepare('SELECT value FROM meta WHERE key = ?');
  const put = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    put.run('workspace_id', randomUUID());
    put.run('role', role);
    put.run('created_at', now.toISOString());
  })();
  return {
    path: file,
    id: (get.get('workspace_id') as { value: string }).value,
    role: (get.get('role') as { value: WorkspaceRole }).value,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}
