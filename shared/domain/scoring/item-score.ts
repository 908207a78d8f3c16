import { AppError } from '../../api/errors';
import type { PercentScale } from '../frameworks';
import { integer, multiplyInt, type Rational } from './rational';

export function isValidPercent(scale: PercentScale, percent: unknown): percent is number {
  return (
    typeof percent === 'number' &&
    Number.isInteger(percent) &&
    percent >= scale.min &&
    percent <= scale.max &&
    (percent - scale.min) % scale.step === 0
  );
}

export interface PercentContext {
  itemId: string;
  expertId?: string;
  applicantId?: string;
  stageId?: string;
  /** Dotted path into the caller's input, for the field error. */
  path?: string;
}

/** Refuses a percent that is not an integer on the scale (0, 5, … 100), naming where it came from. */
export function validatePercent(scale: PercentScale, percent: unknown, context: PercentContext): number {
  if (isValidPercent(scale, percent)) return percent;
  const params: Record<string, string | number> = {
    itemId: context.itemId,
    percent: typeof percent === 'number' ? percent : String(percent),
    min: scale.min,
    max: scale.max,
    step: scale.step,
  };
  if (context.expertId !== undefined) params.expertId = context.expertId;
  if (context.applicantId !== undefined) params.applicantId = context.applicantId;
  if (context.stageId !== undefined) params.stageId = context.stageId;
  const key = 'scoring.error.percentInvalid';
  throw new AppError('validation', key, params, [{ path: context.path ?? `items.${context.itemId}.percent`, key, params }]);
}

/**
 * Item score for one integer percent, in hundredths of a point: 15 points × 35 % = 525 (= 5.25).
 * Exact by construction: both factors are integers.
 */
export function itemScoreHundredths(points: number, percent: number): number {
  return points * percent;
}

/** Item score for an exact (possibly fractional) percent, in hundredths of a point. */
export function itemScore(points: number, percent: Rational): Rational {
  return multiplyInt(percent, points);
}

export function percentAsRational(percent: number): Rational {
  return integer(percent);
}
