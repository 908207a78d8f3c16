import { AppError } from '../../api/errors';
import { add, divideInt, integer, rational, type Rational } from './rational';
import type { AggregationMethod, CombinedPercent, ExpertPercent } from './types';

export interface CombineOptions {
  /** The panel's agreed percent for this item (consensus only; validated by the caller). */
  consensus?: number | undefined;
  /** Fewest experts needed for mean / median / trimmed mean (default 1). */
  minExperts?: number;
  /** Where this item sits, so a refusal can name it. */
  context: { itemId: string; applicantId?: string; stageId?: string };
}

/** Ascending by percent, ties by expert id: the result never depends on the order experts came in. */
export function sortExpertPercents(experts: readonly ExpertPercent[]): ExpertPercent[] {
  return [...experts].sort((a, b) =>
    a.percent !== b.percent ? a.percent - b.percent : a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0,
  );
}

function contextParams(context: CombineOptions['context']): Record<string, string> {
  const params: Record<string, string> = { itemId: context.itemId };
  if (context.applicantId !== undefined) params.applicantId = context.applicantId;
  if (context.stageId !== undefined) params.stageId = context.stageId;
  return params;
}

function refuse(key: string, context: CombineOptions['context'], params: Record<string, number>): AppError {
  return new AppError('refused', `scoring.error.${key}`, { ...contextParams(context), ...params });
}

function meanOf(values: readonly ExpertPercent[]): Rational {
  let total = 0;
  for (const value of values) total += value.percent;
  return rational(total, values.length);
}

/** Combines one item's expert percentages for one stage into the panel's percentage, exactly. */
export function combineExpertPercents(
  experts: readonly ExpertPercent[],
  method: AggregationMethod,
  options: CombineOptions,
): CombinedPercent {
  const sorted = sortExpertPercents(experts);
  if (method.kind === 'consensus') {
    if (options.consensus === undefined) throw refuse('consensusMissing', options.context, {});
    return {
      method: 'consensus',
      percent: integer(options.consensus),
      experts: sorted,
      used: [],
      dropped: [],
      consensus: options.consensus,
    };
  }
  const minimum = Math.max(1, options.minExperts ?? 1);
  if (sorted.length < minimum) {
    throw refuse('tooFewExperts', options.context, { count: sorted.length, minimum });
  }
  switch (method.kind) {
    case 'mean':
      return { method: 'mean', percent: meanOf(sorted), experts: sorted, used: sorted, dropped: [] };
    case 'median': {
      const n = sorted.length;
      const middle = n % 2 === 1 ? sorted.slice((n - 1) / 2, (n + 1) / 2) : sorted.slice(n / 2 - 1, n / 2 + 1);
      const percent =
        middle.length === 1 ? integer(middle[0]!.percent) : divideInt(add(integer(middle[0]!.percent), integer(middle[1]!.percent)), 2);
      return { method: 'median', percent, experts: sorted, used: middle, dropped: [] };
    }
    case 'trimmedMean': {
      const k = method.trim;
      const minRemaining = method.minRemaining ?? 1;
      const remaining = sorted.length - 2 * k;
      if (remaining < Math.max(1, minRemaining)) {
        throw refuse('trimLeavesTooFew', options.context, {
          experts: sorted.length,
          trim: k,
          remaining,
          minimum: Math.max(1, minRemaining),
        });
      }
      const used = sorted.slice(k, sorted.length - k);
      const dropped = [...sorted.slice(0, k), ...sorted.slice(sorted.length - k)];
      return { method: 'trimmedMean', percent: meanOf(used), experts: sorted, used, dropped, trim: k };
    }
  }
}
