import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../../electron/core';
import { enrolmentProof, writePackage, createWorkspaceKeyPair } from '../../../electron/core/packages';
import type { Download, ImportSummary } from '../../../shared/api/exchange';
import { openTestCore, tempDir } from '../../helpers/workspace';
import { carry, completeApplication, dump, importFile, makeEnterprise, makeOffice, office, ok, panelFor, refused, sample, scoreSheet, upload, type Office } from './helpers';

const temp = tempDir('qad-exchange-');
const usb = join(temp.dir, 'usb');
let officeWs: Office;
let expertLaunch: Core;
const applicants: string[] = [];
let expertId: string;
let reviewFile: string;

beforeAll(async () => {
  officeWs = await makeOffice(join(temp.dir, 'office-machine'));
  // Two applicants hand in their submissions; a third is registered by hand and assigned to nobody.
  for (const index of [0, 1]) {
    const enterprise = await makeEnterprise(join(temp.dir, `enterprise-${index}`), index);
    await completeApplication(enterprise, index);
    const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
    const summary = await ok<ImportSummary>(importFile(officeWs.core, carry(enterprise.core, download, usb, `submission-${index}.qadpkg`)));
    applicants.push(summary.applicant!.id);
    enterprise.core.close();
  }
  expertId = (await panelFor(officeWs, '王评审', applicants)).expertId;
  expertLaunch = openTestCore(join(temp.dir, 'expert-machine'), { file: 'launch.sqlite' });
});
afterAll(() => {
  expertLaunch.close();
  officeWs.core.close();
  temp.dispose();
});

describe('review: office → expert', () => {
  it('refuses a review export for an expert without assignments, and changes nothing', async () => {
    const other = await ok<{ id: string }>(officeWs.core.dispatch('experts.create', { record: { name: '未分配专家', organisation: '某研究院' } }, office));
    const before = dump(officeWs.core.db);
    const error = await refused(officeWs.core.dispatch('exchange.exportReview', { cycleId: officeWs.cycleId, expertId: other.id }, office));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.review.nothingAssigned' });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('exports the assignments with a fresh enrolment, and a new expert workspace opens from it', async () => {
    const download = await ok<Download & { applicantCount: number }>(
      officeWs.core.dispatch('exchange.exportReview', { cycleId: officeWs.cycleId, expertId, dueDate: '2026-12-15' }, office),
    );
    expect(download.applicantCount).toBe(2);
    const enrolment = officeWs.core.db.prepare('SELECT * FROM exchange_enrolments').get() as { expert_id: string; review_package_id: string; pinned_key_id: string | null; secret: string };
    expect(enrolment).toMatchObject({ expert_id: expertId, review_package_id: download.packageId, pinned_key_id: null });
    // The secret is never written to the audit log.
    const audit = officeWs.core.db.prepare('SELECT payload FROM audit_log').all() as { payload: string }[];
    expect(audit.some((row) => row.payload.includes(enrolment.secret))).toBe(false);
    reviewFile = carry(officeWs.core, download, usb, 'review.qadpkg');

    const officeApplicant = await ok<{ attachments: { id: string }[] }>(officeWs.core.dispatch('applications.get', { applicantId: applicants[0] }, office));
    const uploadId = await upload(expertLaunch, reviewFile);
    const created = await ok<{ workspace: { role: string; title: string; id: string }; summary: ImportSummary }>(
      expertLaunch.dispatch('workspaces.createExpertFromPackage', { uploadId }, office),
    );
    expect(created.workspace).toMatchObject({ role: 'expert', title: '王评审 · 2026年度市长质量奖' });
    expect(created.summary).toMatchObject({ outcome: 'imported', kind: 'review', keyPinned: true, expert: { id: expertId, name: '王评审' }, counts: { applicants: 2, attachments: 4 } });
    expect(expertLaunch.workspace.role).toBe('expert');
    expect(expertLaunch.workspace.id).toBe(created.workspace.id);

    // Only the assigned applications, with the office's ids (so scores map back) and their attachments.
    const cycles = await ok<{ id: string }[]>(expertLaunch.dispatch('cycles.list', {}, office));
    expect(cycles.map((c) => c.id)).toEqual([officeWs.cycleId]);
    const listed = await ok<{ id: string }[]>(expertLaunch.dispatch('applicants.list', { cycleId: officeWs.cycleId }, office));
    expect(listed.map((a) => a.id).sort()).toEqual([...applicants].sort());
    const copy = await ok<{ attachments: { id: string }[]; completeness: unknown[] }>(expertLaunch.dispatch('applications.get', { applicantId: applicants[0] }, office));
    expect(copy.attachments.map((a) => a.id).sort()).toEqual(officeApplicant.attachments.map((a) => a.id).sort());
    expect(copy.completeness).toEqual([]);
    const identity = await ok<{ expert: { id: string; officeFingerprint: string }; stages: string[] }>(expertLaunch.dispatch('exchange.identity', {}, office));
    expect(identity).toMatchObject({ expert: { id: expertId }, stages: ['documentReview'] });
    // The secret is not kept on the expert side; only the proof is.
    const stored = JSON.stringify(dump(expertLaunch.db));
    expect(stored).not.toContain(enrolment.secret);
    expect(readdirSync(join(temp.dir, 'expert-machine', 'workspaces')).filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('refuses to make a second workspace from the same review package on the same machine, leaving no file behind', async () => {
    const launchDir = join(temp.dir, 'expert-machine', 'workspaces');
    const uploadId = await upload(expertLaunch, reviewFile);
    const files = readdirSync(launchDir).sort();
    const before = dump(expertLaunch.db);
    const error = await refused(expertLaunch.dispatch('workspaces.createExpertFromPackage', { uploadId }, office));
    expect(error).toMatchObject({ code: 'conflict', key: 'exchange.review.workspaceExists' });
    expect(readdirSync(launchDir).sort()).toEqual(files);
    expect(dump(expertLaunch.db)).toEqual(before);
  });

  it('refuses a review package in an office workspace with a pointer to the start page', async () => {
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, reviewFile));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.import.reviewOpensWorkspace' });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('opens the review room for the workspace’s own expert without a PIN, and only in an examiner workspace', async () => {
    const own = await ok<{ sessionToken: string; expertId: string; expertName: string }>(expertLaunch.dispatch('sessions.openOwn', {}, office));
    expect(own).toMatchObject({ expertId, expertName: '王评审' });
    const assignments = await ok<{ applicantId: string }[]>(expertLaunch.dispatch('scores.myAssignments', { sessionToken: own.sessionToken }, office));
    expect(assignments.map((a) => a.applicantId).sort()).toEqual([...applicants].sort());
    const before = dump(officeWs.core.db);
    expect(await refused(officeWs.core.dispatch('sessions.openOwn', {}, office))).toMatchObject({ code: 'forbidden', key: 'panels.session.notOwnWorkspace' });
    expect(dump(officeWs.core.db)).toEqual(before);
  });
});

describe('scores: expert → office', () => {
  let interim: string;
  let finalFile: string;

  it('exports an interim package while sheets are open and a final one once all are submitted', async () => {
    await scoreSheet(expertLaunch, expertId, applicants[0]!, officeWs.cycleId, 60, true);
    await scoreSheet(expertLaunch, expertId, applicants[1]!, officeWs.cycleId, 40, false);
    const first = await ok<Download & { final: boolean; sheets: number }>(expertLaunch.dispatch('exchange.exportScores', { stage: 'documentReview' }, office));
    expect(first).toMatchObject({ final: false, sheets: 2, sequence: 1 });
    interim = carry(expertLaunch, first, usb, 'scores-1.qadpkg');

    await ok(expertLaunch.dispatch('scores.submit', { as: { kind: 'office', onBehalfOf: expertId }, stage: 'documentReview', applicantId: applicants[1] }, office));
    const second = await ok<Download & { final: boolean }>(expertLaunch.dispatch('exchange.exportScores', { stage: 'documentReview' }, office));
    expect(second).toMatchObject({ final: true, sequence: 2 });
    finalFile = carry(expertLaunch, second, usb, 'scores-2.qadpkg');
  });

  it('refuses a scores export for a stage without assignments', async () => {
    const error = await refused(expertLaunch.dispatch('exchange.exportScores', { stage: 'siteVisit' }, office));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.scores.nothingAssigned', params: { stage: 'siteVisit' } });
  });

  it('the office imports the final scores and its consensus data shows them', async () => {
    const summary = await ok<ImportSummary>(importFile(officeWs.core, finalFile));
    expect(summary).toMatchObject({ outcome: 'imported', kind: 'scores', stage: 'documentReview', final: true, keyPinned: true, expert: { id: expertId }, counts: { applicants: 2, scores: 46, comments: 92, submittedSheets: 2 } });
    const pinned = officeWs.core.db.prepare('SELECT pinned_key_id FROM exchange_enrolments').get() as { pinned_key_id: string };
    expect(summary.senderFingerprint.replace(/-/g, '')).toBe(pinned.pinned_key_id);

    const consensus = await ok<{ allSubmitted: boolean; items: { itemId: string; percents: { expertId: string; percent: number | null }[]; expertComments: { strengths: { text: string }[] }[] }[] }>(
      officeWs.core.dispatch('consensus.get', { viewer: { kind: 'office' }, stage: 'documentReview', applicantId: applicants[0] }, office),
    );
    expect(consensus.allSubmitted).toBe(true);
    expect(consensus.items).toHaveLength(23);
    for (const item of consensus.items) expect(item.percents).toEqual([{ expertId, percent: 60 }]);
    const item = consensus.items.find((entry) => entry.itemId === '4.1.2')!;
    expect(item.expertComments[0]!.strengths.map((c) => c.text)).toEqual(['4.1.2 优势']);
    const second = await ok<{ items: { percents: { percent: number | null }[] }[] }>(
      officeWs.core.dispatch('consensus.get', { viewer: { kind: 'office' }, stage: 'documentReview', applicantId: applicants[1] }, office),
    );
    expect(second.items.every((entry) => entry.percents[0]!.percent === 40)).toBe(true);
  });

  it('refuses the older interim package after the final one (replay) and changes nothing', async () => {
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, interim));
    expect(error).toMatchObject({ code: 'refused', key: 'packages.refused.replay', params: { sequence: 1, minimum: 3 } });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('the same final file again is recognised and changes nothing', async () => {
    const before = dump(officeWs.core.db);
    expect((await ok<ImportSummary>(importFile(officeWs.core, finalFile))).outcome).toBe('alreadyImported');
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('refuses scores signed by a key that was not enrolled, and changes nothing', async () => {
    const enrolment = officeWs.core.db.prepare('SELECT enrolment_id, review_package_id, expert_workspace_id FROM exchange_enrolments').get() as {
      enrolment_id: string;
      review_package_id: string;
      expert_workspace_id: string;
    };
    const stranger = createWorkspaceKeyPair();
    const forged = join(usb, 'forged.qadpkg');
    const wrongSecret = Buffer.alloc(32, 7).toString('base64url');
    const proof = enrolmentProof(wrongSecret, { enrolmentId: enrolment.enrolment_id, cycleId: officeWs.cycleId, officeKeyId: 'x', expertWorkspaceId: enrolment.expert_workspace_id }, stranger.publicKeyRaw);
    await writePackage(
      {
        kind: 'scores',
        cycleId: officeWs.cycleId,
        senderWorkspaceId: enrolment.expert_workspace_id,
        sequence: 99,
        header: { enrolment: { enrolmentId: enrolment.enrolment_id, proof }, reviewPackageId: enrolment.review_package_id, final: true },
        files: [{ path: 'scores.json', source: Buffer.from('{}') }],
        privateKey: stranger.privateKeyPem,
      },
      forged,
    );
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, forged));
    expect(error).toMatchObject({ code: 'refused', key: 'packages.refused.enrolmentInvalid' });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('refuses scores from a second workspace made from a copy of the review package (key conflict), and changes nothing', async () => {
    const thief = openTestCore(join(temp.dir, 'thief-machine'), { file: 'launch.sqlite' });
    try {
      await ok(thief.dispatch('workspaces.createExpertFromPackage', { uploadId: await upload(thief, reviewFile) }, office));
      await scoreSheet(thief, expertId, applicants[0]!, officeWs.cycleId, 100, false);
      const stolen = carry(thief, await ok<Download>(thief.dispatch('exchange.exportScores', { stage: 'documentReview' }, office)), usb, 'stolen.qadpkg');
      const before = dump(officeWs.core.db);
      const error = await refused(importFile(officeWs.core, stolen));
      expect(error).toMatchObject({ code: 'refused', key: 'packages.refused.enrolmentKeyConflict' });
      expect(dump(officeWs.core.db)).toEqual(before);
    } finally {
      thief.close();
    }
  });

  it('refuses a package that scores an applicant the expert is not assigned to, and changes nothing', async () => {
    // A hand-registered applicant the expert never got; the expert workspace is tampered with to score it anyway.
    const outsider = await ok<{ id: string }>(officeWs.core.dispatch('applicants.create', { cycleId: officeWs.cycleId, record: sample(2) }, office));
    const db = expertLaunch.db;
    const now = '2026-11-21T10:00:00.000Z';
    db.prepare(
      `INSERT INTO applicants (id, cycle_id, legal_name, credit_code, section, division, region, employees, status, record, created_at, updated_at)
       VALUES (?, ?, '外单位', '91440300708461136T', 'G', '59', '深圳', 88, 'submitted', 'null', ?, ?)`,
    ).run(outsider.id, officeWs.cycleId, now, now);
    const panel = db.prepare('SELECT id FROM panels').get() as { id: string };
    db.prepare(`INSERT INTO panel_applicants (panel_id, applicant_id, stage, assigned_by, assigned_at) VALUES (?, ?, 'documentReview', 'x', ?)`).run(panel.id, outsider.id, now);
    db.prepare(`INSERT INTO scores (cycle_id, stage, applicant_id, expert_id, item_id, percent, entered_by, updated_at) VALUES (?, 'documentReview', ?, ?, '4.1.2', 50, 'expert', ?)`).run(officeWs.cycleId, outsider.id, expertId, now);
    const file = carry(expertLaunch, await ok<Download>(expertLaunch.dispatch('exchange.exportScores', { stage: 'documentReview' }, office)), usb, 'unassigned.qadpkg');
    const before = dump(officeWs.core.db);
    const error = await refused(importFile(officeWs.core, file));
    expect(error).toMatchObject({ code: 'refused', key: 'exchange.scores.notAssigned', params: { applicant: 'Shenzhen Harbour Logistics Co., Ltd.', stage: 'documentReview' } });
    expect(dump(officeWs.core.db)).toEqual(before);
  });

  it('a later review package updates the expert workspace, and scores for the newly assigned applicant are then accepted', async () => {
    const outsider = (await ok<{ id: string }[]>(officeWs.core.dispatch('applicants.list', { cycleId: officeWs.cycleId, search: 'Shenzhen' }, office)))[0]!;
    const panel = officeWs.core.db.prepare('SELECT panel_id FROM panel_members WHERE expert_id = ?').get(expertId) as { panel_id: string };
    await ok(officeWs.core.dispatch('panels.assign', { panelId: panel.panel_id, applicantId: outsider.id }, office));
    const review = await ok<Download & { applicantCount: number }>(officeWs.core.dispatch('exchange.exportReview', { cycleId: officeWs.cycleId, expertId }, office));
    expect(review).toMatchObject({ applicantCount: 3, sequence: 2 });
    const later = await ok<ImportSummary>(importFile(expertLaunch, carry(officeWs.core, review, usb, 'review-2.qadpkg')));
    expect(later).toMatchObject({ kind: 'review', keyPinned: false, counts: { applicants: 3 } });
    const identity = expertLaunch.db.prepare('SELECT review_package_id FROM exchange_expert_identity').get() as { review_package_id: string };
    expect(identity.review_package_id).toBe(review.packageId);

    await scoreSheet(expertLaunch, expertId, outsider.id, officeWs.cycleId, 75, false);
    const scores = carry(expertLaunch, await ok<Download>(expertLaunch.dispatch('exchange.exportScores', { stage: 'documentReview' }, office)), usb, 'scores-3.qadpkg');
    const summary = await ok<ImportSummary>(importFile(officeWs.core, scores));
    // The two submitted sheets arrive unchanged and stay as they were; the new one is taken as progress.
    expect(summary).toMatchObject({ final: false, keyPinned: true, counts: { applicants: 3, submittedSheets: 2, scores: 23 } });
    const sheet = await ok<{ items: { percent: number | null }[] }>(
      officeWs.core.dispatch('scores.sheet', { as: { kind: 'office', onBehalfOf: expertId }, stage: 'documentReview', applicantId: outsider.id }, office),
    );
    expect(sheet.items.every((item) => item.percent === 75)).toBe(true);
  });

  it('keeps no uploads once they are imported or refused, and no unpacked packages', () => {
    for (const core of [officeWs.core, expertLaunch]) {
      for (const folder of ['uploads', 'packages']) {
        const dir = join(`${core.workspace.path}.staging`, folder);
        expect(existsSync(dir) ? readdirSync(dir) : [], `${core.workspace.role} ${folder}`).toEqual([]);
      }
    }
  });
});
