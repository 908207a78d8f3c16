import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { createTranslator, translateMessage } from '../../../electron/core/i18n';
import { damagedWorkspaceOf, restoreNewestGoodBackup } from '../../../electron/core/maintenance/recover';
import { verifyWorkspace } from '../../../electron/core/maintenance/verify';
import { office, openTestCore, tempDir } from '../../helpers/workspace';
import { corruptMiddlePage, createCycles, cycleNames, refusal, seededWorkspace, sha256 } from './helpers';

const temp = tempDir('award-desk-recover-');
afterAll(() => temp.dispose());

/** What the desktop shell does when its workspace will not open: explain, then restore the newest good backup. */
describe('recovering a damaged workspace', () => {
  it('explains without command lines, restores the newest good backup, keeps the damaged file and audits the restore', async () => {
    const file = await seededWorkspace(temp.dir, 'office.sqlite', 40);
    const core = openTestCore(temp.dir, { file: 'office.sqlite' });
    expect((await core.dispatch('backups.create', {}, office)).ok).toBe(true);
    await createCycles(core, '备份之后', 3);
    core.close();
    corruptMiddlePage(file);
    const damagedHash = sha256(file);

    let thrown: unknown;
    try {
      openWorkspace(file);
    } catch (error) {
      thrown = error;
    }
    const damaged = damagedWorkspaceOf(thrown);
    expect(damaged?.newestGoodBackup).toMatch(/-manual\.sqlite$/);
    const text = translateMessage(createTranslator('zh-CN'), damaged!.explanation);
    expect(text).toContain(`工作区 ${file} 已损坏，未打开`);
    expect(text).toContain(damaged!.newestGoodBackup!);
    expect(text).not.toContain('award-desk restore');
    expect(translateMessage(createTranslator('en'), damaged!.explanation)).toContain('you can restore it');

    const result = restoreNewestGoodBackup(file, damaged!, 'app', new Date('2026-12-04T10:00:00Z'));
    expect(result.previousKeptAs).not.toBeNull();
    expect(sha256(result.previousKeptAs!)).toBe(damagedHash);
    // The workspace is as it was at the backup: the three later cycles are not there.
    const names = cycleNames(file);
    expect(names).toHaveLength(40);
    expect(names.some((name) => name.startsWith('备份之后'))).toBe(false);
    expect(verifyWorkspace(file).ok).toBe(true);
    const reopened = openTestCore(temp.dir, { file: 'office.sqlite' });
    const restoreRow = reopened.db.prepare(`SELECT actor, payload FROM audit_log WHERE action = 'workspace.restore'`).get() as { actor: string; payload: string };
    expect(restoreRow.actor).toBe('app');
    expect(JSON.parse(restoreRow.payload)).toMatchObject({ from: damaged!.newestGoodBackup });
    reopened.close();
  });

  it('offers nothing to restore when no backup passes, and leaves other errors alone', async () => {
    const dir = join(temp.dir, 'lonely');
    const file = await seededWorkspace(dir, 'office.sqlite', 30);
    corruptMiddlePage(file);
    const before = readdirSync(dir).sort();
    const error = refusal(() => openWorkspace(file));
    expect(error.key).toBe('reliability.damaged');
    let thrown: unknown;
    try {
      openWorkspace(file);
    } catch (caught) {
      thrown = caught;
    }
    const damaged = damagedWorkspaceOf(thrown)!;
    expect(damaged.newestGoodBackup).toBeNull();
    expect(damaged.explanation.key).toBe('reliability.recover.explainNoBackup');
    expect(() => restoreNewestGoodBackup(file, damaged, 'app', new Date())).toThrow();
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(damagedWorkspaceOf(new Error('disk full'))).toBeUndefined();
  });
});
