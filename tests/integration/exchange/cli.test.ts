/**
 * The exchange through the built CLI bundle (out/cli.cjs, built by the global setup), as an office
 * clerk would run it from a terminal: `award-desk export submission|review|scores … --out FILE` and
 * `award-desk import PACKAGE --workspace FILE`, with a non-zero exit code and the translated reason
 * on every refusal, and the workspace unchanged by it. Workspaces are prepared through the core and
 * closed before the CLI opens them, as on separate machines.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { openWorkspace } from '../../../electron/core/db/workspace';
import { createWorkspaceKeyPair, writePackage } from '../../../electron/core/packages';
import { resourcesDir, tempDir } from '../../helpers/workspace';
import { buildZip } from '../packages/helpers';
import { completeApplication, dump, makeEnterprise, makeOffice, office, ok, panelFor, scoreSheet } from './helpers';

const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000 });

const temp = tempDir('qad-exchange-cli-');
const usb = (name: string) => join(temp.dir, 'usb', name);
let officeFile: string;
let enterpriseFile: string;
let enterpriseApplicantId: string;
let cycleId: string;

/** The whole office database, read through a connection of its own while no CLI runs. */
function officeDump(): Record<string, unknown[]> {
  const { db } = openWorkspace(officeFile, { dailyBackup: false });
  try {
    return dump(db);
  } finally {
    db.close();
  }
}

/** Runs an import that must be refused: exit code 1, the reason on stderr, nothing changed. */
function refusedImport(file: string, reason: RegExp): void {
  const before = officeDump();
  const result = run('import', file, '--workspace', officeFile);
  expect(result.status, result.stdout).toBe(1);
  expect(result.stderr).toMatch(reason);
  expect(result.stdout).not.toMatch(/Imported/);
  expect(officeDump()).toEqual(before);
}

beforeAll(async () => {
  mkdirSync(join(temp.dir, 'usb'));
  const enterprise = await makeEnterprise(join(temp.dir, 'enterprise'), 0);
  await completeApplication(enterprise, 0);
  enterpriseFile = enterprise.core.workspace.path;
  enterpriseApplicantId = enterprise.applicantId;
  enterprise.core.close();
  const officeWs = await makeOffice(join(temp.dir, 'office'));
  officeFile = officeWs.core.workspace.path;
  cycleId = officeWs.cycleId;
  officeWs.core.close();
}, 120_000);
afterAll(() => temp.dispose());

describe('award-desk export and import', () => {
  let applicantId: string;
  let expertId: string;

  it('exports a submission from the enterprise workspace and imports it into the office', async () => {
    const exported = run('export', 'submission', '--workspace', enterpriseFile, '--applicant', enterpriseApplicantId, '--out', usb('submission.qadpkg'));
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(readFileSync(usb('submission.qadpkg')).subarray(0, 2).toString()).toBe('PK');

    const imported = run('import', usb('submission.qadpkg'), '--workspace', officeFile);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/version 1/i);
    const again = run('import', usb('submission.qadpkg'), '--workspace', officeFile);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('imported before');

    const { db } = openWorkspace(officeFile, { dailyBackup: false });
    applicantId = (db.prepare('SELECT id FROM applicants').get() as { id: string }).id;
    db.close();
  });

  it('refuses a damaged copy, a hostile archive and a package from a stranger, each with its own reason, changing nothing', async () => {
    // A fresh export (sequence 2), so the damage and not the repeat is what the reader meets.
    expect(run('export', 'submission', '--workspace', enterpriseFile, '--applicant', enterpriseApplicantId, '--out', usb('submission-2.qadpkg')).status).toBe(0);
    const damaged = readFileSync(usb('submission-2.qadpkg'));
    damaged[damaged.length >> 1]! ^= 0x01;
    writeFileSync(usb('damaged.qadpkg'), damaged);
    refusedImport(usb('damaged.qadpkg'), /damaged|altered|does not match|not a valid package/i);

    // Hostile entry names and a symlink: each refused with its own reason, before anything is unpacked.
    const hostile: [string, RegExp, number?][] = [
      ['/etc/cron.d/evil', /absolute path/],
      ['files/../../evil.txt', /“\.\.”/],
      ['C:/Windows/evil.dll', /drive letter/],
      ['files\\evil.txt', /backslash/],
      ['files/report.pdf:hidden', /NTFS data stream/],
      ['files/nul.txt', /device name “NUL”/],
      ['files/link', /symbolic link/, 0o120777],
    ];
    for (const [index, [name, reason, mode]] of hostile.entries()) {
      const file = usb(`hostile-${index}.qadpkg`);
      writeFileSync(file, await buildZip([{ name, data: Buffer.from('../../../../tmp/evil'), ...(mode ? { mode } : {}) }]));
      refusedImport(file, reason);
    }
    expect(existsSync(join(temp.dir, 'evil.txt'))).toBe(false);

    // Signed correctly, but by a scores key nobody enrolled.
    const stranger = createWorkspaceKeyPair();
    const forged = usb('forged-scores.qadpkg');
    await writePackage(
      {
        kind: 'scores',
        cycleId,
        senderWorkspaceId: '00000000-0000-4000-8000-00000000abcd',
        sequence: 1,
        header: { enrolment: { enrolmentId: '00000000-0000-4000-8000-00000000abcf', proof: '0'.repeat(64) }, reviewPackageId: '00000000-0000-4000-8000-00000000abd0', final: true },
        files: [{ path: 'scores.json', source: Buffer.from('{}') }],
        privateKey: stranger.privateKeyPem,
      },
      forged,
    );
    refusedImport(forged, /enrol|signature|not trusted|unknown/i);

    const missing = run('import', usb('nothing-here.qadpkg'), '--workspace', officeFile);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('nothing-here.qadpkg');
  });

  it('exports a review package, opens an expert workspace from it, and brings the scores back; an older scores package is a replay', async () => {
    // The panel is formed in the office (the CLI has no panel commands), which is closed again before the CLI runs.
    const core = createCore({ workspacePath: officeFile, resourcesDir });
    expertId = (await panelFor({ core, cycleId }, '王评审', [applicantId])).expertId;
    core.close();

    const review = run('export', 'review', '--workspace', officeFile, '--cycle', cycleId, '--expert', expertId, '--out', usb('review.qadpkg'));
    expect(review.stderr).toBe('');
    expect(review.status).toBe(0);

    const expertFile = join(temp.dir, 'expert', 'examiner.sqlite');
    const opened = run('import', usb('review.qadpkg'), '--workspace', expertFile);
    expect(opened.stderr).toBe('');
    expect(opened.status).toBe(0);
    expect(opened.stdout).toContain(expertFile);

    // The examiner scores half the sheet: an interim package. Then all of it, submitted: the final one.
    const expertCore = createCore({ workspacePath: expertFile, resourcesDir });
    await scoreSheet(expertCore, expertId, applicantId, (expertCore.db.prepare('SELECT id FROM cycles').get() as { id: string }).id, 60, false);
    expertCore.close();
    const interim = run('export', 'scores', '--workspace', expertFile, '--stage', 'documentReview', '--out', usb('scores-interim.qadpkg'));
    expect(interim.stderr).toBe('');
    expect(interim.status).toBe(0);
    const expertAgain = createCore({ workspacePath: expertFile, resourcesDir });
    await ok(expertAgain.dispatch('scores.submit', { as: { kind: 'office', onBehalfOf: expertId }, stage: 'documentReview', applicantId }, office));
    expertAgain.close();
    const final = run('export', 'scores', '--workspace', expertFile, '--stage', 'documentReview', '--out', usb('scores-final.qadpkg'));
    expect(final.status).toBe(0);

    const imported = run('import', usb('scores-final.qadpkg'), '--workspace', officeFile);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported the scores of 王评审');
    refusedImport(usb('scores-interim.qadpkg'), /older|replay|already/i);

    // A review package is not for an office workspace; the reason says where it goes instead.
    refusedImport(usb('review.qadpkg'), /expert workspace|examiner/i);
  });

  it('refuses bad command lines with the reason and a non-zero exit code', () => {
    const kind = run('export', 'everything', '--workspace', officeFile, '--out', usb('x.qadpkg'));
    expect(kind.status).not.toBe(0);
    expect(kind.stderr).toMatch(/submission\|review\|scores/);
    const stage = run('export', 'scores', '--workspace', officeFile, '--stage', 'finals', '--out', usb('x.qadpkg'));
    expect(stage.status).not.toBe(0);
    expect(stage.stderr).toMatch(/documentReview/);
    const wrongRole = run('export', 'scores', '--workspace', officeFile, '--stage', 'documentReview', '--out', usb('x.qadpkg'));
    expect(wrongRole.status).not.toBe(0);
    expect(wrongRole.stderr).not.toBe('');
    expect(existsSync(usb('x.qadpkg'))).toBe(false);
  });
});
