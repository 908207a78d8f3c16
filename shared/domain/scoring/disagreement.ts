import { indexFramework, type Framework } from '../frameworks';
import { sortExpertPercents } from './aggregate';
import { DEFAULT_DISAGREEMENT_THRESHOLD, type ExpertPercent, type StageScores } from './types';

export interface ItemDisagreement {
  itemId: string;
  points: number;
  /** Reading-order position of the item in the framework. */
  order: number;
  experts: readonly ExpertPercent[];
  min: number;
  max: number;
  /** max − min, in percent points. */
  range: number;
  /** Population standard deviation of the percents (an analysis figure, so a float). */
  standardDeviation: number;
  /** range ≥ threshold. */
  flagged: boolean;
  /** range × item points: how many points of the total the disagreement puts at stake. */
  priority: number;
}

export interface DisagreementReport {
  stageId: string;
  threshold: number;
  /** Items that at least one expert scored, in framework order. */
  items: readonly ItemDisagreement[];
  /** Flagged items, most at stake first (priority descending, ties in framework order). */
  agenda: readonly ItemDisagreement[];
}

export function populationStandardDeviation(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) * (v - mean), 0) / values.length;
  return Math.sqrt(variance);
}

/**
 * Where one stage's panel disagrees, for the consensus meeting: each item's range and spread, the
 * items whose range reaches the threshold (default 20 percent points), and an agenda that puts
 * first the disagreements worth the most points (a 30-point range on an 80-point item matters more
 * than on a 10-point one).
 */
export function analyseDisagreement(
  framework: Framework,
  stage: StageScores,
  options: { threshold?: number } = {},
): DisagreementReport {
  const threshold = options.threshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  const index = indexFramework(framework);
  const byItem = new Map<string, ExpertPercent[]>();
  for (const entry of stage.expertScores) {
    let list = byItem.get(entry.itemId);
    if (!list) byItem.set(entry.itemId, (list = []));
    list.push({ expertId: entry.expertId, percent: entry.percent });
  }
  const items: ItemDisagreement[] = [];
  for (const item of index.items) {
    const experts = byItem.get(item.id);
    if (!experts || experts.length === 0) continue;
    const sorted = sortExpertPercents(experts);
    const min = sorted[0]!.percent;
    const max = sorted[sorted.length - 1]!.percent;
    const range = max - min;
    items.push({
      itemId: item.id,
      points: item.points,
      order: item.order,
      experts: sorted,
      min,
      max,
      range,
      standardDeviation: populationStandardDeviation(sorted.map((e) => e.percent)),
      flagged: range >= threshold,
      priority: range * item.points,
    });
  }
  // Array.prototype.sort is stable, and items are already in framework order.
  const agenda = items.filter((item) => item.flagged).sort((a, b) => b.priority - a.priority);
  return { stageId: stage.stageId, threshold, items, agenda };
}
