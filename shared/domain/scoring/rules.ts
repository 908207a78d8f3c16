import { AppError } from '../../api/errors';
import {
  DEFAULT_DISAGREEMENT_THRESHOLD,
  type AggregationMethod,
  type CycleScoringRules,
  type StageWeight,
  type TierRule,
} from './types';

export interface ResolvedScoringRules {
  /** Marks rules already checked, so per-applicant code does not check them 2,000 times. */
  readonly resolved: true;
  aggregation: AggregationMethod;
  minExperts: number;
  /** Absent when the cycle has a single, unweighted stage. */
  stageWeights: readonly StageWeight[] | undefined;
  disagreementThreshold: number;
  tiers: readonly TierRule[];
}

function invalid(key: string, path: string, params: Record<string, string | number>): AppError {
  const fullKey = `scoring.error.${key}`;
  return new AppError('validation', fullKey, params, [{ path, key: fullKey, params }]);
}

/** Checks a cycle's rules once, before any applicant is scored, and fills in the defaults. */
export function resolveScoringRules(rules: CycleScoringRules | ResolvedScoringRules): ResolvedScoringRules {
  if ('resolved' in rules && rules.resolved === true) return rules;
  const aggregation = rules.aggregation;
  if (aggregation.kind === 'trimmedMean') {
    if (!Number.isInteger(aggregation.trim) || aggregation.trim < 0) {
      throw invalid('trimInvalid', 'aggregation.trim', { trim: aggregation.trim });
    }
    const minRemaining = aggregation.minRemaining ?? 1;
    if (!Number.isInteger(minRemaining) || minRemaining < 1) {
      throw invalid('minRemainingInvalid', 'aggregation.minRemaining', { minRemaining });
    }
  }
  const minExperts = rules.minExperts ?? 1;
  if (!Number.isInteger(minExperts) || minExperts < 1) {
    throw invalid('minExpertsInvalid', 'minExperts', { minExperts });
  }
  const disagreementThreshold = rules.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  if (!Number.isInteger(disagreementThreshold) || disagreementThreshold < 0 || disagreementThreshold > 100) {
    throw invalid('thresholdInvalid', 'disagreementThreshold', { threshold: disagreementThreshold });
  }
  return {
    resolved: true,
    aggregation,
    minExperts,
    stageWeights: rules.stageWeights === undefined ? undefined : checkStageWeights(rules.stageWeights),
    disagreementThreshold,
    tiers: rules.tiers ?? [],
  };
}

function checkStageWeights(weights: readonly StageWeight[]): readonly StageWeight[] {
  const seen = new Set<string>();
  let total = 0;
  weights.forEach((weight, index) => {
    if (!Number.isInteger(weight.weightPercent) || weight.weightPercent < 0 || weight.weightPercent > 100) {
      throw invalid('stageWeightInvalid', `stageWeights.${index}.weightPercent`, {
        stageId: weight.stageId,
        weightPercent: weight.weightPercent,
      });
    }
    if (seen.has(weight.stageId)) {
      throw invalid('stageDuplicate', `stageWeights.${index}.stageId`, { stageId: weight.stageId });
    }
    seen.add(weight.stageId);
    total += weight.weightPercent;
  });
  if (total !== 100) {
    throw invalid('stageWeightsSum', 'stageWeights', {
      expected: 100,
      actual: total,
      weights: weights.map((w) => `${w.stageId}=${w.weightPercent}`).join(', '),
    });
  }
  return weights;
}
