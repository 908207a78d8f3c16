export {
  DEFAULT_FRAMEWORK_CODE,
  FRAMEWORK_SCHEMA_VERSION,
  frameworkSchema,
  type Framework,
  type FrameworkCategory,
  type FrameworkItem,
  type ItemPart,
  type LocalizedText,
  type NodeKind,
  type PercentScale,
  type ScoringBand,
} from './schema';
export { parseFramework } from './parse';
export {
  bandFor,
  findItem,
  indexFramework,
  itemsByKind,
  maxPoints,
  maxPointsByKind,
  percentChoices,
  scoredItems,
  type CategoryInfo,
  type FrameworkIndex,
  type ScoredItem,
} from './helpers';
export { canonicalFrameworkJson, canonicalJson, type FingerprintScope } from './canonical';
