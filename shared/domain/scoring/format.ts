import { integer, toDecimalString, type Rational } from './rational';

function asRational(value: Rational | number): Rational {
  return typeof value === 'number' ? integer(value) : value;
}

/**
 * Display text for a score held in hundredths of a point: 525 → "5.25", 185000/3 → "616.67".
 * Rounds half away from zero, and only here: sums are always taken over exact values first.
 */
export function formatPoints(hundredths: Rational | number, decimals = 2): string {
  return toDecimalString(asRational(hundredths), decimals, { shift: 2 });
}

/** Display text for an exact percent, without trailing zeros: 60 → "60", 185/3 → "61.67". */
export function formatPercent(percent: Rational | number, decimals = 2): string {
  return toDecimalString(asRational(percent), decimals, { trimZeros: true });
}
