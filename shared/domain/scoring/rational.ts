import { AppError } from '../../api/errors';

/**
 * An exact fraction, always reduced with a positive denominator, so two equal values have equal
 * fields and `===` on both members is equality. Plain numbers (not bigint) keep results
 * JSON-serialisable across IPC; every operation that might leave the safe-integer range redoes the
 * work in bigint and, if the reduced result still does not fit, refuses instead of rounding.
 *
 * Scores never pass through floating point before display: a mean of 3 experts is 185/3 percent,
 * not 61.666…
 */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export const ZERO: Rational = Object.freeze({ num: 0, den: 1 });

const safe = Number.isSafeInteger;

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function notExact(num: number | bigint, den: number | bigint): AppError {
  return new AppError('internal', 'scoring.error.notExact', { num: String(num), den: String(den) });
}

export function rational(num: number, den = 1): Rational {
  if (!safe(num) || !safe(den) || den === 0) throw notExact(num, den);
  if (num === 0) return ZERO;
  const sign = den < 0 ? -1 : 1;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

function fromBig(num: bigint, den: bigint): Rational {
  if (den === 0n) throw notExact(num, den);
  if (num === 0n) return ZERO;
  const sign = den < 0n ? -1n : 1n;
  const g = bigGcd(num, den);
  const n = (sign * num) / g;
  const d = (sign * den) / g;
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  if (n > max || n < -max || d > max) throw notExact(n, d);
  return { num: Number(n), den: Number(d) };
}

export function integer(value: number): Rational {
  return rational(value, 1);
}

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) {
    const n = a.num + b.num;
    if (safe(n)) return a.den === 1 ? (n === 0 ? ZERO : { num: n, den: 1 }) : rational(n, a.den);
  }
  const x = a.num * b.den;
  const y = b.num * a.den;
  const d = a.den * b.den;
  if (safe(x) && safe(y) && safe(d) && safe(x + y)) return rational(x + y, d);
  return fromBig(BigInt(a.num) * BigInt(b.den) + BigInt(b.num) * BigInt(a.den), BigInt(a.den) * BigInt(b.den));
}

export function negate(a: Rational): Rational {
  return a.num === 0 ? ZERO : { num: -a.num, den: a.den };
}

export function subtract(a: Rational, b: Rational): Rational {
  return add(a, negate(b));
}

export function multiply(a: Rational, b: Rational): Rational {
  const n = a.num * b.num;
  const d = a.den * b.den;
  if (safe(n) && safe(d)) return rational(n, d);
  return fromBig(BigInt(a.num) * BigInt(b.num), BigInt(a.den) * BigInt(b.den));
}

export function multiplyInt(a: Rational, k: number): Rational {
  return multiply(a, integer(k));
}

export function divideInt(a: Rational, k: number): Rational {
  if (!safe(k) || k === 0) throw notExact(a.num, k);
  return multiply(a, rational(1, k));
}

export function sum(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** -1, 0 or 1, exactly (cross-multiplied, in bigint when needed). */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  if (a.den === b.den) return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
  const x = a.num * b.den;
  const y = b.num * a.den;
  if (safe(x) && safe(y)) return x < y ? -1 : x > y ? 1 : 0;
  const bx = BigInt(a.num) * BigInt(b.den);
  const by = BigInt(b.num) * BigInt(a.den);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function isInteger(a: Rational): boolean {
  return a.den === 1;
}

export function minOf(values: readonly Rational[]): Rational | undefined {
  return values.reduce<Rational | undefined>((m, v) => (m === undefined || compare(v, m) < 0 ? v : m), undefined);
}

export function maxOf(values: readonly Rational[]): Rational | undefined {
  return values.reduce<Rational | undefined>((m, v) => (m === undefined || compare(v, m) > 0 ? v : m), undefined);
}

/** For charts and statistics only: never feed the result back into a score. */
export function toNumber(a: Rational): number {
  return a.num / a.den;
}

/** "185/3", or "60" for an integer: the exact form shown in explanations and stored in fixtures. */
export function rationalToString(a: Rational): string {
  return a.den === 1 ? String(a.num) : `${a.num}/${a.den}`;
}

export function parseRational(text: string): Rational {
  const match = /^\s*(-?\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(text);
  if (!match) throw new AppError('validation', 'scoring.error.notARational', { text });
  return rational(Number(match[1]), match[2] === undefined ? 1 : Number(match[2]));
}

/**
 * Decimal text of num/den rounded half away from zero to `decimals` places, computed in bigint so
 * display rounding is the only rounding that ever happens.
 */
export function toDecimalString(
  a: Rational,
  decimals: number,
  options: { trimZeros?: boolean; /** divide by 10^shift first (2: hundredths → units) */ shift?: number } = {},
): string {
  const scale = 10n ** BigInt(decimals);
  const negative = a.num < 0;
  const num = BigInt(Math.abs(a.num)) * scale;
  const den = BigInt(a.den) * 10n ** BigInt(options.shift ?? 0);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  const digits = q.toString().padStart(decimals + 1, '0');
  let text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  if (options.trimZeros && decimals > 0) text = text.replace(/\.?0+$/, '');
  return negative && q !== 0n ? `-${text}` : text;
}
