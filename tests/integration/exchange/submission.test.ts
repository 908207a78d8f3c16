import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupList } from '../../../shared/api/backups';
import type { Download, ImportSummary } from '../../../shared/api/exchange';
import { tempDir } from '../../helpers/workspace';
import { carry, completeApplication, dump, importFile, makeEnterprise, makeOffice, office, ok, refused, type Enterprise, type Office } from './helpers';

const temp = tempDir('qad-exchange-');
let enterprise: Enterprise;
let officeWs: Office;
const usb = join(temp.dir, 'usb');

beforeAll(async () => {
  enterprise = await makeEnterprise(join(temp.dir, 'enterprise-machine'), 0);
  officeWs = await makeOffice(join(temp.dir, 'office-machine'));
});
afterAll(() => {
  enterprise.core.close();
  officeWs.core.close();
  temp.dispose();
});

describe('submission: enterprise → office', () => {
  it('refuses to export an incomplete application, listing everything missing, and changes nothing', async () => {
    const before = dump(enterprise.core.db);
    const error = await refused(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.submission.incomplete' });
    const keys = error.fields!.map((field) => field.key);
    expect(keys).toContain('exchange.submission.recordMissing');
    expect(keys).toContain('applicants.completeness.missingProfile');
    expect(keys.filter((key) => key === 'applicants.completeness.missingNarrative')).toHaveLength(23);
    expect(dump(enterprise.core.db)).toEqual(before);
  });

  it('refuses a submission export from an office workspace', async () => {
    const [applicant] = await ok<{ id: string }[]>(officeWs.core.dispatch('applicants.list', { cycleId: officeWs.cycleId }, office));
    expect(applicant).toBeUndefined();
    const error = await refused(officeWs.core.dispatch('exchange.exportSubmission', { applicantId: 'whatever' }, office));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.error.only.enterprise', params: { role: 'office' } });
  });

  let first: string;
  let firstSummary: ImportSummary;

  const preImportBackups = async () => (await ok<BackupList>(officeWs.core.dispatch('backups.list', {}, office))).backups.filter((b) => b.reason === 'pre-import').length;

  it('exports a complete application and the office imports it as a new applicant, version 1', async () => {
    expect(await preImportBackups()).toBe(0);
    await completeApplication(enterprise, 0);
    const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
    expect(download.sequence).toBe(1);
    expect(download.fileName).toMatch(/\.qadpkg$/);
    first = carry(enterprise.core, download, usb, 'v1.qadpkg');

    firstSummary = await ok<ImportSummary>(importFile(officeWs.core, first));
    expect(firstSummary).toMatchObject({
      outcome: 'imported',
      kind: 'submission',
      cycleId: officeWs.cycleId,
      version: 1,
      keyPinned: true,
      applicant: { name: '福建闽江精密机械股份有限公司', creditCode: '91350100M000100Y43', created: true },
      counts: { applicants: 1, items: 23, attachments: 2 },
    });
    const applicantId = firstSummary.applicant!.id;
    const detail = await ok<{ status: string; record: { legalName: string } }>(officeWs.core.dispatch('applicants.get', { applicantId }, office));
    expect(detail).toMatchObject({ status: 'submitted', record: { legalName: '福建闽江精密机械股份有限公司' } });
    const application = await ok<{ completeness: unknown[]; attachments: { fileName: string; sha256: string; id: string }[] }>(
      officeWs.core.dispatch('applications.get', { applicantId }, office),
    );
    expect(application.completeness).toEqual([]);
    expect(application.attachments.map((a) => a.fileName).sort()).toEqual(['营业执照.pdf', '领导作用说明.pdf']);
    const content = await ok<{ contentBase64: string }>(officeWs.core.dispatch('attachments.content', { attachmentId: application.attachments.find((a) => a.fileName === '营业执照.pdf')!.id }, office));
    expect(Buffer.from(content.contentBase64, 'base64').toString()).toContain('licence');

    const actions = officeWs.core.db.prepare(`SELECT action FROM audit_log ORDER BY seq`).all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['applicant.create', 'package.pinKey', 'package.import']));
    const history = await ok<{ direction: string; kind: string; subject: string; version: number | null }[]>(officeWs.core.dispatch('exchange.history', {}, office));
    expect(history[0]).toMatchObject({ direction: 'import', kind: 'submission', subject: '福建闽江精密机械股份有限公司', version: 1 });
    const exported = await ok<{ direction: string }[]>(enterprise.core.dispatch('exchange.history', {}, office));
    expect(exported[0]).toMatchObject({ direction: 'export', kind: 'submission' });    // The workspace was backed up before the import changed it.
    expect(await preImportBackups()).toBe(1);
  });

  it('importing the very same file again changes nothing and says so', async () => {
    const before = dump(officeWs.core.db);
    const again = await ok<ImportSummary>(importFile(officeWs.core, first));
    expect(again).toMatchObject({ outcome: 'alreadyImported', version: 1, packageId: firstSummary.packageId });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('a re-submission becomes version 2; version 1 stays in the history', async () => {
    await completeApplication(enterprise, 0, '（修订）');
    const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
    expect(download.sequence).toBe(2);
    const second = carry(enterprise.core, download, usb, 'v2.qadpkg');
    const summary = await ok<ImportSummary>(importFile(officeWs.core, second));
    expect(summary).toMatchObject({ outcome: 'imported', version: 2, keyPinned: false, applicant: { id: firstSummary.applicant!.id, created: false }, counts: { attachments: 4 } });

    const versions = officeWs.core.db.prepare('SELECT version, snapshot FROM submission_versions WHERE applicant_id = ? ORDER BY version').all(firstSummary.applicant!.id) as { version: number; snapshot: string }[];
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0]!.snapshot).profile).toBe('组织概述：本单位成立于2008年。');
    expect(JSON.parse(versions[1]!.snapshot).profile).toBe('组织概述：本单位成立于2008年。（修订）');
    const applicants = await ok<unknown[]>(officeWs.core.dispatch('applicants.list', { cycleId: officeWs.cycleId }, office));
    expect(applicants).toHaveLength(1);
    const view = await ok<{ profile: string }>(officeWs.core.dispatch('applications.get', { applicantId: firstSummary.applicant!.id }, office));
    expect(view.profile).toBe('组织概述：本单位成立于2008年。（修订）');
  });

  it('refuses an older package after a newer one (replay), leaving the data untouched', async () => {
    const older = carry(enterprise.core, await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office)), usb, 'older.qadpkg');
    const newer = carry(enterprise.core, await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office)), usb, 'newer.qadpkg');
    expect((await ok<ImportSummary>(importFile(officeWs.core, newer))).version).toBe(3);
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, older));
    expect(error).toMatchObject({ code: 'refused', key: 'packages.refused.replay', params: { sequence: 3, minimum: 5 } });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('refuses a tampered package with the package layer reason and changes nothing', async () => {
    const bytes = readFileSync(first);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x01;
    const tampered = join(usb, 'tampered.qadpkg');
    writeFileSync(tampered, bytes);
    const backupsBefore = await preImportBackups();
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, tampered));
    expect(error.code).toBe('refused');
    expect(error.key).toMatch(/^packages\.refused\./);
    expect(dump(officeWs.core.db)).toEqual(before);
    // A refused package takes no backup (and so rotates none out).
    expect(await preImportBackups()).toBe(backupsBefore);
  });

  it('refuses a submission signed by another key for the same credit code until the office confirms it', async () => {
    const impostor = await makeEnterprise(join(temp.dir, 'other-machine'), 0, '2026-11-22T09:00:00.000Z');
    try {
      await completeApplication(impostor, 0, '（另一台电脑）');
      const download = await ok<Download>(impostor.core.dispatch('exchange.exportSubmission', { applicantId: impostor.applicantId }, office));
      const file = carry(impostor.core, download, usb, 'other-key.qadpkg');
      const before = dump(officeWs.core.db);
      const uploadError = await refused(importFile(officeWs.core, file));
      expect(uploadError).toMatchObject({ code: 'refused', key: 'exchange.submission.keyChanged', params: { creditCode: '91350100M000100Y43' } });
      expect(dump(officeWs.core.db)).toEqual(before);

      const accepted = await ok<ImportSummary>(importFile(officeWs.core, file, { confirmKeyChange: true }));
      expect(accepted).toMatchObject({ version: 4, keyPinned: true });
      const pins = officeWs.core.db.prepare(`SELECT key_id FROM exchange_pinned_keys WHERE purpose = 'submitter'`).all() as { key_id: string }[];
      expect(pins).toHaveLength(1);
      expect(accepted.senderFingerprint.replace(/-/g, '')).toBe(pins[0]!.key_id);
    } finally {
      impostor.core.close();
    }
  });

  it('refuses to replace an application the office has already moved past submission', async () => {
    const applicantId = firstSummary.applicant!.id;
    await ok(officeWs.core.dispatch('applicants.transition', { applicantId, to: 'eligible' }, office));
    await completeApplication(enterprise, 0, '（第三次）');
    const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
    // The office pinned the other machine's key last; accepting the original key again needs confirmation too.
    const file = carry(enterprise.core, download, usb, 'v-late.qadpkg');
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, file, { confirmKeyChange: true }));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.submission.locked', params: { status: 'eligible' } });
    expect(dump(officeWs.core.db)).toEqual(before);
  });
});
