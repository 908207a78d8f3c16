import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupsSettled, listBackupFiles } from '../../../electron/core/db/backup';
import { verifyAuditChain } from '../../../electron/core/db/audit';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import type { Migration } from '../../../electron/core/db/migrations/types';
import { restoreWorkspaceFile } from '../../../electron/core/maintenance/restore';
import { createCore } from '../../../electron/core';
import type { BackupList } from '../../../shared/api/backups';
import { fixedClock, office, openTestCore, resourcesDir, tempDir } from '../../helpers/workspace';
import { corruptMiddlePage, createCycles, cycleNames, refusal, runCli, seededWorkspace, sha256, snapshot } from './helpers';

const temp = tempDir('award-desk-restore-');
afterAll(() => temp.dispose());

/** A folder holding a workspace (cycles 甲1, 甲2), a good manual backup of it, then one more cycle. */
async function scenario(name: string): Promise<{ dir: string; file: string; backup: string }> {
  const dir = join(temp.dir, name);
  mkdirSync(dir);
  const core = openTestCore(dir, { file: 'office.sqlite' });
  await createCycles(core, '甲', 2);
  const made = await core.dispatch('backups.create', {}, office);
  expect(made.ok).toBe(true);
  await createCycles(core, '乙', 1);
  const backup = join(core.workspace.backupsDir, (made as { data: { fileName: string } }).data.fileName);
  core.close();
  return { dir, file: join(dir, 'office.sqlite'), backup };
}

function lastAudit(file: string): { action: string; actor: string; payload: string } {
  const db = new Database(file, { readonly: true });
  try {
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    return db.prepare('SELECT action, actor, payload FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; actor: string; payload: string };
  } finally {
    db.close();
  }
}

/** Bad backups, each made from a good one the way it goes wrong in the field. */
const badBackups: [string, string, (good: string, bad: string) => void, RegExp][] = [
  [
    'damaged',
    'reliability.refused.damaged',
    (good, bad) => {
      copyFileSync(good, bad);
      corruptMiddlePage(bad, 'frameworks');
    },
    /is damaged \(.+\); nothing was restored or changed/,
  ],
  [
    'foreign',
    'reliability.refused.foreign',
    (_good, bad) => {
      const db = new Database(bad);
      db.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
      db.close();
    },
    /is not a Quality Award Desk workspace \(application id 0\)/,
  ],
  [
    'newer',
    'reliability.refused.newer',
    (good, bad) => {
      copyFileSync(good, bad);
      const db = new Database(bad);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
      db.close();
    },
    new RegExp(`newer version of the app \\(schema ${LATEST_SCHEMA_VERSION + 10}; this version supports up to ${LATEST_SCHEMA_VERSION}\\)`),
  ],
  [
    'audit',
    'reliability.refused.auditBroken',
    (good, bad) => {
      copyFileSync(good, bad);
      const db = new Database(bad);
      db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`);
      db.close();
    },
    /The audit log in .* does not verify \(hash@1\)/,
  ],
  [
    'text',
    'reliability.refused.notSqlite',
    (_good, bad) => writeFileSync(bad, '这不是备份 — a text file that someone renamed to .sqlite, long enough to have a header'),
    /is not a database file; nothing was restored or changed/,
  ],
];

describe('restore refuses a bad backup and leaves everything untouched', () => {
  it.each(badBackups)('%s backup', async (label, key, make, message) => {
    const { dir, file, backup } = await scenario(`refuse-${label}`);
    const bad = join(temp.dir, `bad-${label}.sqlite`);
    make(backup, bad);
    const before = { workspace: snapshot(dir), bad: sha256(bad) };

    expect(refusal(() => restoreWorkspaceFile({ target: file, source: bad, latestSchemaVersion: LATEST_SCHEMA_VERSION, now: new Date() }))).toMatchObject({ code: 'refused', key });
    const cli = runCli(['restore', '--workspace', file, '--from', bad]);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(message);

    expect(snapshot(dir)).toEqual(before.workspace);
    expect(sha256(bad)).toBe(before.bad);
    expect(cycleNames(file)).toEqual(['乙1', '甲1', '甲2']);
  });

  it('in the app: a damaged file in the backups folder, a name outside it, a name that is not there', async () => {
    const { dir, backup } = await scenario('refuse-in-app');
    const damaged = join(dir, 'office.backups', '2030-01-01T00-00-00-000Z-manual.sqlite');
    copyFileSync(backup, damaged);
    corruptMiddlePage(damaged, 'frameworks');
    const core = openTestCore(dir, { file: 'office.sqlite', clock: fixedClock('2026-12-01T00:00:00.000Z') });
    await backupsSettled(core.db);
    const before = snapshot(dir);
    expect(await core.dispatch('backups.restore', { fileName: basename(damaged) }, office)).toMatchObject({ ok: false, error: { code: 'refused', key: 'reliability.refused.damaged' } });
    expect(await core.dispatch('backups.restore', { fileName: '../office.sqlite' }, office)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(snapshot(dir)).toEqual(before);
    expect(await core.dispatch('backups.restore', { fileName: '2031-01-01T00-00-00-000Z-daily.sqlite' }, office)).toMatchObject({ ok: false, error: { key: 'reliability.refused.notFound' } });
    const stranger = await scenario('refuse-stranger');
    copyFileSync(stranger.backup, join(dir, 'office.backups', '2030-01-02T00-00-00-000Z-manual.sqlite'));
    const beforeStranger = snapshot(dir);
    expect(await core.dispatch('backups.restore', { fileName: '2030-01-02T00-00-00-000Z-manual.sqlite' }, office)).toMatchObject({
      ok: false,
      error: { code: 'refused', key: 'reliability.refused.otherWorkspace' },
    });
    expect(snapshot(dir)).toEqual(beforeStranger);
    const cycles = await core.dispatch('cycles.list', {}, office);
    expect(cycles.ok && (cycles.data as unknown[]).length).toBe(3); // the app carries on with its workspace
    core.close();
  });

  it('refuses while another program holds the workspace open', async () => {
    const { dir, file, backup } = await scenario('in-use');
    const holder = openTestCore(dir, { file: 'office.sqlite' });
    await backupsSettled(holder.db);
    const result = runCli(['restore', '--workspace', file, '--from', backup]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('is open in another program');
    const cycles = await holder.dispatch('cycles.list', {}, office);
    expect(cycles.ok && (cycles.data as unknown[]).length).toBe(3);
    holder.close();
    expect(cycleNames(file)).toEqual(['乙1', '甲1', '甲2']);
    expect(listBackupFiles(join(dir, 'office.backups')).map((f) => f.reason)).not.toContain('pre-restore');
  });
});

describe('restore of a good backup', () => {
  it('from the CLI: replaces the workspace, keeps the previous file aside byte for byte, records the restore', async () => {
    const { file, backup } = await scenario('cli-good');
    const previous = sha256(file);
    const result = runCli(['restore', '--workspace', file, '--from', backup]);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain(`Restored ${file} from ${backup}`);
    expect(cycleNames(file)).toEqual(['甲1', '甲2']);
    const aside = listBackupFiles(join(file, '..', 'office.backups')).filter((f) => f.reason === 'pre-restore');
    expect(aside).toHaveLength(1);
    expect(sha256(aside[0]!.path)).toBe(previous);
    expect(result.out).toContain(`The previous file was kept as ${aside[0]!.path}`);
    expect(lastAudit(file)).toMatchObject({ action: 'workspace.restore', actor: 'cli' });
    expect(JSON.parse(lastAudit(file).payload)).toEqual({ from: basename(backup), previousKeptAs: basename(aside[0]!.path) });
    expect(runCli(['verify', '--workspace', file]).code).toBe(0);
  });

  it('in the app: the core closes, swaps and reopens; the screen lists the copy of the previous file', async () => {
    const { dir, file, backup } = await scenario('in-app-good');
    const core = openTestCore(dir, { file: 'office.sqlite', clock: fixedClock('2026-12-02T00:00:00.000Z') });
    await backupsSettled(core.db);
    const events: unknown[] = [];
    core.on('data.changed', (payload) => events.push(payload));
    const oldDb = core.db;
    const restored = await core.dispatch('backups.restore', { fileName: basename(backup) }, office);
    expect(restored).toMatchObject({ ok: true, data: { restoredFrom: basename(backup), previousKeptAs: expect.stringMatching(/-pre-restore\.sqlite$/), schemaVersion: LATEST_SCHEMA_VERSION } });
    expect(oldDb.open).toBe(false);
    expect(core.db.open).toBe(true);
    expect(core.workspace.path).toBe(file);
    expect(events).toContainEqual({ entity: 'workspace' });
    const cycles = await core.dispatch('cycles.list', {}, office);
    expect(cycles.ok && (cycles.data as { name: string }[]).map((c) => c.name).sort()).toEqual(['甲1', '甲2']);
    const list = (await core.dispatch('backups.list', {}, office)) as { ok: true; data: BackupList };
    expect(list.data.backups.filter((b) => b.reason === 'pre-restore')).toMatchObject([{ verdict: 'ok' }]);
    // Work goes on in the restored workspace, and its audit chain records the restore.
    expect((await core.dispatch('cycles.create', { name: '丙', year: 2027 }, office)).ok).toBe(true);
    core.close();
    const db = new Database(file, { readonly: true });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 2').pluck().all()).toEqual(['cycle.create', 'workspace.restore']);
    db.close();
  });

  it('in the app: a backup at an older schema version is restored and migrated on reopening', async () => {
    const { file } = await scenario('older-schema');
    const addNotes: Migration = { version: LATEST_SCHEMA_VERSION + 10, name: 'test-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT') };
    const core = createCore({ workspacePath: file, resourcesDir, migrations: [...migrations, addNotes], clock: fixedClock('2026-12-03T00:00:00.000Z'), dailyBackup: false });
    const older = listBackupFiles(core.workspace.backupsDir).find((f) => f.reason === 'pre-migration')!;
    expect(older).toBeDefined();
    const restored = await core.dispatch('backups.restore', { fileName: older.fileName }, office);
    expect(restored).toMatchObject({ ok: true, data: { schemaVersion: addNotes.version } });
    expect(core.db.pragma('user_version', { simple: true })).toBe(addNotes.version);
    core.close();
  });

  it('over a damaged workspace: the damaged file is copied aside untouched, never deleted', async () => {
    const file = await seededWorkspace(join(temp.dir), 'damaged-current.sqlite', 60);
    const core = openTestCore(temp.dir, { file: 'damaged-current.sqlite', clock: fixedClock('2026-12-04T00:00:00.000Z') });
    const made = await core.dispatch('backups.create', {}, office);
    const backupsDir = core.workspace.backupsDir;
    core.close();
    corruptMiddlePage(file);
    const damaged = sha256(file);
    const backup = join(backupsDir, (made as { data: { fileName: string } }).data.fileName);
    const result = runCli(['restore', '--workspace', file, '--from', backup]);
    expect(result.code, result.out).toBe(0);
    const aside = listBackupFiles(backupsDir).find((f) => f.reason === 'pre-restore')!;
    expect(sha256(aside.path)).toBe(damaged);
    expect(cycleNames(file)).toHaveLength(60);
  });
});
