/**
 * The scoring engine: pure functions over plain data. Percentages are integers on the framework's
 * step; scores are exact (hundredths of a point as reduced fractions) and only formatPoints /
 * formatPercent round, for display.
 */
export type {
  AggregationKind,
  AggregationMethod,
  ApplicantResult,
  ApplicantScores,
  CategoryResult,
  CombinedPercent,
  CycleScoringRules,
  ExpertItemScore,
  ExpertPercent,
  ItemResult,
  StageItemResult,
  StageScores,
  StageTotal,
  StageWeight,
  TierRule,
  TierThreshold,
} from './types';
export { DEFAULT_DISAGREEMENT_THRESHOLD, DEFAULT_SCORING_RULES } from './types';
export {
  add,
  compare,
  divideInt,
  equals,
  integer,
  isInteger,
  maxOf,
  minOf,
  multiply,
  multiplyInt,
  negate,
  parseRational,
  rational,
  rationalToString,
  subtract,
  sum,
  toDecimalString,
  toNumber,
  ZERO,
  type Rational,
} from './rational';
export { formatPercent, formatPoints } from './format';
export { isValidPercent, itemScore, itemScoreHundredths, validatePercent, type PercentContext } from './item-score';
export { resolveScoringRules, type ResolvedScoringRules } from './rules';
export { combineExpertPercents, sortExpertPercents, type CombineOptions } from './aggregate';
export { computeApplicantResult, withoutExpert } from './applicant-result';
export { analyseDisagreement, populationStandardDeviation, type DisagreementReport, type ItemDisagreement } from './disagreement';
export { raterSeverity, type ExpertSeverity, type NormalisedScore, type SeverityReport } from './severity';
export { rankApplicants, type RankedApplicant, type RankInput } from './ranking';
export {
  assignTiers,
  thresholdHundredths,
  type QuotaTie,
  type TieredApplicant,
  type TierOutcome,
  type TierResult,
} from './tiers';
export { outcomeOf, scoreCycle, type CycleOutcome } from './cycle';
export {
  leaveOneExpertOut,
  totalSwing,
  type ApplicantSensitivity,
  type SensitivityReport,
  type SensitivityScenario,
} from './sensitivity';
export {
  explainCategory,
  explainCombinedPercent,
  explainItem,
  explainStageItem,
  explainSubtotal,
  explainTotal,
  type Explanation,
} from './explain';
export { explainDisagreement, explainRank, explainSensitivity, explainSeverity, explainTier } from './explain-standing';
