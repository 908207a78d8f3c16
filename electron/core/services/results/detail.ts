/** `results.detail`: one applicant's figures for charts (radar by category, bars by item) with explanations. */
import type { ApplicantDetailResult } from '../../../../shared/api/results';
import {
  analyseDisagreement,
  divideInt,
  explainDisagreement,
  explainRank,
  explainSensitivity,
  explainTier,
  explainTotal,
  leaveOneExpertOut,
} from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { cycleOutcome, exact, exactPercent } from './outcome';
import { INLINE_SENSITIVITY_BUDGET, sensitivityCost, sensitivityInput } from './sensitivity';

export function applicantDetail(ctx: CoreContext, applicantId: string): ApplicantDetailResult {
  const row = applicantRow(ctx, applicantId);
  const outcome = cycleOutcome(ctx, row.cycle_id);
  const { data } = outcome;
  const entry = data.applicants.find((a) => a.applicant.id === applicantId);
  const result = outcome.resultOf.get(applicantId);
  const ranked = outcome.rankOf.get(applicantId);
  const threshold = data.cycle.settings.disagreementThreshold;

  const reports = (entry?.stages ?? [])
    .filter((s) => s.expertScores.length > 0)
    .map((s) => ({ stage: s.stage, report: analyseDisagreement(data.framework, { stageId: s.stage, expertScores: s.expertScores }, { threshold }) }));
  const spreadOf = (stage: string, itemId: string) => reports.find((r) => r.stage === stage)?.report.items.find((i) => i.itemId === itemId);

  let sensitivity: ApplicantDetailResult['explanations']['sensitivity'] = null;
  if (ranked && sensitivityCost(outcome) <= INLINE_SENSITIVITY_BUDGET) {
    const input = sensitivityInput(outcome);
    const report = leaveOneExpertOut(input.framework, input.applicants, input.rules);
    const mine = report.applicants.find((a) => a.applicantId === applicantId);
    if (mine) sensitivity = explainSensitivity(mine);
  }

  return {
    applicantId,
    cycleId: row.cycle_id,
    legalName: row.legal_name,
    maxPoints: data.framework.total,
    combined: result ? exact(result.total) : null,
    rank: ranked?.rank ?? null,
    tierId: outcome.tierOf.get(applicantId) ?? null,
    categories: (result?.categories ?? []).map((c) => ({
      categoryId: c.categoryId,
      kind: c.kind,
      points: c.points,
      score: exact(c.score),
      percent: exactPercent(divideInt(c.score, c.points)),
    })),
    items: (result?.items ?? []).map((item) => ({
      itemId: item.itemId,
      categoryId: item.categoryId,
      kind: item.kind,
      points: item.points,
      score: exact(item.score),
      percent: exactPercent(item.percent),
      stages: item.stages.map((s) => {
        const spread = spreadOf(s.stageId, item.itemId);
        return {
          stage: s.stageId as ApplicantDetailResult['items'][number]['stages'][number]['stage'],
          percent: exactPercent(s.combined.percent),
          score: exact(s.score),
          spread: spread?.range ?? null,
          flagged: spread?.flagged ?? false,
        };
      }),
    })),
    explanations: {
      total: result ? explainTotal(result) : null,
      rank: ranked ? explainRank(outcome.ranking, applicantId) : null,
      tier: ranked && outcome.tiers ? explainTier(outcome.tiers, applicantId) : null,
      sensitivity,
      disagreements: reports.flatMap(({ stage, report }) => report.agenda.map((item) => ({ stage, explanation: explainDisagreement(item, threshold) }))),
    },
    missing: (entry?.stages ?? []).flatMap((s) => (s.complete || s.weightPercent === 0 ? [] : s.missing)),
  };
}
