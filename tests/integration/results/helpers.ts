/**
 * A scored cycle built through the channels, as the office would (paper sheets entered on the experts'
 * behalf, consensus recorded by the office): every applicant gets the same percent on every item in a
 * stage, so totals are easy to work out by hand (1000 points × percent).
 */
import type { Core } from '../../../electron/core';
import type { EventPayload } from '../../../shared/api/events';
import type { JobView } from '../../../shared/api/results';
import { addApplicant, addExpert, ok, office, openFixture, refused, type Fixture } from '../panels/helpers';

export { ok, office, refused, addApplicant, addExpert, type Fixture };

export type Stage = 'documentReview' | 'siteVisit';

export interface ApplicantPlan {
  name: string;
  body: string;
  section?: string;
  division?: string;
  /** Consensus percent on every item, per stage; null leaves the stage unscored. */
  documentReview: number;
  siteVisit: number | null;
  /** Per expert index: items scored away from the consensus (the disagreement). */
  spreads?: Record<number, Record<string, number>>;
}

export interface ScoredFixture extends Fixture {
  experts: string[];
  applicants: Record<string, string>;
  panels: Record<Stage, string>;
}

async function scoreStage(f: Fixture, stage: Stage, applicantId: string, experts: string[], percent: number, spreads: ApplicantPlan['spreads'] = {}) {
  const sheet = await ok<{ items: { itemId: string }[] }>(f.core.dispatch('scores.sheet', { as: { kind: 'office', onBehalfOf: experts[0] }, stage, applicantId }, office));
  for (const [index, expertId] of experts.entries()) {
    const as = { kind: 'office', onBehalfOf: expertId };
    for (const { itemId } of sheet.items) {
      const own = spreads[index]?.[itemId] ?? percent;
      const strengths = itemId === '4.1.2' ? [{ text: `${stage}：高层领导重视质量（专家${index + 1}）` }] : [];
      const opportunities = itemId === '4.7.2' ? [{ text: `${stage}：产品结果缺少标杆对比（专家${index + 1}）` }] : [];
      await ok(f.core.dispatch('scores.saveItem', { as, stage, applicantId, itemId, percent: own, strengths, opportunities }, office));
    }
    await ok(f.core.dispatch('scores.submit', { as, stage, applicantId }, office));
  }
  for (const { itemId } of sheet.items) {
    const strengths = itemId === '4.1.2' ? [{ text: `合议优势：${stage} 高层领导以身作则` }] : [];
    const opportunities = itemId === '4.7.2' ? [{ text: `合议改进机会：${stage} 结果指标需与标杆对比` }] : [];
    await ok(f.core.dispatch('consensus.saveItem', { viewer: { kind: 'office' }, stage, applicantId, itemId, percent, rationale: '合议', strengths, opportunities }, office));
  }
}

export async function scoredFixture(plans: ApplicantPlan[], settings?: (current: Record<string, unknown>) => Record<string, unknown>): Promise<ScoredFixture> {
  const f = await openFixture();
  const cycle = await ok<{ settings: Record<string, unknown> }>(f.core.dispatch('cycles.get', { cycleId: f.cycleId }, office));
  const base = {
    ...cycle.settings,
    certificate: { issuingAuthority: '福州市人民政府', awardName: '福州市市长质量奖', numberPattern: '{year}-FZ-{seq:03}' },
  };
  await ok(f.core.dispatch('cycles.updateSettings', { cycleId: f.cycleId, settings: settings ? settings(base) : base }, office));
  const experts = [await addExpert(f, '林专家'), await addExpert(f, '王专家')];
  const panels = {} as Record<Stage, string>;
  for (const stage of ['documentReview', 'siteVisit'] as const) {
    const name = stage === 'documentReview' ? '资料评审组' : '现场评审组';
    panels[stage] = (await ok<{ id: string }>(f.core.dispatch('panels.create', { cycleId: f.cycleId, stage, name, leaderExpertId: experts[0], memberIds: experts }, office))).id;
  }
  const applicants: Record<string, string> = {};
  for (const plan of plans) {
    const id = await addApplicant(f, plan.name, plan.body, plan.section ?? 'C', plan.division ?? '34', plan.siteVisit === null ? 'documentReview' : 'siteVisit');
    applicants[plan.name] = id;
    await ok(f.core.dispatch('panels.assign', { panelId: panels.documentReview, applicantId: id }, office));
    await scoreStage(f, 'documentReview', id, experts, plan.documentReview, plan.spreads);
    if (plan.siteVisit !== null) {
      await ok(f.core.dispatch('panels.assign', { panelId: panels.siteVisit, applicantId: id }, office));
      await scoreStage(f, 'siteVisit', id, experts, plan.siteVisit);
    }
  }
  return { ...f, experts, applicants, panels };
}

/** Resolves once the job reports a final state; collects every progress event on the way. */
export function waitForJob(core: Core, jobId: string): { events: EventPayload<'jobs.progress'>[]; done: Promise<JobView> } {
  const events: EventPayload<'jobs.progress'>[] = [];
  const done = new Promise<JobView>((resolve) => {
    const off = core.on('jobs.progress', (event) => {
      if (event.jobId !== jobId) return;
      events.push(event);
      if (event.state !== 'running') {
        off();
        void core.dispatch('jobs.get', { jobId }, office).then((envelope) => resolve((envelope as { data: JobView }).data));
      }
    });
  });
  return { events, done };
}
