/**
 * The committee's deliberation and final approval. Totals (30/70 weights, uniform percents):
 * A 60/70 → 670.00, B 70/65 → 665.00, C 50/60 → 570.00, D 40/50 → 470.00; G has no site visit (not ranked).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core';
import type { Decision, Ranking } from '../../../shared/api/results';
import { auditActions } from '../panels/helpers';
import { ok, office, refused, scoredFixture, type ScoredFixture } from './helpers';

let f: ScoredFixture;
const NAMES = { A: '甲·闽江精密机械股份有限公司', B: '乙·福州智能装备有限公司', C: '丙·闽侯新材料有限公司', D: '丁·长乐纺织科技有限公司', G: '庚·连江食品有限公司' };
const id = (key: keyof typeof NAMES) => f.applicants[NAMES[key]]!;
const votes = { for: 9, against: 1, abstain: 1 };
const decide = (key: keyof typeof NAMES, outcome: string, note = '') =>
  f.core.dispatch('decisions.record', { applicantId: id(key), votes, outcome, note, meetingDate: '2026-12-01' }, office);

beforeAll(async () => {
  f = await scoredFixture([
    { name: NAMES.A, body: '91350100M000100A1', documentReview: 60, siteVisit: 70 },
    { name: NAMES.B, body: '91350100M000100B2', documentReview: 70, siteVisit: 65 },
    { name: NAMES.C, body: '91350100M000100C3', documentReview: 50, siteVisit: 60 },
    { name: NAMES.D, body: '91350100M000100D4', documentReview: 40, siteVisit: 50 },
    { name: NAMES.G, body: '91350100M000100G7', documentReview: 60, siteVisit: null },
  ]);
}, 120_000);
afterAll(() => f.dispose());

describe('committee decisions', () => {
  it('refuses a tier the cycle does not have, and a tier for an applicant without a combined score', async () => {
    expect(await refused(decide('A', 'goldMedal'))).toMatchObject({ code: 'validation', key: 'results.decision.unknownTier', fields: [{ path: 'outcome' }] });
    expect(await refused(decide('G', 'award'))).toMatchObject({ code: 'refused', key: 'results.decision.notRanked', params: { applicant: NAMES.G } });
    const malformed = await refused(f.core.dispatch('decisions.record', { applicantId: id('A'), votes: { for: -1, against: 0, abstain: 0 }, outcome: 'award', meetingDate: '2026-12-01' }, office));
    expect(malformed).toMatchObject({ code: 'validation', fields: [{ path: 'votes.for' }] });
  });

  it('will not approve while a ranked applicant has no decision', async () => {
    await ok(decide('A', 'award'));
    const refusal = await refused(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
    expect(refusal).toMatchObject({ code: 'refused', key: 'results.approve.undecided', params: { count: 3 } });
  });

  it('records votes and the decision with a note, replacing an earlier one, audited', async () => {
    await ok(decide('B', 'award'));
    const replaced = await ok<Decision>(decide('B', 'nomination', '行业代表性强，审定为提名奖'));
    expect(replaced).toMatchObject({ applicantId: id('B'), votes, outcome: 'nomination', note: '行业代表性强，审定为提名奖', meetingDate: '2026-12-01', decidedBy: 'office' });
    await ok(decide('C', 'encouragement'));
    await ok(decide('D', 'notAwarded'));
    const list = await ok<Decision[]>(f.core.dispatch('decisions.list', { cycleId: f.cycleId }, office));
    expect(list.map((d) => d.outcome).sort()).toEqual(['award', 'encouragement', 'nomination', 'notAwarded']);
    const trail = auditActions(f.core, id('B')).filter((a) => a.action === 'decision.record');
    expect(trail).toHaveLength(2);
    expect(JSON.parse(trail[1]!.payload)).toMatchObject({ before: { outcome: 'award' }, after: { outcome: 'nomination', votes } });
  });
});

describe('approval', () => {
  it('locks the cycle and numbers certificates from the pattern in rank order', async () => {
    const approved = await ok<{ certificates: { legalName: string; certificateNo: string; outcome: string }[] }>(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
    expect(approved.certificates.map((c) => [c.legalName, c.outcome, c.certificateNo])).toEqual([
      [NAMES.A, 'award', '2026-FZ-001'],
      [NAMES.B, 'nomination', '2026-FZ-002'],
      [NAMES.C, 'encouragement', '2026-FZ-003'],
    ]);
    const r = await ok<Ranking>(f.core.dispatch('results.ranking', { cycleId: f.cycleId }, office));
    expect(r.status).toBe('approved');
    expect(r.approvedBy).toBe('office');
    expect(r.rows.map((x) => x.certificateNo)).toEqual(['2026-FZ-001', '2026-FZ-002', '2026-FZ-003', null, null]);
    expect((await ok<{ status: string }>(f.core.dispatch('cycles.get', { cycleId: f.cycleId }, office))).status).toBe('approved');
  });

  it('refuses every write to decisions, consensus, scores and settings of the approved cycle', async () => {
    expect(await refused(decide('D', 'encouragement'))).toMatchObject({ code: 'refused', key: 'results.locked' });
    expect(await refused(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office))).toMatchObject({ key: 'results.alreadyApproved' });
    const cycle = await ok<{ settings: Record<string, unknown> }>(f.core.dispatch('cycles.get', { cycleId: f.cycleId }, office));
    expect(await refused(f.core.dispatch('cycles.updateSettings', { cycleId: f.cycleId, settings: cycle.settings }, office))).toMatchObject({ key: 'errors.cycles.locked' });
    // The panels services do not know about approval: the workspace's triggers stop them.
    await expect(
      f.core.dispatch('consensus.saveItem', { viewer: { kind: 'office' }, stage: 'siteVisit', applicantId: id('D'), itemId: '4.1.2', percent: 90, rationale: '' }, office),
    ).rejects.toThrow(/cycle is approved/);
    await expect(f.core.dispatch('scores.unlock', { stage: 'siteVisit', applicantId: id('D'), expertId: f.experts[0], reason: '改分' }, office)).rejects.toThrow(/cycle is approved/);
    const db = f.core.db;
    expect(() => db.prepare('UPDATE consensus_items SET percent = 95 WHERE applicant_id = ?').run(id('A'))).toThrow(/cycle is approved/);
    expect(() => db.prepare('DELETE FROM score_submissions WHERE applicant_id = ?').run(id('A'))).toThrow(/cycle is approved/);
    expect(() => db.prepare('DELETE FROM decisions WHERE applicant_id = ?').run(id('A'))).toThrow(/cycle is approved/);
    expect(() => db.prepare(`UPDATE certificates SET certificate_no = 'X' WHERE applicant_id = ?`).run(id('A'))).toThrow(/cycle is approved/);
    expect(() => db.prepare('DELETE FROM score_comments WHERE applicant_id = ?').run(id('A'))).toThrow(/cycle is approved/);
    expect(db.prepare(`SELECT percent FROM consensus_items WHERE applicant_id = ? AND stage = 'siteVisit' AND item_id = '4.1.2'`).get(id('D'))).toEqual({ percent: 50 });
  });

  it('reopens with a reason (audited), withdraws the numbers, and gives the same numbers on approving again', async () => {
    expect(await refused(f.core.dispatch('results.reopen', { cycleId: f.cycleId, reason: ' ' }, office))).toMatchObject({ code: 'validation' });
    await ok(f.core.dispatch('results.reopen', { cycleId: f.cycleId, reason: '复核丁公司现场评审意见' }, office));
    const reopened = await ok<Ranking>(f.core.dispatch('results.ranking', { cycleId: f.cycleId }, office));
    expect(reopened.status).toBe('open');
    expect(reopened.rows.every((x) => x.certificateNo === null)).toBe(true);
    const entry = auditActions(f.core, f.cycleId).find((a) => a.action === 'results.reopen')!;
    expect(JSON.parse(entry.payload)).toMatchObject({ reason: '复核丁公司现场评审意见', withdrawn: [{ certificateNo: '2026-FZ-001' }, { certificateNo: '2026-FZ-002' }, { certificateNo: '2026-FZ-003' }] });
    expect(await refused(f.core.dispatch('results.reopen', { cycleId: f.cycleId, reason: '再次' }, office))).toMatchObject({ key: 'results.notApproved' });

    // Writable again; the same results give the same numbers.
    await ok(decide('D', 'notAwarded', '复核后维持原结论'));
    const again = await ok<{ certificates: { certificateNo: string }[] }>(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
    expect(again.certificates.map((c) => c.certificateNo)).toEqual(['2026-FZ-001', '2026-FZ-002', '2026-FZ-003']);
    expect(verifyAuditChain(f.core.db)).toMatchObject({ ok: true });
  });
});
