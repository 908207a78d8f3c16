import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { createTranslator, translateMessage } from '../../../electron/core/i18n';
import { office, openTestCore, tempDir } from '../../helpers/workspace';
import { corruptMiddlePage, refusal, runCli, seededWorkspace, sha256 } from './helpers';

const temp = tempDir('award-desk-quick-check-');
afterAll(() => temp.dispose());

describe('quick_check on opening a workspace', () => {
  it('refuses a damaged workspace, leaves it byte for byte as it was and names the newest backup that verifies', async () => {
    const file = await seededWorkspace(temp.dir, 'damaged.sqlite', 80);
    const core = openTestCore(temp.dir, { file: 'damaged.sqlite' });
    const good = await core.dispatch('backups.create', {}, office);
    expect(good.ok).toBe(true);
    const goodName = (good as { data: { fileName: string } }).data.fileName;
    const backupsDir = core.workspace.backupsDir;
    core.close();
    // A newer backup that is itself damaged must be passed over.
    const newerButBad = join(backupsDir, '2099-01-01T00-00-00-000Z-manual.sqlite');
    copyFileSync(join(backupsDir, goodName), newerButBad);
    corruptMiddlePage(newerButBad);

    corruptMiddlePage(file);
    const before = sha256(file);
    const listing = readdirSync(temp.dir).sort();

    const error = refusal(() => openWorkspace(file));
    expect(error).toMatchObject({ code: 'refused', key: 'reliability.damaged', params: { path: file, newestGoodBackup: goodName, backupsDir } });
    expect(String(error.params?.detail)).not.toBe('');
    expect(refusal(() => openTestCore(temp.dir, { file: 'damaged.sqlite' }))).toMatchObject({ key: 'reliability.damaged' });

    expect(sha256(file)).toBe(before);
    for (const name of listing) expect(readdirSync(temp.dir)).toContain(name); // nothing removed

    const text = translateMessage(createTranslator('en'), error);
    expect(text).toContain(`The workspace ${file} is damaged and was not opened; nothing in it was changed or deleted.`);
    expect(text).toContain(`The newest backup that passes every check is ${goodName} in ${backupsDir}`);
    expect(translateMessage(createTranslator('zh-CN'), error)).toContain(`通过全部检查的最新备份是 ${backupsDir} 中的 ${goodName}`);

    // What the message offers works: restoring that backup brings the workspace back.
    expect(runCli(['restore', '--workspace', file, '--from', join(backupsDir, goodName)]).code).toBe(0);
    const reopened = openWorkspace(file, { dailyBackup: false });
    expect(reopened.db.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(80);
    reopened.db.close();
  });

  it('says so when no backup verifies, and the CLI refuses to back up a damaged file', async () => {
    const file = await seededWorkspace(temp.dir, 'lonely.sqlite', 80);
    corruptMiddlePage(file);
    const before = sha256(file);
    const error = refusal(() => openWorkspace(file));
    expect(error).toMatchObject({ key: 'reliability.damaged', params: { newestGoodBackup: '', context: 'noBackup' } });
    expect(translateMessage(createTranslator('en'), error)).toMatch(/No backup in .*lonely\.backups passes every check; keep the file as it is/);
    const cli = runCli(['backup', '--workspace', file]);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('is damaged and was not opened');
    expect(sha256(file)).toBe(before);
  });

  it('opens a healthy workspace as before', async () => {
    const file = await seededWorkspace(temp.dir, 'healthy.sqlite', 5);
    const { db } = openWorkspace(file, { dailyBackup: false });
    expect(db.prepare('SELECT count(*) FROM cycles').pluck().get()).toBe(5);
    db.close();
  });
});
