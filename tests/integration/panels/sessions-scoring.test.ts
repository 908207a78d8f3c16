import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core';
import { addApplicant, addExpert, auditActions, ok, office, openFixture, refused, type Fixture } from './helpers';

let f: Fixture;
let applicantId: string;
let other: string;
const expert: Record<'lin' | 'wang' | 'zhao' | 'outsider', string> = { lin: '', wang: '', zhao: '', outsider: '' };
const pins = { lin: '135790', wang: '246801', zhao: '112233', outsider: '998877' };
const stage = 'documentReview';

type Sheet = { items: { itemId: string; percent: number | null; strengths: { id: string; text: string }[] }[]; progress: { scored: number; total: number }; submittedAt: string | null };

beforeAll(async () => {
  f = await openFixture();
  applicantId = await addApplicant(f, '福建闽江精密机械股份有限公司', '91350100M000100Y4');
  other = await addApplicant(f, '北京长城电子信息有限公司', '91110000802100433', 'I', '65');
  for (const name of Object.keys(expert) as (keyof typeof expert)[]) {
    expert[name] = await addExpert(f, name);
    await ok(f.core.dispatch('experts.setPin', { expertId: expert[name], pin: pins[name] }, office));
  }
  const panel = await ok<{ id: string }>(
    f.core.dispatch('panels.create', { cycleId: f.cycleId, stage, name: '第一组', leaderExpertId: expert.lin, memberIds: [expert.lin, expert.wang, expert.zhao] }, office),
  );
  await ok(f.core.dispatch('panels.assign', { panelId: panel.id, applicantId }, office));
  const second = await ok<{ id: string }>(f.core.dispatch('panels.create', { cycleId: f.cycleId, stage, name: '第二组', memberIds: [expert.outsider] }, office));
  await ok(f.core.dispatch('panels.assign', { panelId: second.id, applicantId: other }, office));
});
afterAll(() => f.dispose());

const signIn = (name: keyof typeof expert, pin = pins[name]) => f.core.dispatch('sessions.signIn', { expertId: expert[name], pin }, office);
const session = async (name: keyof typeof expert) => ({ kind: 'session' as const, sessionToken: (await ok<{ sessionToken: string }>(signIn(name))).sessionToken });

async function scoreAll(as: { kind: 'session'; sessionToken: string } | { kind: 'office'; onBehalfOf: string }, percent: number) {
  const sheet = await ok<Sheet>(f.core.dispatch('scores.sheet', { as, stage, applicantId }, office));
  for (const item of sheet.items) await ok(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: item.itemId, percent }, office));
}

describe('signing in with a PIN', () => {
  it('accepts the right PIN and derives the expert from the token', async () => {
    const signed = await ok<{ sessionToken: string; expertId: string; expertName: string }>(signIn('lin'));
    expect(signed).toMatchObject({ expertId: expert.lin, expertName: 'lin' });
    expect(signed.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const current = await ok<{ expertId: string }>(f.core.dispatch('sessions.current', { sessionToken: signed.sessionToken }, office));
    expect(current.expertId).toBe(expert.lin);
    const mine = await ok<{ applicantId: string; isLeader: boolean; progress: { scored: number; total: number } }[]>(
      f.core.dispatch('scores.myAssignments', { sessionToken: signed.sessionToken }, office),
    );
    expect(mine).toEqual([expect.objectContaining({ applicantId, isLeader: true, progress: { scored: 0, total: 23 } })]);
    // A well-formed token the core never issued names nobody.
    const forged = await refused(f.core.dispatch('scores.myAssignments', { sessionToken: 'A'.repeat(43) }, office));
    expect(forged).toMatchObject({ code: 'unauthorized', key: 'panels.session.expired' });
    expect(await ok(f.core.dispatch('sessions.signOut', { sessionToken: signed.sessionToken }, office))).toEqual({ signedOut: true });
    expect(await refused(f.core.dispatch('sessions.current', { sessionToken: signed.sessionToken }, office))).toMatchObject({ code: 'unauthorized' });
  });

  it('counts wrong PINs, locks out after five for 60 seconds by the core clock, then lets the right PIN in', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await refused(signIn('wang', '000000'))).toMatchObject({ code: 'unauthorized', key: 'panels.session.wrongPin', params: { remaining: 5 - attempt } });
    }
    expect(await refused(signIn('wang', '000000'))).toMatchObject({ code: 'refused', key: 'panels.session.lockedOut', params: { seconds: 60 } });
    expect(await refused(signIn('wang'))).toMatchObject({ code: 'refused', key: 'panels.session.lockedOut' });
    f.advance(30_000);
    expect(await refused(signIn('wang'))).toMatchObject({ code: 'refused', key: 'panels.session.lockedOut', params: { seconds: 30 } });
    f.advance(31_000);
    expect(await ok<{ expertId: string }>(signIn('wang'))).toMatchObject({ expertId: expert.wang });
    // The count starts again after a successful sign-in.
    expect(await refused(signIn('wang', '000000'))).toMatchObject({ params: { remaining: 4 } });

    const actions = auditActions(f.core, expert.wang).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['expert.setPin', 'session.lockout', 'session.signIn']));
    const stored = f.core.db.prepare('SELECT salt, hash FROM expert_pins WHERE expert_id = ?').get(expert.wang) as { salt: Buffer; hash: Buffer };
    expect(stored.hash).toHaveLength(32);
    expect(JSON.stringify(auditActions(f.core))).not.toContain(pins.wang);
  });

  it('ends a session after an hour without use', async () => {
    const as = await session('zhao');
    f.advance(59 * 60_000);
    await ok(f.core.dispatch('scores.myAssignments', { sessionToken: as.sessionToken }, office));
    f.advance(61 * 60_000);
    expect(await refused(f.core.dispatch('scores.myAssignments', { sessionToken: as.sessionToken }, office))).toMatchObject({ key: 'panels.session.expired' });
  });

  it('refuses a PIN that is not 4–12 digits at the boundary, and an expert without a PIN', async () => {
    expect(await refused(f.core.dispatch('experts.setPin', { expertId: expert.lin, pin: '12a4' }, office))).toMatchObject({ code: 'validation', fields: [expect.objectContaining({ path: 'pin', key: 'panels.validation.pin' })] });
    const nopin = await addExpert(f, 'nopin');
    expect(await refused(f.core.dispatch('sessions.signIn', { expertId: nopin, pin: '1234' }, office))).toMatchObject({ code: 'refused', key: 'panels.session.noPin' });
  });
});

describe('independent scoring', () => {
  it('saves one item at a time, only on the framework step, with ordered strengths and OFIs', async () => {
    const as = await session('lin');
    const bad = await refused(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: '4.1.2', percent: 52 }, office));
    expect(bad).toMatchObject({ code: 'validation', key: 'panels.scores.percentStep', fields: [expect.objectContaining({ path: 'percent', params: expect.objectContaining({ step: 5 }) })] });
    expect(await refused(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: '4.1.2', percent: 105 }, office))).toMatchObject({ code: 'validation' });
    expect(await refused(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: '9.9.9', percent: 50 }, office))).toMatchObject({ key: 'panels.scores.unknownItem' });

    const saved = await ok<{ strengths: { id: string; text: string; citation: unknown }[]; opportunities: { id: string }[]; progress: { scored: number } }>(
      f.core.dispatch(
        'scores.saveItem',
        {
          as,
          stage,
          applicantId,
          itemId: '4.1.2',
          percent: 55,
          strengths: [{ text: '高层领导亲自推动卓越绩效', citation: { page: 12, figure: '图3' } }, { text: '价值观层层分解' }],
          opportunities: [{ text: '领导绩效评价未与战略目标挂钩', citation: { attachmentId: 'att-1' } }],
        },
        office,
      ),
    );
    expect(saved.progress.scored).toBe(1);
    // Each save sends the whole item: entries sent back with their ids are kept (reordered, edited), one left out is deleted.
    const [first, second] = saved.strengths;
    const again = await ok<{ strengths: { id: string; text: string }[] }>(
      f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: '4.1.2', percent: 60, strengths: [{ id: second!.id, text: '价值观层层分解到班组' }, { id: first!.id, text: first!.text, citation: first!.citation }] }, office),
    );
    expect(again.strengths.map((s) => s.id)).toEqual([second!.id, first!.id]);
    const sheet = await ok<{ items: { itemId: string; percent: number | null; opportunities: unknown[]; strengths: { citation: unknown }[] }[] }>(
      f.core.dispatch('scores.sheet', { as, stage, applicantId }, office),
    );
    const item = sheet.items.find((i) => i.itemId === '4.1.2')!;
    expect(item).toMatchObject({ percent: 60, opportunities: [] });
    expect(item.strengths[1]!.citation).toEqual({ page: 12, figure: '图3', attachmentId: null });
    expect(auditActions(f.core, applicantId).filter((a) => a.action === 'score.saveItem')).toHaveLength(2);
  });

  it('keeps an expert to the applicants of their own panel', async () => {
    const as = await session('outsider');
    expect(await refused(f.core.dispatch('scores.sheet', { as, stage, applicantId }, office))).toMatchObject({ code: 'forbidden', key: 'panels.access.notMember' });
    expect(await refused(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId: '4.1.2', percent: 50 }, office))).toMatchObject({ code: 'forbidden' });
  });

  it('hides other experts’ scores until one has submitted; the office always sees everything', async () => {
    const lin = await session('lin');
    const wang = await session('wang');
    await ok(f.core.dispatch('scores.saveItem', { as: wang, stage, applicantId, itemId: '4.1.2', percent: 30, strengths: [{ text: '王的优势' }] }, office));

    expect(await refused(f.core.dispatch('scores.panel', { viewer: lin, stage, applicantId }, office))).toMatchObject({ code: 'forbidden', key: 'panels.access.submitFirst' });
    expect(await refused(f.core.dispatch('consensus.get', { viewer: lin, stage, applicantId }, office))).toMatchObject({ code: 'forbidden', key: 'panels.access.submitFirst' });

    const incomplete = await refused(f.core.dispatch('scores.submit', { as: lin, stage, applicantId }, office));
    expect(incomplete).toMatchObject({ code: 'refused', key: 'panels.scores.incomplete', params: { missing: 22 } });
    await scoreAll(lin, 50);
    expect(await ok(f.core.dispatch('scores.submit', { as: lin, stage, applicantId }, office))).toMatchObject({ submittedAt: expect.any(String) });

    type PanelView = { experts: { expertId: string; submittedAt: string | null; items: { itemId: string; percent: number | null }[] }[] };
    const seenByLin = await ok<PanelView>(f.core.dispatch('scores.panel', { viewer: lin, stage, applicantId }, office));
    expect(seenByLin.experts.find((e) => e.expertId === expert.lin)!.items).toHaveLength(23);
    // wang has not submitted: lin sees nothing of wang's draft.
    expect(seenByLin.experts.find((e) => e.expertId === expert.wang)).toMatchObject({ submittedAt: null, items: [] });
    expect(await refused(f.core.dispatch('scores.panel', { viewer: wang, stage, applicantId }, office))).toMatchObject({ key: 'panels.access.submitFirst' });

    const seenByOffice = await ok<PanelView>(f.core.dispatch('scores.panel', { viewer: { kind: 'office' }, stage, applicantId }, office));
    expect(seenByOffice.experts.find((e) => e.expertId === expert.wang)!.items.find((i) => i.itemId === '4.1.2')!.percent).toBe(30);

    await scoreAll(wang, 40);
    await ok(f.core.dispatch('scores.submit', { as: wang, stage, applicantId }, office));
    const afterBoth = await ok<PanelView>(f.core.dispatch('scores.panel', { viewer: wang, stage, applicantId }, office));
    expect(afterBoth.experts.find((e) => e.expertId === expert.lin)!.items.find((i) => i.itemId === '4.1.2')!.percent).toBe(50);
  });

  it('locks a submitted sheet; only the office unlocks it, with a reason, and both are audited', async () => {
    const lin = await session('lin');
    expect(await refused(f.core.dispatch('scores.saveItem', { as: lin, stage, applicantId, itemId: '4.1.2', percent: 70 }, office))).toMatchObject({
      code: 'refused',
      key: 'panels.scores.submitted',
    });
    expect(() => f.core.db.prepare(`UPDATE scores SET percent = 90 WHERE expert_id = ? AND item_id = '4.1.2'`).run(expert.lin)).toThrow(/submitted/);
    expect(await refused(f.core.dispatch('scores.unlock', { stage, applicantId, expertId: expert.zhao, reason: '误操作' }, office))).toMatchObject({ key: 'panels.scores.notSubmitted' });

    await ok(f.core.dispatch('scores.unlock', { stage, applicantId, expertId: expert.lin, reason: '专家申请更正 4.1.2 的笔误' }, office));
    await ok(f.core.dispatch('scores.saveItem', { as: lin, stage, applicantId, itemId: '4.1.2', percent: 70 }, office));
    await ok(f.core.dispatch('scores.submit', { as: lin, stage, applicantId }, office));

    const trail = auditActions(f.core, applicantId).filter((a) => a.action === 'score.submit' || a.action === 'score.unlock');
    expect(trail.map((a) => [a.action, a.actor])).toEqual([
      ['score.submit', `expert:${expert.lin}`],
      ['score.submit', `expert:${expert.wang}`],
      ['score.unlock', 'office'],
      ['score.submit', `expert:${expert.lin}`],
    ]);
    expect(JSON.parse(trail[2]!.payload)).toMatchObject({ expertId: expert.lin, reason: '专家申请更正 4.1.2 的笔误' });
    // The unlock channel takes no session at all: an expert cannot reach it with a token.
    expect(await refused(f.core.dispatch('scores.unlock', { stage, applicantId, expertId: expert.lin, reason: 'x', sessionToken: lin.sessionToken }, office))).toMatchObject({
      code: 'validation',
    });
  });

  it('lets the office enter a paper score sheet on an expert’s behalf, recorded as such', async () => {
    const as = { kind: 'office' as const, onBehalfOf: expert.zhao };
    await scoreAll(as, 45);
    await ok(f.core.dispatch('scores.submit', { as, stage, applicantId }, office));
    const sheet = await ok<{ items: { enteredBy: string }[]; submittedAt: string | null }>(f.core.dispatch('scores.sheet', { as, stage, applicantId }, office));
    expect(new Set(sheet.items.map((i) => i.enteredBy))).toEqual(new Set(['office']));
    const row = f.core.db.prepare(`SELECT entered_by FROM scores WHERE expert_id = ? LIMIT 1`).get(expert.zhao) as { entered_by: string };
    expect(row.entered_by).toBe('office');
    const saves = auditActions(f.core, applicantId).filter((a) => a.action === 'score.saveItem' && a.actor === 'office');
    expect(saves).toHaveLength(23);
    expect(JSON.parse(saves[0]!.payload)).toMatchObject({ enteredBy: 'office', onBehalfOf: expert.zhao });

    const progress = await ok<{ applicantId: string; experts: { expertId: string; progress: { scored: number }; submittedAt: string | null }[] }[]>(
      f.core.dispatch('scores.progress', { cycleId: f.cycleId, stage }, office),
    );
    expect(progress.find((p) => p.applicantId === applicantId)!.experts.every((e) => e.progress.scored === 23 && e.submittedAt !== null)).toBe(true);
    expect(verifyAuditChain(f.core.db)).toMatchObject({ ok: true });
  });
});
