import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApplicant, addExpert, auditActions, ok, office, openFixture, refused, type Fixture } from './helpers';

let f: Fixture;
const applicants: string[] = [];
const experts: Record<string, string> = {};
beforeAll(async () => {
  f = await openFixture();
  applicants.push(await addApplicant(f, '福建闽江精密机械股份有限公司', '91350100M000100Y4', 'C', '34'));
  applicants.push(await addApplicant(f, '北京长城电子信息有限公司', '91110000802100433', 'I', '65'));
  applicants.push(await addApplicant(f, '厦门海鹭食品有限公司', '91350200MA2Y0001K', 'C', '14'));
  applicants.push(await addApplicant(f, '福州软件园开发有限公司', '91350100MA2Y0002K', 'I', '65'));
  applicants.push(await addApplicant(f, '尚未提交的公司', '91350100MA2Y0003K', 'C', '34', 'draft'));
  for (const [name, specialties] of [
    ['林', ['C']],
    ['王', ['I']],
    ['赵', ['C', 'M']],
    ['孙', ['I']],
    ['周', ['C']],
    ['吴', ['M']],
  ] as const) {
    experts[name] = await addExpert(f, name, { specialties });
  }
  await addExpert(f, '郑', { availability: { documentReview: false, presentation: true, siteVisit: true } });
  await ok(f.core.dispatch('conflicts.declare', { expertId: experts['王']!, applicantId: applicants[1]!, kind: 'shareholding' }, office));
});
afterAll(() => f.dispose());

type Suggestion = {
  complete: boolean;
  plan: { newPanels: { key: string; memberIds: string[]; leaderExpertId: string | null }[]; assignments: { applicantId: string; panel: { kind: string; key?: string } }[] };
  choices: { applicantId: string; reasons: { key: string }[] }[];
  loads: { expertId: string; after: number }[];
};

describe('suggested assignment through the core', () => {
  it('forms panels from the experts available in the stage, keeps conflicts apart, and writes nothing until applied', async () => {
    const suggestion = await ok<Suggestion>(f.core.dispatch('panels.suggestAssignment', { cycleId: f.cycleId, stage: 'documentReview', minExperts: 3 }, office));
    expect(suggestion.complete).toBe(true);
    expect(suggestion.plan.newPanels).toHaveLength(2);
    expect(suggestion.plan.newPanels.flatMap((p) => p.memberIds).sort()).toEqual(Object.values(experts).sort());
    // The draft applicant is not reviewed in this stage.
    expect(suggestion.plan.assignments.map((a) => a.applicantId).sort()).toEqual(applicants.slice(0, 4).sort());
    const panelOf = (applicantId: string) => suggestion.plan.newPanels.find((p) => p.key === suggestion.plan.assignments.find((a) => a.applicantId === applicantId)!.panel.key)!;
    expect(panelOf(applicants[1]!).memberIds).not.toContain(experts['王']);
    expect(new Set(suggestion.loads.map((l) => l.after))).toEqual(new Set([2]));
    expect((f.core.db.prepare('SELECT count(*) AS n FROM panels').get() as { n: number }).n).toBe(0);

    const panels = await ok<{ name: string; leaderExpertId: string; applicants: unknown[] }[]>(
      f.core.dispatch('panels.applyPlan', { cycleId: f.cycleId, stage: 'documentReview', plan: suggestion.plan }, office),
    );
    expect(panels.map((p) => [p.name, p.applicants.length])).toEqual([
      ['第1评审组', 2],
      ['第2评审组', 2],
    ]);
    expect(panels.every((p) => p.leaderExpertId)).toBe(true);
    expect(auditActions(f.core).filter((a) => a.action === 'panel.assign')).toHaveLength(4);
    expect(auditActions(f.core).at(-1)!.action).toBe('panel.applyPlan');
  });

  it('re-checks an edited plan: a plan that breaks a conflict is refused and leaves nothing behind', async () => {
    const before = (f.core.db.prepare('SELECT count(*) AS n FROM panels').get() as { n: number }).n;
    const plan = {
      newPanels: [{ key: 'new-1', name: '陈述答辩组', leaderExpertId: experts['王']!, memberIds: [experts['王']!, experts['林']!] }],
      assignments: [
        { applicantId: applicants[0]!, panel: { kind: 'new', key: 'new-1' } },
        { applicantId: applicants[1]!, panel: { kind: 'new', key: 'new-1' } },
      ],
    };
    // Presentation is not a stage of this cycle.
    expect(await refused(f.core.dispatch('panels.applyPlan', { cycleId: f.cycleId, stage: 'presentation', plan }, office))).toMatchObject({ key: 'panels.error.stageNotInUse' });
    f.core.db.prepare(`UPDATE applicants SET status = 'siteVisit' WHERE id IN (?, ?)`).run(applicants[0], applicants[1]);
    const refusal = await refused(f.core.dispatch('panels.applyPlan', { cycleId: f.cycleId, stage: 'siteVisit', plan }, office));
    expect(refusal).toMatchObject({ code: 'refused', key: 'panels.conflict.blocksAssignment', params: { expert: '王', applicant: '北京长城电子信息有限公司', kind: 'shareholding' } });
    expect((f.core.db.prepare('SELECT count(*) AS n FROM panels').get() as { n: number }).n).toBe(before);
  });

  it('keeps an expert to one panel per stage and a leader among the members', async () => {
    const [first] = await ok<{ id: string; members: { expertId: string }[] }[]>(f.core.dispatch('panels.list', { cycleId: f.cycleId, stage: 'documentReview' }, office));
    const twice = await refused(f.core.dispatch('panels.create', { cycleId: f.cycleId, stage: 'documentReview', name: '另一组', memberIds: [first!.members[0]!.expertId] }, office));
    expect(twice).toMatchObject({ code: 'conflict', key: 'panels.error.alreadyOnPanel' });
    const outsider = Object.values(experts).find((id) => !first!.members.some((m) => m.expertId === id))!;
    expect(await refused(f.core.dispatch('panels.update', { panelId: first!.id, name: '第1评审组', leaderExpertId: outsider }, office))).toMatchObject({ key: 'panels.error.leaderNotMember' });
  });
});
