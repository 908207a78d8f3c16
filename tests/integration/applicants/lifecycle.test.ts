import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import samples from '../../fixtures/applicants/sample-applicants.json';
import type { Core } from '../../../electron/core';
import type { Envelope } from '../../../shared/api/contract';
import { defaultCycleSettings } from '../../../shared/domain/cycle-settings';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

const temp = tempDir();
let core: Core;
let cycleId: string;

async function ok<T>(promise: Promise<Envelope>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const auditOf = (entityId: string) =>
  (core.db.prepare('SELECT action, actor, payload FROM audit_log WHERE entity_id = ? ORDER BY seq').all(entityId) as { action: string; actor: string; payload: string }[]).map((row) => ({
    ...row,
    payload: JSON.parse(row.payload) as unknown,
  }));

const create = async (index: number) => (await ok<{ id: string }>(core.dispatch('applicants.create', { cycleId, record: samples[index] }, office))).id;
const move = (applicantId: string, to: string) => core.dispatch('applicants.transition', { applicantId, to }, office);
const decide = (applicantId: string, decision: 'eligible' | 'ineligible', note = '') => core.dispatch('applicants.decideEligibility', { applicantId, decision, note }, office);

beforeAll(async () => {
  core = openTestCore(temp.dir);
  cycleId = (await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2026 }, office))).id;
});
afterAll(() => {
  core.close();
  temp.dispose();
});

describe('every change is audited', () => {
  it('records each status move with from and to, and each settings change with before and after', async () => {
    const id = await create(0);
    for (const to of ['submitted', 'eligible', 'documentReview', 'siteVisit', 'decided']) await ok(move(id, to));
    expect(auditOf(id).map((row) => [row.action, row.payload])).toEqual([
      ['applicant.create', expect.anything()],
      ['applicant.transition', { from: 'draft', to: 'submitted' }],
      ['applicant.transition', { from: 'submitted', to: 'eligible' }],
      ['applicant.transition', { from: 'eligible', to: 'documentReview' }],
      ['applicant.transition', { from: 'documentReview', to: 'siteVisit' }],
      ['applicant.transition', { from: 'siteVisit', to: 'decided' }],
    ]);

    const settings = defaultCycleSettings();
    const changed = { ...settings, disagreementThreshold: 25 };
    await ok(core.dispatch('cycles.updateSettings', { cycleId, settings: changed }, office));
    const [update] = auditOf(cycleId).filter((row) => row.action === 'cycle.updateSettings');
    expect(update).toMatchObject({ actor: 'office', payload: { before: { disagreementThreshold: 20 }, after: { disagreementThreshold: 25 } } });
  });
});

describe('eligibility decisions stay consistent with the status', () => {
  it('is decided while submitted; afterwards the note may be amended but the decision not reversed', async () => {
    const id = await create(1);
    expect(await decide(id, 'eligible')).toMatchObject({ ok: false, error: { code: 'refused', key: 'applicants.error.eligibilityClosed', params: { status: 'draft' } } });
    await ok(move(id, 'submitted'));
    await ok(decide(id, 'eligible', '材料齐全'));
    const amended = await ok<{ status: string; eligibility: { decision: string; note: string } }>(decide(id, 'eligible', '材料齐全，已核对营业执照原件'));
    expect(amended).toMatchObject({ status: 'eligible', eligibility: { decision: 'eligible', note: '材料齐全，已核对营业执照原件' } });

    const reversed = await decide(id, 'ineligible', '改判');
    expect(reversed).toMatchObject({ ok: false, error: { code: 'refused', key: 'applicants.error.eligibilityClosed', params: { status: 'eligible' } } });
    await ok(move(id, 'documentReview'));
    expect(await decide(id, 'eligible', '再补充')).toMatchObject({ ok: false, error: { params: { status: 'documentReview' } } });
    const detail = await ok<{ status: string; eligibility: { decision: string; note: string } }>(core.dispatch('applicants.get', { applicantId: id }, office));
    expect(detail).toMatchObject({ status: 'documentReview', eligibility: { decision: 'eligible', note: '材料齐全，已核对营业执照原件' } });
  });
});

describe('an approved cycle is locked', () => {
  it('refuses new applicants, edits, moves, decisions and application changes until the approval is withdrawn', async () => {
    const [first] = await ok<{ id: string }[]>(core.dispatch('applicants.list', { cycleId }, office));
    const other = await create(2);
    await ok(move(other, 'submitted'));
    const evidence = await ok<{ attachment: { id: string } }>(
      core.dispatch('attachments.add', { applicantId: other, itemId: null, fileName: '营业执照.pdf', contentBase64: Buffer.from('%PDF-1.4\n% 营业执照\n%%EOF\n').toString('base64') }, office),
    );
    const before = (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    core.db.prepare(`UPDATE cycles SET status = 'approved' WHERE id = ?`).run(cycleId);

    const locked = { ok: false, error: { code: 'refused', key: 'errors.cycles.locked', params: { name: '2026年度市长质量奖' } } };
    const record = (await ok<{ record: Record<string, unknown> }>(core.dispatch('applicants.get', { applicantId: first!.id }, office))).record;
    expect(await core.dispatch('applicants.update', { applicantId: first!.id, record: { ...record, region: '厦门市' } }, office)).toMatchObject(locked);
    expect(await core.dispatch('applicants.create', { cycleId, record: { ...samples[0], legalName: '锁定后新增的公司' } }, office)).toMatchObject(locked);
    expect(await move(other, 'eligible')).toMatchObject(locked);
    expect(await decide(other, 'eligible')).toMatchObject(locked);
    // The application itself is part of the record too.
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    expect(await core.dispatch('applications.saveProfile', { applicantId: other, profile: '改写' }, office)).toMatchObject(locked);
    expect(await core.dispatch('applications.saveItem', { applicantId: other, itemId: '4.1.2', narrative: '改写', selfPercent: null }, office)).toMatchObject(locked);
    expect(await core.dispatch('attachments.add', { applicantId: other, itemId: null, fileName: '补充.pdf', contentBase64: pdf }, office)).toMatchObject(locked);
    expect(await core.dispatch('attachments.remove', { attachmentId: evidence.attachment.id }, office)).toMatchObject(locked);
    expect((core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    const view = await ok<{ profile: string; attachments: unknown[] }>(core.dispatch('applications.get', { applicantId: other }, office));
    expect(view).toMatchObject({ profile: '', attachments: [expect.objectContaining({ fileName: '营业执照.pdf' })] });

    core.db.prepare(`UPDATE cycles SET status = 'open' WHERE id = ?`).run(cycleId);
    expect(await ok<{ status: string }>(decide(other, 'eligible'))).toMatchObject({ status: 'eligible' });
  });
});
