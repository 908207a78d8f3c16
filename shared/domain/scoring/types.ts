import type { NodeKind } from '../frameworks';
import type { Rational } from './rational';

/** One expert's percentage for one item: an integer 0–100 on the framework's step (5). */
export interface ExpertItemScore {
  expertId: string;
  itemId: string;
  percent: number;
}

/** The scores of one review stage (document review, site visit …) for one applicant. */
export interface StageScores {
  stageId: string;
  expertScores: readonly ExpertItemScore[];
  /** The panel's agreed percent per item id; required for every item under 'consensus'. */
  consensus?: Readonly<Record<string, number>>;
}

export interface ApplicantScores {
  applicantId: string;
  stages: readonly StageScores[];
}

/**
 * How the experts' percentages for one item become the panel's:
 * - consensus: the panel agrees a percentage (Baldrige practice; the default);
 * - mean, median: of all experts who scored the item;
 * - trimmedMean: drop the `trim` highest and `trim` lowest, average the rest; refused when fewer
 *   than `minRemaining` (default 1) experts would remain.
 */
export type AggregationMethod =
  | { kind: 'consensus' }
  | { kind: 'mean' }
  | { kind: 'median' }
  | { kind: 'trimmedMean'; trim: number; minRemaining?: number };

export type AggregationKind = AggregationMethod['kind'];

/** Share of a stage in the final score, as an integer percent; a cycle's weights sum to 100. */
export interface StageWeight {
  stageId: string;
  weightPercent: number;
}

export type TierThreshold =
  /** Absolute points, up to two decimals (e.g. 600 or 587.5). */
  | { kind: 'points'; points: number }
  /** Percent of the framework's maximum, up to two decimals (e.g. 60 → 600 of 1000). */
  | { kind: 'percentOfMax'; percent: number };

/** A tier (大奖 / 提名奖 / 鼓励奖, 金奖 / 银奖 …), listed best first. */
export interface TierRule {
  tierId: string;
  threshold: TierThreshold;
  /** At most this many applicants; absent means everyone who qualifies. */
  quota?: number;
}

export interface CycleScoringRules {
  aggregation: AggregationMethod;
  /** Fewest experts who must have scored an item before it is aggregated (not for consensus). */
  minExperts?: number;
  /** Absent: the applicant has exactly one stage, which counts 100 %. */
  stageWeights?: readonly StageWeight[];
  /** Percent-point range across experts at which an item is flagged for discussion (default 20). */
  disagreementThreshold?: number;
  tiers?: readonly TierRule[];
}

export const DEFAULT_DISAGREEMENT_THRESHOLD = 20;

export const DEFAULT_SCORING_RULES: CycleScoringRules = Object.freeze({
  aggregation: Object.freeze({ kind: 'consensus' }) as AggregationMethod,
});

export interface ExpertPercent {
  expertId: string;
  percent: number;
}

/** How one stage's experts became one percentage for one item. */
export interface CombinedPercent {
  method: AggregationKind;
  /** The panel percent, exact (185/3 for a mean of 60, 60 and 65). */
  percent: Rational;
  /** Every expert's percent, sorted ascending (ties by expert id): the inputs. */
  experts: readonly ExpertPercent[];
  /** The experts whose percents entered the formula (all but the trimmed ones; the middle one or two for median). */
  used: readonly ExpertPercent[];
  /** Trimmed away (trimmedMean only). */
  dropped: readonly ExpertPercent[];
  /** Trim depth k (trimmedMean only). */
  trim?: number;
  /** The agreed percent (consensus only). */
  consensus?: number;
}

export interface StageItemResult {
  stageId: string;
  combined: CombinedPercent;
  /** points × percent, in hundredths of a point. */
  score: Rational;
}

export interface ItemResult {
  itemId: string;
  categoryId: string;
  kind: NodeKind;
  points: number;
  /** Stage-weighted percent (the single stage's percent when there is one stage). */
  percent: Rational;
  /** Hundredths of a point: Σ weight × stage score / 100. */
  score: Rational;
  stages: readonly StageItemResult[];
}

export interface CategoryResult {
  categoryId: string;
  kind: NodeKind;
  points: number;
  itemIds: readonly string[];
  /** Hundredths of a point. */
  score: Rational;
}

export interface StageTotal {
  stageId: string;
  weightPercent: number;
  /** Unweighted total of this stage, hundredths of a point. */
  total: Rational;
}

/** Every figure in hundredths of a point (divide by 100 for points; formatPoints does it). */
export interface ApplicantResult {
  applicantId: string;
  frameworkCode: string;
  frameworkVersion: string;
  method: AggregationMethod;
  /** The framework's maximum, in points (1000 for GB/T 19580). */
  maxPoints: number;
  items: readonly ItemResult[];
  categories: readonly CategoryResult[];
  process: Rational;
  results: Rational;
  total: Rational;
  stageTotals: readonly StageTotal[];
}
