import { AppError } from '../../api/errors';
import { compare, rational, type Rational } from './rational';
import type { RankedApplicant } from './ranking';
import type { TierRule, TierThreshold } from './types';

/** Seats of a tier that a tie at its quota boundary left empty, and who was tied. */
export interface QuotaTie {
  rank: number;
  applicantIds: readonly string[];
  seatsLeft: number;
}

export interface TierOutcome {
  tierId: string;
  /** The minimum total, hundredths of a point, exact. */
  threshold: Rational;
  quota?: number;
  /** Admitted applicants, best first. */
  members: readonly string[];
  /** Nobody admitted: the tier is left vacant (空缺). */
  vacant: boolean;
  /** Qualifying applicants the quota kept out (they moved on to later tiers), best first. */
  overflow: readonly string[];
  quotaTie?: QuotaTie;
}

export interface TieredApplicant extends RankedApplicant {
  /** null: qualifies for no tier. */
  tierId: string | null;
}

export interface TierResult {
  tiers: readonly TierOutcome[];
  applicants: readonly TieredApplicant[];
}

function invalid(key: string, path: string, params: Record<string, string | number>): AppError {
  const fullKey = `scoring.error.${key}`;
  return new AppError('validation', fullKey, params, [{ path, key: fullKey, params }]);
}

/** Points or percent with at most two decimals, as an exact count of hundredths. */
function hundredthsOf(value: number, path: string, tierId: string): number {
  const scaled = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || Math.abs(scaled - value * 100) > 1e-6) {
    throw invalid('tierThresholdInvalid', path, { tierId, threshold: value });
  }
  return scaled;
}

/** The threshold in hundredths of a point: 60 % of 1000 points → 60 000. */
export function thresholdHundredths(threshold: TierThreshold, maxPoints: number, tierId = '', path = 'threshold'): Rational {
  if (threshold.kind === 'points') return rational(hundredthsOf(threshold.points, `${path}.points`, tierId));
  const percentHundredths = hundredthsOf(threshold.percent, `${path}.percent`, tierId);
  if (percentHundredths > 10_000) throw invalid('tierThresholdInvalid', `${path}.percent`, { tierId, threshold: threshold.percent });
  // maxPoints × 100 hundredths × percent / 100 = maxPoints × percentHundredths / 100.
  return rational(maxPoints * percentHundredths, 100);
}

/**
 * Places ranked applicants into tiers, best tier first. For each tier, the applicants not yet
 * placed whose total reaches its threshold qualify, in rank order; without a quota all are
 * admitted, with one the top-ranked fill it and the rest move on to the next tier they qualify for.
 * A tier nobody reaches is left vacant.
 *
 * Ties at the quota boundary — when the last seat would have to go to some but not all of a group
 * with the same exact total — admit NONE of the tied group: they move on together to the next tier,
 * the remaining seats stay empty, and the outcome records a `quotaTie` for the committee. We chose
 * this over admitting all of them because award quotas are usually caps in the cycle's rules
 * ("no more than N"), which admitting everyone would break; and over any tie-break because equal
 * totals must be treated equally by the arithmetic — breaking the tie is a decision for the
 * deliberation stage (审议), not for the tool. Nobody ranked below the tied group takes the seats:
 * that would put a lower total ahead of a higher one.
 */
export function assignTiers(ranked: readonly RankedApplicant[], rules: readonly TierRule[], maxPoints: number): TierResult {
  const seen = new Set<string>();
  const thresholds = rules.map((rule, t) => {
    if (seen.has(rule.tierId)) throw invalid('tierDuplicate', `tiers.${t}.tierId`, { tierId: rule.tierId });
    seen.add(rule.tierId);
    if (rule.quota !== undefined && (!Number.isInteger(rule.quota) || rule.quota < 0)) {
      throw invalid('quotaInvalid', `tiers.${t}.quota`, { tierId: rule.tierId, quota: rule.quota });
    }
    return thresholdHundredths(rule.threshold, maxPoints, rule.tierId, `tiers.${t}.threshold`);
  });

  const placed = new Map<string, string>();
  const tiers: TierOutcome[] = rules.map((rule, t) => {
    const threshold = thresholds[t]!;
    const candidates = ranked.filter((a) => !placed.has(a.applicantId) && compare(a.total, threshold) >= 0);
    let admitted = candidates;
    let quotaTie: QuotaTie | undefined;
    if (rule.quota !== undefined && candidates.length > rule.quota) {
      const quota = rule.quota;
      const firstOut = candidates[quota]!;
      const lastIn = quota > 0 ? candidates[quota - 1] : undefined;
      if (lastIn && lastIn.rank === firstOut.rank) {
        admitted = candidates.filter((a) => a.rank < firstOut.rank);
        quotaTie = {
          rank: firstOut.rank,
          applicantIds: candidates.filter((a) => a.rank === firstOut.rank).map((a) => a.applicantId),
          seatsLeft: quota - admitted.length,
        };
      } else {
        admitted = candidates.slice(0, quota);
      }
    }
    for (const a of admitted) placed.set(a.applicantId, rule.tierId);
    const admittedIds = new Set(admitted.map((a) => a.applicantId));
    const outcome: TierOutcome = {
      tierId: rule.tierId,
      threshold,
      members: admitted.map((a) => a.applicantId),
      vacant: admitted.length === 0,
      overflow: candidates.filter((a) => !admittedIds.has(a.applicantId)).map((a) => a.applicantId),
    };
    if (rule.quota !== undefined) outcome.quota = rule.quota;
    if (quotaTie) outcome.quotaTie = quotaTie;
    return outcome;
  });

  return {
    tiers,
    applicants: ranked.map((a) => ({ ...a, tierId: placed.get(a.applicantId) ?? null })),
  };
}
