import type { Framework } from '../frameworks';
import { computeApplicantResult } from './applicant-result';
import { rankApplicants, type RankedApplicant } from './ranking';
import { resolveScoringRules, type ResolvedScoringRules } from './rules';
import { assignTiers, type TierResult } from './tiers';
import type { ApplicantResult, ApplicantScores, CycleScoringRules } from './types';

export interface CycleOutcome {
  results: readonly ApplicantResult[];
  ranking: readonly RankedApplicant[];
  /** Present when the rules define tiers. */
  tiers?: TierResult;
}

/** Scores every applicant, ranks them, and places them in the cycle's tiers. */
export function scoreCycle(
  framework: Framework,
  applicants: readonly ApplicantScores[],
  rules: CycleScoringRules | ResolvedScoringRules,
): CycleOutcome {
  const resolved = resolveScoringRules(rules);
  const results = applicants.map((applicant) => computeApplicantResult(framework, applicant, resolved));
  return outcomeOf(results, resolved, framework.total);
}

export function outcomeOf(results: readonly ApplicantResult[], rules: ResolvedScoringRules, maxPoints: number): CycleOutcome {
  const ranking = rankApplicants(results);
  const outcome: CycleOutcome = { results, ranking };
  if (rules.tiers.length > 0) outcome.tiers = assignTiers(ranking, rules.tiers, maxPoints);
  return outcome;
}
