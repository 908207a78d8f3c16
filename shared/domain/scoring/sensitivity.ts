import { AppError, type Message } from '../../api/errors';
import type { Framework } from '../frameworks';
import { computeApplicantResult, withoutExpert } from './applicant-result';
import { outcomeOf, type CycleOutcome } from './cycle';
import { maxOf, minOf, subtract, type Rational } from './rational';
import { resolveScoringRules, type ResolvedScoringRules } from './rules';
import type { ApplicantResult, ApplicantScores, CycleScoringRules } from './types';

export interface SensitivityScenario {
  /** The expert left out. */
  expertId: string;
  /** Whether that expert scored this applicant (if not, only the others' totals moved). */
  involved: boolean;
  /** null when the applicant could not be scored without the expert (see refusal). */
  total: Rational | null;
  rank: number | null;
  tierId: string | null;
  refusal?: Message;
}

export interface ApplicantSensitivity {
  applicantId: string;
  baseline: { total: Rational; rank: number; tierId: string | null };
  rankChanges: boolean;
  tierChanges: boolean;
  /** Experts whose absence changes this applicant's rank or tier. */
  changedBy: readonly string[];
  /** Range of the leave-one-out totals (the baseline when every scenario was refused). */
  minTotal: Rational;
  maxTotal: Rational;
  scenarios: readonly SensitivityScenario[];
}

export interface SensitivityReport {
  experts: readonly string[];
  tiersApplied: boolean;
  applicants: readonly ApplicantSensitivity[];
}

function placement(outcome: CycleOutcome): Map<string, { rank: number; tierId: string | null }> {
  const tierOf = new Map(outcome.tiers?.applicants.map((a) => [a.applicantId, a.tierId]) ?? []);
  return new Map(outcome.ranking.map((r) => [r.applicantId, { rank: r.rank, tierId: tierOf.get(r.applicantId) ?? null }]));
}

/**
 * For each applicant: would its rank or tier change if any single expert were left out? Each
 * scenario drops one expert from every applicant they scored, recomputes those applicants with
 * the cycle's method, and re-ranks the whole field.
 *
 * Under 'consensus' the panel's agreed percent does not depend on who is left out, so every
 * scenario equals the baseline: the analysis is meaningful for mean, median and trimmed mean.
 * When an applicant cannot be scored without the expert (too few experts left for an item), that
 * scenario is reported as refused for the applicant, and the others are ranked against its
 * baseline total so that its disappearance does not move them.
 */
export function leaveOneExpertOut(
  framework: Framework,
  applicants: readonly ApplicantScores[],
  rules: CycleScoringRules | ResolvedScoringRules,
): SensitivityReport {
  const resolved: ResolvedScoringRules = resolveScoringRules(rules);
  const baseline = applicants.map((a) => computeApplicantResult(framework, a, resolved));
  const baselinePlaces = placement(outcomeOf(baseline, resolved, framework.total));
  const expertsOf = applicants.map(
    (a) => new Set(a.stages.flatMap((stage) => stage.expertScores.map((entry) => entry.expertId))),
  );
  const experts = [...new Set(expertsOf.flatMap((set) => [...set]))].sort();
  const scenariosOf: SensitivityScenario[][] = applicants.map(() => []);

  for (const expertId of experts) {
    const refusals = new Map<number, Message>();
    const results: ApplicantResult[] = applicants.map((applicant, i) => {
      if (!expertsOf[i]!.has(expertId)) return baseline[i]!;
      try {
        return computeApplicantResult(framework, withoutExpert(applicant, expertId), resolved);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const { key, params } = error.payload;
        refusals.set(i, params ? { key, params } : { key });
        return baseline[i]!;
      }
    });
    const places = placement(outcomeOf(results, resolved, framework.total));
    applicants.forEach((applicant, i) => {
      const refusal = refusals.get(i);
      const place = places.get(applicant.applicantId)!;
      const scenario: SensitivityScenario = refusal
        ? { expertId, involved: true, total: null, rank: null, tierId: null, refusal }
        : { expertId, involved: expertsOf[i]!.has(expertId), total: results[i]!.total, rank: place.rank, tierId: place.tierId };
      scenariosOf[i]!.push(scenario);
    });
  }

  return {
    experts,
    tiersApplied: resolved.tiers.length > 0,
    applicants: applicants.map((applicant, i) => {
      const base = baselinePlaces.get(applicant.applicantId)!;
      const scenarios = scenariosOf[i]!;
      const computed = scenarios.filter((s) => s.total !== null);
      const totals = computed.map((s) => s.total!);
      const changing = computed.filter((s) => s.rank !== base.rank || s.tierId !== base.tierId);
      return {
        applicantId: applicant.applicantId,
        baseline: { total: baseline[i]!.total, rank: base.rank, tierId: base.tierId },
        rankChanges: computed.some((s) => s.rank !== base.rank),
        tierChanges: computed.some((s) => s.tierId !== base.tierId),
        changedBy: changing.map((s) => s.expertId),
        minTotal: minOf(totals) ?? baseline[i]!.total,
        maxTotal: maxOf(totals) ?? baseline[i]!.total,
        scenarios,
      };
    }),
  };
}

/** How far the total moves across the leave-one-out scenarios (max − min), hundredths of a point. */
export function totalSwing(sensitivity: ApplicantSensitivity): Rational {
  return subtract(sensitivity.maxTotal, sensitivity.minTotal);
}
