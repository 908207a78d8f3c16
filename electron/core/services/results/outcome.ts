/**
 * The cycle's results from the exact engine: each ready applicant scored with the cycle's rules,
 * ranked with competition ranking (ties share a rank), and placed in the cycle's tiers.
 */
import {
  analyseDisagreement,
  computeApplicantResult,
  formatPercent,
  formatPoints,
  rankApplicants,
  assignTiers,
  resolveScoringRules,
  type ApplicantResult,
  type RankedApplicant,
  type Rational,
  type ResolvedScoringRules,
  type TierResult,
} from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { loadCycleData, type ApplicantData, type CycleData } from './cycle-data';

export const exact = (value: Rational) => ({ num: value.num, den: value.den, text: formatPoints(value) });
export const exactPercent = (value: Rational) => ({ num: value.num, den: value.den, text: formatPercent(value) });

/**
 * Integer hundredths for the PDF engine (which prints integers only), rounded half away from zero
 * exactly like formatPoints, so a document shows the same two decimals as the screen.
 */
export function roundedHundredths(value: Rational): number {
  const negative = value.num < 0;
  const abs = Math.abs(value.num);
  const rounded = Math.floor((2 * abs + value.den) / (2 * value.den));
  return negative ? -rounded : rounded;
}

export interface DisagreementSummary {
  flaggedItems: number;
  maxSpread: number | null;
}

export interface CycleOutcomeData {
  data: CycleData;
  resolved: ResolvedScoringRules;
  resultOf: Map<string, ApplicantResult>;
  ranking: RankedApplicant[];
  rankOf: Map<string, RankedApplicant>;
  tiers: TierResult | null;
  tierOf: Map<string, string | null>;
  disagreementOf: Map<string, DisagreementSummary>;
  /** Per applicant, each complete stage's own total (also for applicants not ranked yet). */
  stageTotalsOf: Map<string, Map<string, Rational>>;
}

export function disagreementSummary(data: CycleData, applicant: ApplicantData): DisagreementSummary {
  let flaggedItems = 0;
  let maxSpread: number | null = null;
  for (const stage of applicant.stages) {
    if (stage.expertScores.length === 0) continue;
    const report = analyseDisagreement(data.framework, { stageId: stage.stage, expertScores: stage.expertScores }, { threshold: data.cycle.settings.disagreementThreshold });
    flaggedItems += report.agenda.length;
    for (const item of report.items) maxSpread = maxSpread === null ? item.range : Math.max(maxSpread, item.range);
  }
  return { flaggedItems, maxSpread };
}

export function computeOutcome(data: CycleData): CycleOutcomeData {
  const resolved = resolveScoringRules(data.rules);
  const results: ApplicantResult[] = [];
  for (const applicant of data.applicants) {
    if (applicant.scores) results.push(computeApplicantResult(data.framework, applicant.scores, resolved));
  }
  const ranking = rankApplicants(results);
  const resultOf = new Map(results.map((r) => [r.applicantId, r]));
  const stageTotalsOf = new Map<string, Map<string, Rational>>();
  for (const applicant of data.applicants) {
    const totals = new Map<string, Rational>();
    const ranked = resultOf.get(applicant.applicant.id);
    if (ranked) for (const s of ranked.stageTotals) totals.set(s.stageId, s.total);
    else {
      for (const stage of applicant.stages.filter((s) => s.complete)) {
        const scores = { stageId: stage.stage, expertScores: stage.expertScores, ...(stage.consensus ? { consensus: stage.consensus } : {}) };
        const single = computeApplicantResult(data.framework, { applicantId: applicant.applicant.id, stages: [scores] }, { aggregation: resolved.aggregation, minExperts: resolved.minExperts });
        totals.set(stage.stage, single.total);
      }
    }
    stageTotalsOf.set(applicant.applicant.id, totals);
  }
  const tiers = resolved.tiers.length > 0 ? assignTiers(ranking, resolved.tiers, data.framework.total) : null;
  return {
    data,
    resolved,
    resultOf,
    ranking,
    rankOf: new Map(ranking.map((r) => [r.applicantId, r])),
    tiers,
    tierOf: new Map(tiers?.applicants.map((a) => [a.applicantId, a.tierId]) ?? []),
    disagreementOf: new Map(data.applicants.map((a) => [a.applicant.id, disagreementSummary(data, a)])),
    stageTotalsOf,
  };
}

export function cycleOutcome(ctx: CoreContext, cycleId: string): CycleOutcomeData {
  return computeOutcome(loadCycleData(ctx, cycleId));
}
