import { AppError, type Message } from '../../api/errors';
import type { ItemDisagreement } from './disagreement';
import { explanation, type Explanation } from './explain';
import { formatPercent, formatPoints } from './format';
import { compare, subtract } from './rational';
import type { RankedApplicant } from './ranking';
import type { ApplicantSensitivity } from './sensitivity';
import type { ExpertSeverity } from './severity';
import type { TierResult } from './tiers';

/** Explanations of where an applicant stands (rank, tier) and of the analysis figures. */

export function explainRank(ranking: readonly RankedApplicant[], applicantId: string): Explanation {
  const entry = ranking.find((r) => r.applicantId === applicantId);
  if (!entry) throw new AppError('notFound', 'scoring.error.unknownApplicant', { applicantId });
  const above = ranking.filter((r) => compare(r.total, entry.total) > 0).length;
  const tied = ranking.filter((r) => r.applicantId !== applicantId && compare(r.total, entry.total) === 0);
  const params = { applicantId, rank: entry.rank, total: formatPoints(entry.total), above, field: ranking.length };
  return tied.length === 0
    ? explanation('rank', params, entry.total)
    : explanation(
        'rankTied',
        { ...params, tiedWith: entry.tiedWith },
        entry.total,
        tied.map((r) => ({ key: 'scoring.explain.input.tiedApplicant', params: { applicantId: r.applicantId } })),
      );
}

/**
 * Why an applicant landed in its tier: one part per tier above it that it did not get (below the
 * threshold, quota filled by higher totals, or a tie at the quota boundary), then the tier it got.
 */
export function explainTier(result: TierResult, applicantId: string): Explanation {
  const applicant = result.applicants.find((a) => a.applicantId === applicantId);
  if (!applicant) throw new AppError('notFound', 'scoring.error.unknownApplicant', { applicantId });
  const total = formatPoints(applicant.total);
  const parts: Explanation[] = [];
  for (const tier of result.tiers) {
    const threshold = formatPoints(tier.threshold);
    const base = { tierId: tier.tierId, threshold, total, rank: applicant.rank };
    if (tier.members.includes(applicantId)) {
      parts.push(
        tier.quota === undefined
          ? explanation('tier.admitted', base, applicant.total)
          : explanation('tier.admittedInQuota', { ...base, quota: tier.quota }, applicant.total),
      );
      break;
    }
    if (compare(applicant.total, tier.threshold) < 0) {
      parts.push(explanation('tier.belowThreshold', base, applicant.total));
    } else if (tier.quotaTie?.applicantIds.includes(applicantId)) {
      parts.push(
        explanation('tier.quotaTie', {
          ...base,
          quota: tier.quota ?? 0,
          tied: tier.quotaTie.applicantIds.length,
          seatsLeft: tier.quotaTie.seatsLeft,
        }),
      );
    } else if (tier.overflow.includes(applicantId)) {
      parts.push(explanation('tier.quotaFull', { ...base, quota: tier.quota ?? 0 }));
    }
  }
  const key = applicant.tierId === null ? 'tier.none' : 'tier.result';
  return explanation(key, { applicantId, tierId: applicant.tierId ?? '-', total, rank: applicant.rank }, applicant.total, [], parts);
}

export function explainSeverity(severity: ExpertSeverity, basis: string): Explanation {
  return explanation(
    severity.meanDeviation.num > 0 ? 'severity.lenient' : severity.meanDeviation.num < 0 ? 'severity.severe' : 'severity.neutral',
    {
      expertId: severity.expertId,
      basis,
      count: severity.count,
      sum: formatPercent(severity.totalDeviation),
      meanDeviation: formatPercent(severity.meanDeviation),
    },
    severity.meanDeviation,
  );
}

export function explainDisagreement(item: ItemDisagreement, threshold: number): Explanation {
  const inputs: Message[] = item.experts.map((e) => ({
    key: 'scoring.explain.input.expertPercent',
    params: { expertId: e.expertId, percent: e.percent },
  }));
  return explanation(
    item.flagged ? 'disagreement.flagged' : 'disagreement.agreed',
    {
      itemId: item.itemId,
      count: item.experts.length,
      min: item.min,
      max: item.max,
      range: item.range,
      standardDeviation: item.standardDeviation.toFixed(2),
      threshold,
      points: item.points,
      priority: item.priority,
    },
    undefined,
    inputs,
  );
}

export function explainSensitivity(sensitivity: ApplicantSensitivity): Explanation {
  const changed = sensitivity.rankChanges || sensitivity.tierChanges;
  return explanation(
    changed ? 'sensitivity.changes' : 'sensitivity.stable',
    {
      applicantId: sensitivity.applicantId,
      total: formatPoints(sensitivity.baseline.total),
      min: formatPoints(sensitivity.minTotal),
      max: formatPoints(sensitivity.maxTotal),
      experts: sensitivity.scenarios.length,
      changedBy: sensitivity.changedBy.join(', ') || '-',
      swing: formatPoints(subtract(sensitivity.maxTotal, sensitivity.minTotal)),
    },
    undefined,
    sensitivity.scenarios.map((s) => ({
      key: s.refusal ? 'scoring.explain.input.scenarioRefused' : 'scoring.explain.input.scenario',
      params: {
        expertId: s.expertId,
        total: s.total ? formatPoints(s.total) : '-',
        rank: s.rank ?? '-',
        tierId: s.tierId ?? '-',
      },
    })),
  );
}
