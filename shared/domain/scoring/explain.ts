import { AppError, type Message } from '../../api/errors';
import type { NodeKind } from '../frameworks';
import { formatPercent, formatPoints } from './format';
import { rationalToString, type Rational } from './rational';
import type { ApplicantResult, CombinedPercent, ExpertPercent, ItemResult, StageItemResult } from './types';

/**
 * How a number was derived, as data: `key` names a sentence in the scoring namespace that states
 * the method and formula, `params` fills it with display figures (and `exact`, the exact fraction),
 * `inputs` lists the figures that went in, `parts` the sub-derivations. UI and reports render it;
 * nothing here is display text.
 */
export interface Explanation {
  key: string;
  params: Record<string, string | number>;
  value?: Rational;
  inputs: readonly Message[];
  parts: readonly Explanation[];
}

const K = 'scoring.explain.';

export function explanation(
  key: string,
  params: Record<string, string | number>,
  value?: Rational,
  inputs: readonly Message[] = [],
  parts: readonly Explanation[] = [],
): Explanation {
  const out: Explanation = { key: K + key, params, inputs, parts };
  if (value !== undefined) {
    out.value = value;
    if (!('exact' in params)) out.params = { ...params, exact: rationalToString(value) };
  }
  return out;
}

function expertInput(expert: ExpertPercent, dropped = false): Message {
  return {
    key: K + (dropped ? 'input.expertDropped' : 'input.expertPercent'),
    params: { expertId: expert.expertId, percent: expert.percent },
  };
}

function list(experts: readonly ExpertPercent[]): string {
  return experts.map((e) => e.percent).join(' + ');
}

/** How one stage's experts became the panel percent for an item. */
export function explainCombinedPercent(combined: CombinedPercent, itemId: string, stageId: string): Explanation {
  const percent = formatPercent(combined.percent);
  const base = { itemId, stageId, percent };
  const count = combined.experts.length;
  switch (combined.method) {
    case 'consensus':
      return explanation('percent.consensus', { ...base, count }, combined.percent, combined.experts.map((e) => expertInput(e)));
    case 'mean':
      return explanation('percent.mean', { ...base, count, terms: list(combined.used) }, combined.percent, combined.experts.map((e) => expertInput(e)));
    case 'median':
      return explanation(
        combined.used.length === 1 ? 'percent.medianOdd' : 'percent.medianEven',
        { ...base, count, middle: combined.used.map((e) => e.percent).join(', ') },
        combined.percent,
        combined.experts.map((e) => expertInput(e)),
      );
    case 'trimmedMean': {
      const dropped = new Set(combined.dropped.map((e) => e.expertId));
      return explanation(
        'percent.trimmedMean',
        { ...base, count, trim: combined.trim ?? 0, remaining: combined.used.length, terms: list(combined.used) },
        combined.percent,
        combined.experts.map((e) => expertInput(e, dropped.has(e.expertId))),
      );
    }
  }
}

export function explainStageItem(stageItem: StageItemResult, item: Pick<ItemResult, 'itemId' | 'points'>): Explanation {
  return explanation(
    'stageItemScore',
    {
      itemId: item.itemId,
      stageId: stageItem.stageId,
      points: item.points,
      percent: formatPercent(stageItem.combined.percent),
      score: formatPoints(stageItem.score),
    },
    stageItem.score,
    [],
    [explainCombinedPercent(stageItem.combined, item.itemId, stageItem.stageId)],
  );
}

function findItemResult(result: ApplicantResult, itemId: string): ItemResult {
  const item = result.items.find((i) => i.itemId === itemId);
  if (!item) throw new AppError('notFound', 'scoring.error.unknownItem', { itemId, applicantId: result.applicantId, framework: result.frameworkCode });
  return item;
}

function weightOf(result: ApplicantResult, stageId: string): number {
  return result.stageTotals.find((s) => s.stageId === stageId)?.weightPercent ?? 0;
}

/** An item's score: points × percent for one stage, or the stage-weighted sum. */
export function explainItem(result: ApplicantResult, itemId: string): Explanation {
  const item = findItemResult(result, itemId);
  const stageParts = item.stages.map((stage) => explainStageItem(stage, item));
  if (item.stages.length === 1 && weightOf(result, item.stages[0]!.stageId) === 100) {
    return explanation(
      'itemScore',
      { itemId, points: item.points, percent: formatPercent(item.percent), score: formatPoints(item.score) },
      item.score,
      [],
      stageParts[0]!.parts,
    );
  }
  const terms = item.stages.map((stage) => `${weightOf(result, stage.stageId)}% × ${formatPoints(stage.score)}`).join(' + ');
  return explanation(
    'itemWeighted',
    { itemId, points: item.points, terms, percent: formatPercent(item.percent), score: formatPoints(item.score) },
    item.score,
    [],
    stageParts,
  );
}

function itemInputs(items: readonly ItemResult[]): Message[] {
  return items.map((i) => ({ key: K + 'input.itemScore', params: { itemId: i.itemId, points: i.points, score: formatPoints(i.score) } }));
}

export function explainCategory(result: ApplicantResult, categoryId: string): Explanation {
  const category = result.categories.find((c) => c.categoryId === categoryId);
  if (!category) throw new AppError('notFound', 'scoring.error.unknownCategory', { categoryId, framework: result.frameworkCode });
  const items = result.items.filter((i) => i.categoryId === categoryId);
  return explanation(
    'categoryScore',
    { categoryId, max: category.points, items: items.length, score: formatPoints(category.score) },
    category.score,
    itemInputs(items),
  );
}

export function explainSubtotal(result: ApplicantResult, kind: NodeKind): Explanation {
  const items = result.items.filter((i) => i.kind === kind);
  const value = kind === 'process' ? result.process : result.results;
  const max = items.reduce((s, i) => s + i.points, 0);
  return explanation('subtotal.' + kind, { max, items: items.length, score: formatPoints(value) }, value, itemInputs(items));
}

/** The total: the sum of its categories, and (with several stages) the weighted stage totals. */
export function explainTotal(result: ApplicantResult): Explanation {
  const categories = result.categories.map((c) => explainCategory(result, c.categoryId));
  const parts: Explanation[] = [...categories];
  if (result.stageTotals.length > 1 || result.stageTotals.some((s) => s.weightPercent !== 100)) {
    parts.push(
      explanation(
        'totalWeighted',
        {
          terms: result.stageTotals.map((s) => `${s.weightPercent}% × ${formatPoints(s.total)}`).join(' + '),
          total: formatPoints(result.total),
        },
        result.total,
        result.stageTotals.map((s) => ({
          key: K + 'input.stageTotal',
          params: { stageId: s.stageId, weightPercent: s.weightPercent, total: formatPoints(s.total) },
        })),
      ),
    );
  }
  return explanation(
    'total',
    {
      applicantId: result.applicantId,
      method: result.method.kind,
      max: result.maxPoints,
      total: formatPoints(result.total),
      process: formatPoints(result.process),
      results: formatPoints(result.results),
    },
    result.total,
    [],
    parts,
  );
}
