import { AppError } from '../../api/errors';
import { indexFramework, type Framework, type FrameworkIndex } from '../frameworks';
import { combineExpertPercents } from './aggregate';
import { isValidPercent, itemScore, validatePercent } from './item-score';
import { add, divideInt, multiplyInt, sum, ZERO, type Rational } from './rational';
import { resolveScoringRules, type ResolvedScoringRules } from './rules';
import type {
  ApplicantResult,
  ApplicantScores,
  CategoryResult,
  CycleScoringRules,
  ExpertPercent,
  ItemResult,
  StageItemResult,
  StageScores,
  StageTotal,
  StageWeight,
} from './types';

function invalid(key: string, path: string, params: Record<string, string | number>): AppError {
  const fullKey = `scoring.error.${key}`;
  return new AppError('validation', fullKey, params, [{ path, key: fullKey, params }]);
}

/**
 * Scores one applicant: per stage, each item's experts are combined by the cycle's method into an
 * exact percent, the item score is points × percent (hundredths of a point), and stages are
 * weighted item by item. Because weighting is linear, the total equals Σ weight × stage total / 100
 * exactly — stageTotals carries the per-stage figures for that second reading.
 */
export function computeApplicantResult(
  framework: Framework,
  scores: ApplicantScores,
  rules: CycleScoringRules | ResolvedScoringRules,
): ApplicantResult {
  const resolved = resolveScoringRules(rules);
  const index = indexFramework(framework);
  const weights = stageWeightsFor(scores, resolved);

  const stageResults = new Map<string, StageItemResult[]>();
  for (const weight of weights) {
    const stageIndex = scores.stages.findIndex((stage) => stage.stageId === weight.stageId);
    if (stageIndex < 0) continue; // a 0 % stage that did not take place
    stageResults.set(weight.stageId, scoreStage(framework, index, scores.applicantId, scores.stages[stageIndex]!, stageIndex, resolved));
  }

  const items: ItemResult[] = index.items.map((item, position) => {
    if (weights.length === 1) {
      // One stage at 100 %: its figures are the item's (skips two exact multiplications per item).
      const only = stageResults.get(weights[0]!.stageId)![position]!;
      return { itemId: item.id, categoryId: item.categoryId, kind: item.kind, points: item.points, percent: only.combined.percent, score: only.score, stages: [only] };
    }
    const stages: StageItemResult[] = [];
    let percent: Rational = ZERO;
    let score: Rational = ZERO;
    for (const weight of weights) {
      const stageItem = stageResults.get(weight.stageId)?.[position];
      if (!stageItem) continue;
      stages.push(stageItem);
      percent = add(percent, multiplyInt(stageItem.combined.percent, weight.weightPercent));
      score = add(score, multiplyInt(stageItem.score, weight.weightPercent));
    }
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      kind: item.kind,
      points: item.points,
      percent: divideInt(percent, 100),
      score: divideInt(score, 100),
      stages,
    };
  });

  const byId = new Map(items.map((item) => [item.itemId, item]));
  const categories: CategoryResult[] = index.categories.map((category) => ({
    categoryId: category.id,
    kind: category.kind,
    points: category.points,
    itemIds: category.itemIds,
    score: sum(category.itemIds.map((id) => byId.get(id)!.score)),
  }));
  const stageTotals: StageTotal[] = weights
    .filter((weight) => stageResults.has(weight.stageId))
    .map((weight) => ({
      stageId: weight.stageId,
      weightPercent: weight.weightPercent,
      total: sum(stageResults.get(weight.stageId)!.map((stageItem) => stageItem.score)),
    }));

  return {
    applicantId: scores.applicantId,
    frameworkCode: framework.code,
    frameworkVersion: framework.version,
    method: resolved.aggregation,
    maxPoints: framework.total,
    items,
    categories,
    process: sum(items.filter((item) => item.kind === 'process').map((item) => item.score)),
    results: sum(items.filter((item) => item.kind === 'results').map((item) => item.score)),
    total: sum(items.map((item) => item.score)),
    stageTotals,
  };
}

function stageWeightsFor(scores: ApplicantScores, rules: ResolvedScoringRules): readonly StageWeight[] {
  const { applicantId, stages } = scores;
  const seen = new Set<string>();
  stages.forEach((stage, s) => {
    if (seen.has(stage.stageId)) throw invalid('stageDuplicate', `stages.${s}.stageId`, { applicantId, stageId: stage.stageId });
    seen.add(stage.stageId);
  });
  if (rules.stageWeights === undefined) {
    if (stages.length !== 1) {
      throw invalid('stageWeightsRequired', 'stages', { applicantId, stages: stages.map((s) => s.stageId).join(', ') || '-' });
    }
    return [{ stageId: stages[0]!.stageId, weightPercent: 100 }];
  }
  const weighted = new Set(rules.stageWeights.map((w) => w.stageId));
  stages.forEach((stage, s) => {
    if (!weighted.has(stage.stageId)) throw invalid('unknownStage', `stages.${s}.stageId`, { applicantId, stageId: stage.stageId });
  });
  for (const weight of rules.stageWeights) {
    if (weight.weightPercent > 0 && !seen.has(weight.stageId)) {
      throw invalid('stageMissing', 'stages', { applicantId, stageId: weight.stageId, weightPercent: weight.weightPercent });
    }
  }
  return rules.stageWeights;
}

/** One stage's item results, in the framework's item order. */
function scoreStage(
  framework: Framework,
  index: FrameworkIndex,
  applicantId: string,
  stage: StageScores,
  stageIndex: number,
  rules: ResolvedScoringRules,
): StageItemResult[] {
  const { stageId } = stage;
  const byItem = new Map<string, ExpertPercent[]>();
  stage.expertScores.forEach((entry, i) => {
    const path = () => `stages.${stageIndex}.expertScores.${i}`;
    if (!index.itemById.has(entry.itemId)) {
      throw invalid('unknownItem', `${path()}.itemId`, { applicantId, stageId, itemId: entry.itemId, framework: framework.code });
    }
    if (!isValidPercent(framework.scale, entry.percent)) {
      validatePercent(framework.scale, entry.percent, { itemId: entry.itemId, expertId: entry.expertId, applicantId, stageId, path: `${path()}.percent` });
    }
    let list = byItem.get(entry.itemId);
    if (!list) byItem.set(entry.itemId, (list = []));
    for (const other of list) {
      if (other.expertId === entry.expertId) {
        throw invalid('duplicateScore', path(), { applicantId, stageId, itemId: entry.itemId, expertId: entry.expertId });
      }
    }
    list.push({ expertId: entry.expertId, percent: entry.percent });
  });
  const consensus = stage.consensus ?? {};
  for (const [itemId, percent] of Object.entries(consensus)) {
    const path = `stages.${stageIndex}.consensus.${itemId}`;
    if (!index.itemById.has(itemId)) throw invalid('unknownItem', path, { applicantId, stageId, itemId, framework: framework.code });
    validatePercent(framework.scale, percent, { itemId, applicantId, stageId, path });
  }
  return index.items.map((item) => {
    const combined = combineExpertPercents(byItem.get(item.id) ?? [], rules.aggregation, {
      consensus: consensus[item.id],
      minExperts: rules.minExperts,
      context: { itemId: item.id, applicantId, stageId },
    });
    return { stageId, combined, score: itemScore(item.points, combined.percent) };
  });
}

/** The same scores with one expert's entries removed (for leave-one-out sensitivity). */
export function withoutExpert(scores: ApplicantScores, expertId: string): ApplicantScores {
  return {
    applicantId: scores.applicantId,
    stages: scores.stages.map((stage) => ({
      ...stage,
      expertScores: stage.expertScores.filter((entry) => entry.expertId !== expertId),
    })),
  };
}
