/**
 * Everything the results of one cycle are computed from, read in a handful of queries (a cycle may
 * hold 2,000 applicants; one query per applicant and stage would dominate the ranking call).
 * Only submitted sheets count, as in panels/results.ts; which stages are complete follows the same rules.
 */
import type { Message } from '../../../../shared/api/errors';
import type { CycleDetail } from '../../../../shared/api/cycles';
import { minimumExperts, stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { scoredItems, type Framework } from '../../../../shared/domain/frameworks';
import type { ApplicantScores, CycleScoringRules, ExpertItemScore, StageScores, TierRule } from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { cycleContext } from '../cycles';
import { engineMethod } from '../panels/results';

export interface ApplicantFacts {
  id: string;
  legalName: string;
  creditCode: string;
  section: string;
  division: string;
  region: string;
  employees: number;
  status: string;
  record: string;
}

export interface StageData {
  stage: StageId;
  weightPercent: number;
  panelId: string | null;
  memberIds: string[];
  submitted: string[];
  expertScores: ExpertItemScore[];
  consensus: Record<string, number> | undefined;
  missing: Message[];
  complete: boolean;
}

export interface ApplicantData {
  applicant: ApplicantFacts;
  stages: StageData[];
  /** Every weighted stage is complete: the applicant can be scored and ranked. */
  ready: boolean;
  /** The engine input (complete stages only), when ready. */
  scores: ApplicantScores | null;
}

export interface CycleData {
  cycle: CycleDetail;
  framework: Framework;
  rules: CycleScoringRules;
  stages: { stage: StageId; weightPercent: number }[];
  /** Input order for ranking: by legal name, then id (ties keep this order, so listings are stable). */
  applicants: ApplicantData[];
  expertNames: Map<string, string>;
  expertOrganisations: Map<string, string>;
}

/** The cycle's settings as the engine's rules: `{method}` → `{kind}` happens in engineMethod only. */
export function scoringRules(cycle: CycleDetail): CycleScoringRules {
  const { settings } = cycle;
  const stages = stagesInUse(settings.stages);
  const tiers: TierRule[] = settings.tiers.map((tier) => ({
    tierId: tier.id,
    threshold: tier.threshold.kind === 'points' ? { kind: 'points', points: tier.threshold.points } : { kind: 'percentOfMax', percent: tier.threshold.percent },
    ...(tier.quota === null ? {} : { quota: tier.quota }),
  }));
  return {
    aggregation: engineMethod(settings.aggregation),
    minExperts: minimumExperts(settings.aggregation),
    stageWeights: stages.map((stage) => ({ stageId: stage, weightPercent: settings.stages[stage] ?? 0 })),
    disagreementThreshold: settings.disagreementThreshold,
    tiers,
  };
}

/** Applicants that reached document review (or hold a panel assignment) take part in the results. */
const IN_RESULTS = `(a.status IN ('documentReview', 'siteVisit', 'decided') OR EXISTS (SELECT 1 FROM panel_applicants pa WHERE pa.applicant_id = a.id))`;

export function loadCycleData(ctx: CoreContext, cycleId: string, onlyApplicantIds?: readonly string[]): CycleData {
  const { cycle, framework } = cycleContext(ctx, cycleId);
  const rules = scoringRules(cycle);
  const stages = stagesInUse(cycle.settings.stages).map((stage) => ({ stage, weightPercent: cycle.settings.stages[stage] ?? 0 }));
  const consensusMethod = rules.aggregation.kind === 'consensus';
  const minExperts = rules.minExperts ?? 1;
  const itemIds = scoredItems(framework).map((item) => item.id);

  let applicants = ctx.db
    .prepare(
      `SELECT a.id, a.legal_name AS legalName, a.credit_code AS creditCode, a.section, a.division, a.region, a.employees, a.status, a.record
       FROM applicants a WHERE a.cycle_id = ? AND ${IN_RESULTS}`,
    )
    .all(cycleId) as ApplicantFacts[];
  if (onlyApplicantIds) {
    const wanted = new Set(onlyApplicantIds);
    applicants = applicants.filter((a) => wanted.has(a.id));
  }
  applicants.sort((a, b) => (a.legalName < b.legalName ? -1 : a.legalName > b.legalName ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const links = ctx.db
    .prepare('SELECT pa.applicant_id, pa.stage, pa.panel_id FROM panel_applicants pa JOIN panels p ON p.id = pa.panel_id WHERE p.cycle_id = ?')
    .all(cycleId) as { applicant_id: string; stage: StageId; panel_id: string }[];
  const panelOf = new Map(links.map((l) => [`${l.applicant_id}\u0000${l.stage}`, l.panel_id]));
  const members = ctx.db
    .prepare('SELECT m.panel_id, m.expert_id FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE p.cycle_id = ? ORDER BY m.added_at, m.rowid')
    .all(cycleId) as { panel_id: string; expert_id: string }[];
  const membersOf = new Map<string, string[]>();
  for (const m of members) {
    let list = membersOf.get(m.panel_id);
    if (!list) membersOf.set(m.panel_id, (list = []));
    list.push(m.expert_id);
  }
  const submissions = new Set(
    (
      ctx.db
        .prepare('SELECT s.stage, s.applicant_id, s.expert_id FROM score_submissions s JOIN applicants a ON a.id = s.applicant_id WHERE a.cycle_id = ?')
        .all(cycleId) as { stage: string; applicant_id: string; expert_id: string }[]
    ).map((s) => `${s.stage}\u0000${s.applicant_id}\u0000${s.expert_id}`),
  );
  const scoresBy = new Map<string, ExpertItemScore[]>();
  const scoreRows = ctx.db.prepare('SELECT stage, applicant_id, expert_id, item_id, percent FROM scores WHERE cycle_id = ? ORDER BY expert_id, item_id').all(cycleId) as {
    stage: string;
    applicant_id: string;
    expert_id: string;
    item_id: string;
    percent: number;
  }[];
  for (const row of scoreRows) {
    if (!submissions.has(`${row.stage}\u0000${row.applicant_id}\u0000${row.expert_id}`)) continue;
    const key = `${row.applicant_id}\u0000${row.stage}`;
    let list = scoresBy.get(key);
    if (!list) scoresBy.set(key, (list = []));
    list.push({ expertId: row.expert_id, itemId: row.item_id, percent: row.percent });
  }
  const consensusBy = new Map<string, Record<string, number>>();
  const consensusRows = ctx.db
    .prepare('SELECT c.stage, c.applicant_id, c.item_id, c.percent FROM consensus_items c JOIN applicants a ON a.id = c.applicant_id WHERE a.cycle_id = ?')
    .all(cycleId) as { stage: string; applicant_id: string; item_id: string; percent: number }[];
  for (const row of consensusRows) {
    const key = `${row.applicant_id}\u0000${row.stage}`;
    let agreed = consensusBy.get(key);
    if (!agreed) consensusBy.set(key, (agreed = {}));
    agreed[row.item_id] = row.percent;
  }
  const experts = ctx.db.prepare('SELECT id, name, organisation FROM experts').all() as { id: string; name: string; organisation: string }[];
  const expertNames = new Map(experts.map((e) => [e.id, e.name]));
  const expertOrganisations = new Map(experts.map((e) => [e.id, e.organisation]));

  const data = applicants.map((applicant): ApplicantData => {
    const stageData = stages.map(({ stage, weightPercent }): StageData => {
      const panelId = panelOf.get(`${applicant.id}\u0000${stage}`) ?? null;
      const base = { stage, weightPercent, panelId, memberIds: [] as string[], submitted: [] as string[], expertScores: [] as ExpertItemScore[], consensus: undefined };
      if (panelId === null) return { ...base, missing: [{ key: 'panels.results.noPanel', params: { stage } }], complete: false };
      const memberIds = membersOf.get(panelId) ?? [];
      const submitted = memberIds.filter((id) => submissions.has(`${stage}\u0000${applicant.id}\u0000${id}`));
      const expertScores = scoresBy.get(`${applicant.id}\u0000${stage}`) ?? [];
      const missing: Message[] = [];
      const pending = memberIds.filter((id) => !submitted.includes(id));
      if (pending.length > 0) missing.push({ key: 'panels.results.notSubmitted', params: { experts: pending.map((id) => expertNames.get(id) ?? id).join('、') } });
      let consensus: Record<string, number> | undefined;
      if (consensusMethod) {
        consensus = consensusBy.get(`${applicant.id}\u0000${stage}`) ?? {};
        const open = itemIds.filter((id) => consensus![id] === undefined).length;
        if (open > 0) missing.push({ key: 'panels.results.consensusMissing', params: { items: open } });
      } else if (submitted.length < minExperts) {
        missing.push({ key: 'panels.results.tooFewExperts', params: { count: submitted.length, minimum: minExperts } });
      }
      return { stage, weightPercent, panelId, memberIds, submitted, expertScores, consensus, missing, complete: missing.length === 0 };
    });
    const completeStages = stageData.filter((s) => s.complete);
    const ready = completeStages.length > 0 && stageData.every((s) => s.complete || s.weightPercent === 0);
    const scores: ApplicantScores | null = ready
      ? {
          applicantId: applicant.id,
          stages: completeStages.map((s): StageScores => (s.consensus ? { stageId: s.stage, expertScores: s.expertScores, consensus: s.consensus } : { stageId: s.stage, expertScores: s.expertScores })),
        }
      : null;
    return { applicant, stages: stageData, ready, scores };
  });

  return { cycle, framework, rules, stages, applicants: data, expertNames, expertOrganisations };
}
