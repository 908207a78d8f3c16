import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsSettled, listBackupFiles } from '../../../electron/core/db/backup';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { backupBeforeImport } from '../../../electron/core/services/backups';
import type { CoreContext } from '../../../electron/core/context';
import type { BackupList } from '../../../shared/api/backups';
import { fixedClock, office, openTestCore, tempDir } from '../../helpers/workspace';
import { createCycles, cycleNames, corruptMiddlePage, runCli, sha256 } from './helpers';

const temp = tempDir('award-desk-backups-');
afterAll(() => temp.dispose());

const at = (iso: string) => fixedClock(iso);
const names = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('automatic daily backup', () => {
  it('happens on opening an existing workspace at most once per calendar day, and records the day in meta', async () => {
    const first = openTestCore(temp.dir, { file: 'daily.sqlite', clock: at('2026-11-21T02:00:00.000Z') });
    await createCycles(first, '日常', 3);
    await backupsSettled(first.db);
    const backupsDir = first.workspace.backupsDir;
    first.close();
    expect(names(backupsDir)).toEqual([]); // a new workspace has nothing worth a copy yet

    const open = async (iso: string) => {
      const core = openTestCore(temp.dir, { file: 'daily.sqlite', clock: at(iso) });
      const written = await backupsSettled(core.db);
      const day = core.db.prepare(`SELECT value FROM meta WHERE key = 'last_daily_backup'`).pluck().get();
      core.close();
      return { written, day };
    };

    const morning = await open('2026-11-21T02:05:00.000Z');
    expect(morning.written).toBeDefined();
    expect(names(backupsDir)).toEqual([expect.stringMatching(/^2026-11-21T02-05-0\d-000Z-daily\.sqlite$/)]);
    expect(morning.day).toMatch(/^2026-11-2[01]$/);

    const later = await open('2026-11-21T02:09:00.000Z');
    expect(later.written).toBeUndefined();
    expect(names(backupsDir)).toHaveLength(1);

    await open('2026-11-22T02:05:00.000Z');
    const dailies = names(backupsDir);
    expect(dailies).toEqual([expect.stringMatching(/^2026-11-21T02-05-0\d-000Z-daily\.sqlite$/), expect.stringMatching(/^2026-11-22T02-05-0\d-000Z-daily\.sqlite$/)]);
    const copy = join(backupsDir, dailies[1]!);
    expect(cycleNames(copy)).toEqual(['日常1', '日常2', '日常3']);
    // A backup is one self-contained file in rollback-journal mode: nothing beside it is needed.
    const db = new Database(copy, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('keeps the newest N automatic backups (setting backups.keep) and never rotates manual ones away', async () => {
    const file = 'rotate.sqlite';
    const core = openTestCore(temp.dir, { file, clock: at('2026-03-01T01:00:00.000Z') });
    await createCycles(core, '轮换', 2);
    const kept = await core.dispatch('backups.setKeep', { keep: 3 }, office);
    expect(kept).toMatchObject({ ok: true, data: { keep: 3 } });
    const manual = await core.dispatch('backups.create', {}, office);
    expect(manual).toMatchObject({ ok: true, data: { reason: 'manual', verdict: 'ok' } });
    const backupsDir = core.workspace.backupsDir;
    core.close();

    for (let day = 2; day <= 7; day++) {
      const next = openTestCore(temp.dir, { file, clock: at(`2026-03-0${day}T01:00:00.000Z`) });
      await backupsSettled(next.db);
      next.close();
    }
    const files = listBackupFiles(backupsDir);
    expect(files.filter((f) => f.reason === 'daily').map((f) => f.createdAt.slice(0, 10))).toEqual(['2026-03-07', '2026-03-06', '2026-03-05']);
    expect(files.filter((f) => f.reason === 'manual')).toHaveLength(1);

    const listed = openTestCore(temp.dir, { file, clock: at('2026-03-07T05:00:00.000Z') });
    await backupsSettled(listed.db);
    const list = (await listed.dispatch('backups.list', {}, office)) as { ok: true; data: BackupList };
    expect(list.data.keep).toBe(3);
    expect(list.data.backups.map((b) => [b.reason, b.verdict, b.schemaVersion])).toEqual([
      ['daily', 'ok', LATEST_SCHEMA_VERSION],
      ['daily', 'ok', LATEST_SCHEMA_VERSION],
      ['daily', 'ok', LATEST_SCHEMA_VERSION],
      ['manual', 'ok', LATEST_SCHEMA_VERSION],
    ]);
    const smaller = await listed.dispatch('backups.setKeep', { keep: 1 }, office);
    expect(smaller.ok && (smaller.data as BackupList).backups.map((b) => b.reason)).toEqual(['daily', 'manual']);
    expect(await listed.dispatch('backups.setKeep', { keep: 0 }, office)).toMatchObject({ ok: false, error: { code: 'validation' } });
    listed.close();
  });

  it('lists a damaged or foreign file in the folder with its verdict and never offers it as good', async () => {
    const core = openTestCore(temp.dir, { file: 'verdicts.sqlite', clock: at('2026-05-01T01:00:00.000Z') });
    await createCycles(core, '校验', 40);
    const good = await core.dispatch('backups.create', {}, office);
    expect(good.ok).toBe(true);
    const goodName = (good as { data: { fileName: string } }).data.fileName;
    const backupsDir = core.workspace.backupsDir;
    const broken = join(backupsDir, '2026-05-02T00-00-00-000Z-manual.sqlite');
    writeFileSync(broken, readFileSync(join(backupsDir, goodName)));
    corruptMiddlePage(broken);
    writeFileSync(join(backupsDir, '2026-05-03T00-00-00-000Z-manual.sqlite'), 'not a database at all, just text that is long enough to have a header……');
    const brokenHash = sha256(broken);
    const list = (await core.dispatch('backups.list', {}, office)) as { ok: true; data: BackupList };
    expect(list.data.backups.map((b) => b.verdict)).toEqual(['notSqlite', 'damaged', 'ok']);
    expect(list.data.backups[1]!.detail).toBeTruthy();
    expect(sha256(broken)).toBe(brokenHash); // checking never writes
    expect(names(backupsDir)).toHaveLength(3); // and creates no -wal / -shm beside the files it checks
    core.close();
  });
});

describe('backups around migrations and imports', () => {
  it('names the pre-migration copy like every other backup, at the old schema version', async () => {
    const file = join(temp.dir, 'migrating.sqlite');
    const first = openWorkspace(file, { clock: at('2026-06-01T00:00:00.000Z'), dailyBackup: false });
    first.db.close();
    const addNotes: Migration = { version: LATEST_SCHEMA_VERSION + 10, name: 'test-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT') };
    const { db, info } = openWorkspace(file, { migrations: [...migrations, addNotes], clock: at('2026-06-02T00:00:00.000Z'), dailyBackup: false });
    db.close();
    const files = listBackupFiles(info.backupsDir);
    expect(files.map((f) => [f.fileName, f.reason])).toEqual([['2026-06-02T00-00-01-000Z-pre-migration.sqlite', 'pre-migration']]);
    const copy = new Database(files[0]!.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    copy.close();
  });

  it('backupBeforeImport writes a checked pre-import copy while the workspace stays open', async () => {
    const file = join(temp.dir, 'import.sqlite');
    const { db, info } = openWorkspace(file, { clock: at('2026-07-01T00:00:00.000Z') });
    const ctx: CoreContext = { db, workspace: info, clock: at('2026-07-01T08:00:00.000Z'), resourcesDir: '', emit: () => undefined };
    const entry = await backupBeforeImport(ctx);
    expect(entry).toMatchObject({ fileName: '2026-07-01T08-00-01-000Z-pre-import.sqlite', reason: 'pre-import', verdict: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    db.close();
  });

  it('the CLI backs up to the folder or to --out, and never overwrites an existing file', async () => {
    const core = openTestCore(temp.dir, { file: 'cli-backup.sqlite' });
    await createCycles(core, '命令行', 2);
    const file = core.workspace.path;
    const backupsDir = core.workspace.backupsDir;
    // While the app holds the workspace open: the CLI reads through its own read-only connection.
    const toFolder = runCli(['backup', '--workspace', file]);
    expect(toFolder.code).toBe(0);
    expect(toFolder.out).toMatch(/Backup written and verified: .*-manual\.sqlite \(schema \d+\)/);
    expect(listBackupFiles(backupsDir).map((f) => f.reason)).toEqual(['manual']);
    core.close();

    const out = join(temp.dir, 'exports', 'copy.sqlite');
    expect(runCli(['backup', '--workspace', file, '--out', out]).code).toBe(0);
    expect(cycleNames(out)).toEqual(['命令行1', '命令行2']);
    const before = sha256(out);
    const again = runCli(['backup', '--workspace', file, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('already exists and is never overwritten');
    expect(sha256(out)).toBe(before);
  });
});
