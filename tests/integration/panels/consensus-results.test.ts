/**
 * Consensus and results on a small fixture whose figures are worked out by hand in the comments.
 * GB/T 19580 item points: 4.1.2 = 50, 4.2.2 = 40, 4.3.2 = 40, 4.4.3 = 15, 4.7.2 = 80; all 23 items sum to 1000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core';
import { addApplicant, addExpert, auditActions, ok, office, openFixture, refused, type Fixture } from './helpers';

let f: Fixture;
let applicantId: string;
const ids = { lin: '', wang: '', zhao: '' };
type Session = { kind: 'session'; sessionToken: string };
const as: Record<keyof typeof ids, Session> = {} as Record<keyof typeof ids, Session>;

/** Per expert, the items that differ from 50 %. */
const DIFFERENT: Record<keyof typeof ids, Record<string, number>> = {
  lin: { '4.7.2': 40, '4.1.2': 30, '4.4.3': 20, '4.2.2': 50, '4.3.2': 50 },
  wang: { '4.7.2': 60, '4.1.2': 55, '4.4.3': 40, '4.2.2': 65, '4.3.2': 55 },
  zhao: { '4.7.2': 70, '4.1.2': 60, '4.4.3': 50, '4.2.2': 70, '4.3.2': 60 },
};

type View = {
  canEdit: boolean;
  allSubmitted: boolean;
  agenda: string[];
  items: { itemId: string; range: number | null; flagged: boolean; priority: number; percents: { expertId: string; percent: number | null }[]; consensus: { percent: number; strengths: { id: string; sourceCommentId: string | null; sourceExpertId: string | null }[] } | null; expertComments: { expertId: string; strengths: { id: string; text: string }[] }[] }[];
  total: { agreedItems: number; totalItems: number; runningTotal: { num: number; den: number; text: string }; total: { num: number; den: number; text: string } | null; explanation: { key: string } | null };
  themes: { themes: string[] } | null;
};

async function scoreSheet(stage: string, who: Session, percents: Record<string, number>, fallback: number) {
  const sheet = await ok<{ items: { itemId: string }[] }>(f.core.dispatch('scores.sheet', { as: who, stage, applicantId }, office));
  for (const { itemId } of sheet.items) {
    const strengths = itemId === '4.1.2' ? [{ text: `${who.sessionToken.slice(0, 4)} 的 4.1.2 优势` }] : [];
    await ok(f.core.dispatch('scores.saveItem', { as: who, stage, applicantId, itemId, percent: percents[itemId] ?? fallback, strengths }, office));
  }
  await ok(f.core.dispatch('scores.submit', { as: who, stage, applicantId }, office));
}

async function agreeAll(stage: string, viewer: Session | { kind: 'office' }, percents: Record<string, number>, fallback: number) {
  const view = await ok<View>(f.core.dispatch('consensus.get', { viewer, stage, applicantId }, office));
  for (const item of view.items) {
    if (item.consensus) continue; // already agreed, with its comments
    await ok(f.core.dispatch('consensus.saveItem', { viewer, stage, applicantId, itemId: item.itemId, percent: percents[item.itemId] ?? fallback, rationale: '合议' }, office));
  }
}

beforeAll(async () => {
  f = await openFixture();
  applicantId = await addApplicant(f, '福建闽江精密机械股份有限公司', '91350100M000100Y4');
  for (const name of Object.keys(ids) as (keyof typeof ids)[]) {
    ids[name] = await addExpert(f, name);
    await ok(f.core.dispatch('experts.setPin', { expertId: ids[name], pin: '2468' }, office));
    as[name] = { kind: 'session', sessionToken: (await ok<{ sessionToken: string }>(f.core.dispatch('sessions.signIn', { expertId: ids[name], pin: '2468' }, office))).sessionToken };
  }
  const panel = await ok<{ id: string }>(
    f.core.dispatch('panels.create', { cycleId: f.cycleId, stage: 'documentReview', name: '资料评审一组', leaderExpertId: ids.lin, memberIds: [ids.lin, ids.wang, ids.zhao] }, office),
  );
  await ok(f.core.dispatch('panels.assign', { panelId: panel.id, applicantId }, office));
  await scoreSheet('documentReview', as.lin, DIFFERENT.lin, 50);
  await scoreSheet('documentReview', as.wang, DIFFERENT.wang, 50);
});
afterAll(() => f.dispose());

describe('consensus', () => {
  it('waits for every member before anyone records consensus', async () => {
    const view = await ok<View>(f.core.dispatch('consensus.get', { viewer: as.lin, stage: 'documentReview', applicantId }, office));
    expect(view).toMatchObject({ canEdit: false, allSubmitted: false });
    const early = await refused(f.core.dispatch('consensus.saveItem', { viewer: as.lin, stage: 'documentReview', applicantId, itemId: '4.1.2', percent: 50 }, office));
    expect(early).toMatchObject({ code: 'refused', key: 'panels.consensus.notAllSubmitted', params: { pending: 'zhao' } });
    await scoreSheet('documentReview', as.zhao, DIFFERENT.zhao, 50);
  });

  it('puts flagged items first in the engine’s agenda order (range × points), then the rest in framework order', async () => {
    const view = await ok<View>(f.core.dispatch('consensus.get', { viewer: as.lin, stage: 'documentReview', applicantId }, office));
    // 4.7.2: 40–70 → 30 × 80 = 2400 · 4.1.2: 30–60 → 30 × 50 = 1500 · 4.2.2: 50–70 → 20 × 40 = 800 · 4.4.3: 20–50 → 30 × 15 = 450.
    // 4.3.2: 50–60, range 10, below the default threshold of 20.
    expect(view.agenda).toEqual(['4.7.2', '4.1.2', '4.2.2', '4.4.3']);
    expect(view.items.slice(0, 4).map((i) => [i.itemId, i.range, i.priority, i.flagged])).toEqual([
      ['4.7.2', 30, 2400, true],
      ['4.1.2', 30, 1500, true],
      ['4.2.2', 20, 800, true],
      ['4.4.3', 30, 450, true],
    ]);
    expect(view.items.slice(4).map((i) => i.itemId)).toEqual(['4.1.3', '4.1.4', '4.2.3', '4.3.2', '4.3.3', '4.4.2', '4.4.4', '4.4.5', '4.4.6', '4.4.7', '4.5.2', '4.5.3', '4.6.2', '4.6.3', '4.7.3', '4.7.4', '4.7.5', '4.7.6', '4.7.7']);
    expect(view.items.find((i) => i.itemId === '4.3.2')).toMatchObject({ range: 10, flagged: false });
    expect(view.items[0]!.percents).toEqual([
      { expertId: ids.lin, percent: 40 },
      { expertId: ids.wang, percent: 60 },
      { expertId: ids.zhao, percent: 70 },
    ]);
    expect(view).toMatchObject({ canEdit: true, allSubmitted: true });
  });

  it('records the leader’s agreed percent, rationale and final comments with their sources; members who are not leader cannot', async () => {
    const before = await ok<View>(f.core.dispatch('consensus.get', { viewer: as.wang, stage: 'documentReview', applicantId }, office));
    expect(before.canEdit).toBe(false);
    const source = before.items.find((i) => i.itemId === '4.1.2')!.expertComments.find((c) => c.expertId === ids.wang)!.strengths[0]!;
    expect(await refused(f.core.dispatch('consensus.saveItem', { viewer: as.wang, stage: 'documentReview', applicantId, itemId: '4.1.2', percent: 50 }, office))).toMatchObject({
      code: 'forbidden',
      key: 'panels.access.leaderOnly',
    });
    const unknown = await refused(
      f.core.dispatch('consensus.saveItem', { viewer: as.lin, stage: 'documentReview', applicantId, itemId: '4.1.2', percent: 70, strengths: [{ text: 'x', sourceCommentId: 'nope' }] }, office),
    );
    expect(unknown).toMatchObject({ code: 'validation', key: 'panels.consensus.unknownSource', fields: [expect.objectContaining({ path: 'strengths.0.sourceCommentId' })] });

    const saved = await ok<View>(
      f.core.dispatch(
        'consensus.saveItem',
        {
          viewer: as.lin,
          stage: 'documentReview',
          applicantId,
          itemId: '4.1.2',
          percent: 70,
          rationale: '现场材料充分，取较高分',
          strengths: [{ text: `${source.text}（经合议修改）`, sourceCommentId: source.id }],
          opportunities: [{ text: '领导绩效评价机制有待完善' }],
        },
        office,
      ),
    );
    const item = saved.items.find((i) => i.itemId === '4.1.2')!;
    expect(item.consensus).toMatchObject({ percent: 70, strengths: [{ sourceCommentId: source.id, sourceExpertId: ids.wang }] });
    expect(saved.total).toMatchObject({ agreedItems: 1, totalItems: 23, runningTotal: { num: 3500, den: 1, text: '35.00' }, total: null });
    const entry = auditActions(f.core, applicantId).filter((a) => a.action === 'consensus.saveItem').at(-1)!;
    expect(entry.actor).toBe(`expert:${ids.lin}`);
    expect(JSON.parse(entry.payload)).toMatchObject({ itemId: '4.1.2', before: null, after: { percent: 70 } });
  });

  it('totals the consensus with the engine, equal to the hand calculation', async () => {
    // Agreed: 4.1.2 = 70 % (50 points → 35.00), 4.4.3 = 35 % (15 → 5.25), every other item 50 % (935 points → 467.50).
    // Total = 35.00 + 5.25 + 467.50 = 507.75 points = 50775 hundredths.
    await agreeAll('documentReview', as.lin, { '4.1.2': 70, '4.4.3': 35 }, 50);
    const view = await ok<View>(
      f.core.dispatch('consensus.saveThemes', { viewer: as.lin, stage: 'documentReview', applicantId, themes: ['战略与经营结果的关联不足', '顾客数据利用充分'] }, office),
    );
    expect(view.total).toMatchObject({ agreedItems: 23, total: { num: 50775, den: 1, text: '507.75' }, explanation: { key: 'scoring.explain.total' } });
    expect(view.themes?.themes).toEqual(['战略与经营结果的关联不足', '顾客数据利用充分']);
    const officeView = await ok<View>(f.core.dispatch('consensus.get', { viewer: { kind: 'office' }, stage: 'documentReview', applicantId }, office));
    expect(officeView.total.total?.num).toBe(50775);
  });
});

describe('site visit and results', () => {
  it('turns the document-review consensus into issues to verify (strengths) and clarify (OFIs), once', async () => {
    const issues = await ok<{ id: string; itemId: string; kind: string; text: string; sourceCommentId: string | null }[]>(
      f.core.dispatch('siteVisit.generateIssues', { viewer: as.lin, applicantId }, office),
    );
    expect(issues.map((i) => [i.itemId, i.kind])).toEqual([
      ['4.1.2', 'verify'],
      ['4.1.2', 'clarify'],
    ]);
    expect(issues[1]!.text).toBe('领导绩效评价机制有待完善');
    const again = await ok<unknown[]>(f.core.dispatch('siteVisit.generateIssues', { viewer: { kind: 'office' }, applicantId }, office));
    expect(again).toHaveLength(2);
    expect(await refused(f.core.dispatch('siteVisit.generateIssues', { viewer: as.wang, applicantId }, office))).toMatchObject({ code: 'forbidden' });
    const edited = await ok<{ text: string; sourceCommentId: string | null; note: string }[]>(
      f.core.dispatch(
        'siteVisit.saveIssues',
        { viewer: as.lin, applicantId, itemId: '4.1.2', issues: [{ id: issues[1]!.id, kind: 'clarify', text: issues[1]!.text, note: '访谈人力资源部' }, { kind: 'verify', text: '查看管理评审记录' }] },
        office,
      ),
    );
    expect(edited).toMatchObject([{ note: '访谈人力资源部', sourceCommentId: expect.any(String) }, { text: '查看管理评审记录', sourceCommentId: null }]);
  });

  it('combines the stage totals with the cycle’s stage weights through the engine', async () => {
    type Result = { stages: { stage: string; weightPercent: number; complete: boolean; missing: { key: string }[]; total: { num: number; den: number; text: string } | null }[]; combined: { total: { num: number; den: number; text: string }; explanation: { key: string; parts: { key: string }[] } } | null };
    const partial = await ok<Result>(f.core.dispatch('results.applicant', { applicantId }, office));
    expect(partial.stages).toMatchObject([
      { stage: 'documentReview', weightPercent: 30, complete: true, total: { num: 50775, den: 1, text: '507.75' } },
      { stage: 'siteVisit', weightPercent: 70, complete: false, missing: [{ key: 'panels.results.noPanel' }], total: null },
    ]);
    expect(partial.combined).toBeNull();

    await ok(f.core.dispatch('applicants.transition', { applicantId, to: 'siteVisit' }, office));
    const site = await ok<{ id: string }>(f.core.dispatch('panels.create', { cycleId: f.cycleId, stage: 'siteVisit', name: '现场评审一组', leaderExpertId: ids.zhao, memberIds: [ids.zhao, ids.wang] }, office));
    await ok(f.core.dispatch('panels.assign', { panelId: site.id, applicantId }, office));
    // Site-visit members read the issues list (the edited one: the first generated issue was left out, so deleted).
    expect(await ok<unknown[]>(f.core.dispatch('siteVisit.issues', { viewer: as.wang, applicantId }, office))).toHaveLength(2);
    await scoreSheet('siteVisit', as.zhao, {}, 60);
    await scoreSheet('siteVisit', as.wang, {}, 65);
    const waiting = await ok<Result>(f.core.dispatch('results.applicant', { applicantId }, office));
    expect(waiting.stages[1]).toMatchObject({ complete: false, missing: [{ key: 'panels.results.consensusMissing' }] });

    // Site visit agreed at 60 % everywhere: 600.00 points.
    await agreeAll('siteVisit', as.zhao, {}, 60);
    const result = await ok<Result>(f.core.dispatch('results.applicant', { applicantId }, office));
    expect(result.stages[1]).toMatchObject({ complete: true, total: { num: 60000, den: 1, text: '600.00' } });
    // 30 % × 507.75 + 70 % × 600.00 = 152.325 + 420 = 572.325 points = 57232.5 hundredths = 114465 / 2; shown as 572.33.
    expect(result.combined?.total).toEqual({ num: 114465, den: 2, text: '572.33' });
    expect(result.combined?.explanation.parts.map((p) => p.key)).toContain('scoring.explain.totalWeighted');
    expect(verifyAuditChain(f.core.db)).toMatchObject({ ok: true });
  });
});
