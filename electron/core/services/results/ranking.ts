/** `results.ranking`: the cycle's ranking as the office and the committee read it. */
import type { Ranking, RankingRow, TierOutcomeView } from '../../../../shared/api/results';
import type { CoreContext } from '../../context';
import { approvalState, certificatesOf, decisionsByApplicant } from './decisions';
import { cycleOutcome, exact, type CycleOutcomeData } from './outcome';
import { sensitivityFor, type SensitivityState } from './sensitivity';

export interface RankingFilter {
  cycleId: string;
  section?: string | undefined;
  region?: string | undefined;
}

/** Rows in rank order (ties in the stable input order), unranked applicants after them by name. */
export function rankingRows(ctx: CoreContext, outcome: CycleOutcomeData, sensitivity: SensitivityState | null): RankingRow[] {
  const { data } = outcome;
  const decisions = decisionsByApplicant(ctx, data.cycle.id);
  const certificates = certificatesOf(ctx, data.cycle.id);
  const byId = new Map(data.applicants.map((a) => [a.applicant.id, a]));
  const order = [...outcome.ranking.map((r) => r.applicantId), ...data.applicants.filter((a) => !outcome.rankOf.has(a.applicant.id)).map((a) => a.applicant.id)];
  return order.map((applicantId) => {
    const entry = byId.get(applicantId)!;
    const { applicant } = entry;
    const result = outcome.resultOf.get(applicantId);
    const ranked = outcome.rankOf.get(applicantId);
    const stageTotal = (stage: string) => outcome.stageTotalsOf.get(applicantId)?.get(stage);
    return {
      applicantId,
      legalName: applicant.legalName,
      creditCode: applicant.creditCode,
      section: applicant.section,
      division: applicant.division,
      region: applicant.region,
      status: applicant.status,
      stageTotals: entry.stages.map((s) => {
        const total = stageTotal(s.stage);
        return { stage: s.stage, weightPercent: s.weightPercent, total: total ? exact(total) : null };
      }),
      combined: result ? exact(result.total) : null,
      missing: entry.stages.flatMap((s) => (s.complete || s.weightPercent === 0 ? [] : s.missing)),
      rank: ranked?.rank ?? null,
      tiedWith: ranked?.tiedWith ?? 1,
      tierId: outcome.tierOf.get(applicantId) ?? null,
      disagreement: outcome.disagreementOf.get(applicantId) ?? { flaggedItems: 0, maxSpread: null },
      stability: sensitivity?.state === 'ready' ? (sensitivity.stability.get(applicantId) ?? null) : null,
      decision: decisions.get(applicantId) ?? null,
      certificateNo: certificates.get(applicantId)?.certificateNo ?? null,
    };
  });
}

export function tierOutcomes(outcome: CycleOutcomeData): TierOutcomeView[] {
  const settings = outcome.data.cycle.settings;
  return (outcome.tiers?.tiers ?? []).map((tier) => {
    const rule = settings.tiers.find((t) => t.id === tier.tierId)!;
    return {
      tierId: tier.tierId,
      name: rule.name,
      threshold: exact(tier.threshold),
      quota: tier.quota ?? null,
      members: [...tier.members],
      vacant: tier.vacant,
      overflow: [...tier.overflow],
      quotaTie: tier.quotaTie ? { rank: tier.quotaTie.rank, applicantIds: [...tier.quotaTie.applicantIds], seatsLeft: tier.quotaTie.seatsLeft } : null,
    };
  });
}

export function getRanking(ctx: CoreContext, filter: RankingFilter): Ranking {
  const outcome = cycleOutcome(ctx, filter.cycleId);
  const { data } = outcome;
  const sensitivity = sensitivityFor(ctx, outcome);
  const approval = approvalState(ctx, filter.cycleId);
  const rows = rankingRows(ctx, outcome, sensitivity).filter(
    (row) => (filter.section === undefined || row.section === filter.section) && (filter.region === undefined || row.region === filter.region),
  );
  const winners = outcome.tiers?.applicants.filter((a) => a.tierId !== null).length ?? 0;
  const totalQuota = data.cycle.settings.totalQuota;
  const sorted = (values: string[]) => [...new Set(values.filter((v) => v !== ''))].sort();
  return {
    cycleId: data.cycle.id,
    cycleName: data.cycle.name,
    year: data.cycle.year,
    status: approval.status,
    approvedAt: approval.approvedAt,
    approvedBy: approval.approvedBy,
    method: data.rules.aggregation.kind,
    maxPoints: data.framework.total,
    stages: data.stages,
    rankedCount: outcome.ranking.length,
    applicantCount: data.applicants.length,
    rows,
    tiers: tierOutcomes(outcome),
    totalQuota,
    totalQuotaExceeded: totalQuota !== null && winners > totalQuota,
    sensitivity: { state: sensitivity.state, jobId: sensitivity.jobId, computedAt: sensitivity.computedAt },
    facets: { sections: sorted(data.applicants.map((a) => a.applicant.section)), regions: sorted(data.applicants.map((a) => a.applicant.region)) },
  };
}
