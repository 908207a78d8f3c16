/**
 * A confirmed conflict of interest blocks an expert from an applicant on every path, including the
 * offline ones: an expert already holding a review package when the office learns of the conflict
 * (and moves them off) cannot bring scores for that applicant back in a scores package, cannot be
 * assigned again, and is not proposed by the assignment suggestion. Each refusal names the conflict.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { Download, ImportSummary } from '../../../shared/api/exchange';
import type { AssignmentSuggestion } from '../../../shared/api/panels';
import { openTestCore, tempDir } from '../../helpers/workspace';
import { carry, completeApplication, dump, importFile, makeEnterprise, makeOffice, office, ok, panelFor, refused, scoreSheet, upload, type Office } from './helpers';

const temp = tempDir('qad-exchange-conflict-');
const usb = join(temp.dir, 'usb');
let officeWs: Office;
let expertLaunch: Core;
let applicantId: string;
let expertId: string;
let panelId: string;
let scoresFile: string;

beforeAll(async () => {
  officeWs = await makeOffice(join(temp.dir, 'office-machine'));
  const enterprise = await makeEnterprise(join(temp.dir, 'enterprise'), 0);
  await completeApplication(enterprise, 0);
  const submission = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
  applicantId = (await ok<ImportSummary>(importFile(officeWs.core, carry(enterprise.core, submission, usb, 'submission.qadpkg')))).applicant!.id;
  enterprise.core.close();
  ({ expertId, panelId } = await panelFor(officeWs, '王评审', [applicantId]));

  // The review package goes out, and the examiner scores and submits offline.
  const review = await ok<Download>(officeWs.core.dispatch('exchange.exportReview', { cycleId: officeWs.cycleId, expertId }, office));
  expertLaunch = openTestCore(join(temp.dir, 'expert-machine'), { file: 'launch.sqlite' });
  await ok(expertLaunch.dispatch('workspaces.createExpertFromPackage', { uploadId: await upload(expertLaunch, carry(officeWs.core, review, usb, 'review.qadpkg')) }, office));
  await scoreSheet(expertLaunch, expertId, applicantId, officeWs.cycleId, 70, true);
  scoresFile = carry(expertLaunch, await ok<Download>(expertLaunch.dispatch('exchange.exportScores', { stage: 'documentReview' }, office)), usb, 'scores.qadpkg');
}, 120_000);
afterAll(() => {
  expertLaunch.close();
  officeWs.core.close();
  temp.dispose();
});

it('a conflict cannot be confirmed while the pair sits together; the office moves the expert off first', async () => {
  const together = await refused(
    officeWs.core.dispatch('conflicts.declare', { expertId, applicantId, kind: 'consultingOrTraining', from: '2024-01-01', to: null, note: '为申报单位做过质量管理咨询' }, office),
  );
  expect(together.key).toBe('panels.conflict.alreadyTogether');
  await ok(officeWs.core.dispatch('panels.unassign', { panelId, applicantId }, office));
  await ok(officeWs.core.dispatch('conflicts.declare', { expertId, applicantId, kind: 'consultingOrTraining', from: '2024-01-01', to: null, note: '为申报单位做过质量管理咨询' }, office));
});

it('refuses the scores the expert made before, naming the conflict, and changes nothing', async () => {
  const before = dump(officeWs.core.db);
  const error = await refused(importFile(officeWs.core, scoresFile));
  expect(error).toMatchObject({ code: 'refused', key: 'panels.conflict.blocksAssignment', params: { expert: '王评审', kind: 'consultingOrTraining' } });
  expect(dump(officeWs.core.db)).toEqual(before);
});

it('refuses to assign the pair again, and the assignment suggestion keeps them apart', async () => {
  const again = await refused(officeWs.core.dispatch('panels.assign', { panelId, applicantId }, office));
  expect(again).toMatchObject({ code: 'refused', key: 'panels.conflict.blocksAssignment', params: { expert: '王评审' } });
  // The suggestion plans for eligible applicants not on a panel yet.
  await ok(officeWs.core.dispatch('applicants.transition', { applicantId, to: 'eligible' }, office));
  const suggestion = await ok<AssignmentSuggestion>(
    officeWs.core.dispatch('panels.suggestAssignment', { cycleId: officeWs.cycleId, stage: 'documentReview', minExperts: 1 }, office),
  );
  // The only expert in the register is the conflicted one: the applicant stays unassigned, with the reason.
  expect(suggestion.plan.assignments.filter((a) => a.applicantId === applicantId)).toEqual([]);
  expect(suggestion.unassignable.map((u) => u.applicantId)).toEqual([applicantId]);
  expect(suggestion.complete).toBe(false);
  // And no new review package can carry the applicant to that expert.
  expect((await refused(officeWs.core.dispatch('exchange.exportReview', { cycleId: officeWs.cycleId, expertId }, office))).key).toBe('exchange.review.nothingAssigned');
});
