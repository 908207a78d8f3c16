import type { Hundredths, IsoDate, Translate } from './types';
import { chineseNumeralDate } from './chinese-numerals';

/** 525 → "5.25": hundredths of a point shown with two decimals, no floating-point step. */
export function formatPoints(value: Hundredths): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`score must be an integer in hundredths: ${value}`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Share of the maximum in percent, for charts only (float is fine there). */
export function percentOfMax(score: Hundredths, maxPoints: number): number {
  return maxPoints > 0 ? score / maxPoints : 0;
}

/** Percent of max with one decimal, rounded half up on integers: 61250 of 1000 → "61.3". */
export function formatPercentOfMax(score: Hundredths, maxPoints: number): string {
  if (maxPoints <= 0) return '0.0';
  // score / maxPoints is the percent; ×10 for one decimal, computed on integers.
  const tenths = Math.floor((score * 10 * 2 + maxPoints) / (2 * maxPoints));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** GB/Z 19579 scoring bands, used to report a result without its exact points. */
const BANDS: readonly (readonly [number, number])[] = [
  [0, 5],
  [10, 25],
  [30, 45],
  [50, 65],
  [70, 85],
  [90, 100],
];

export function percentBand(percent: number): { low: number; high: number } {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100 || percent % 5 !== 0) {
    throw new RangeError(`percent must be 0..100 in steps of 5: ${percent}`);
  }
  const band = BANDS.find(([low, high]) => percent >= low && percent <= high)!;
  return { low: band[0], high: band[1] };
}

export function formatBand(percent: number): string {
  const { low, high } = percentBand(percent);
  return `${low}–${high}%`;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(iso: IsoDate): DateParts {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function toDate(iso: IsoDate): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  return date;
}

function dateParams(t: Translate, iso: IsoDate): Record<string, unknown> {
  const parts = dateParts(iso);
  return {
    ...parts,
    monthName: t(`common.months.m${parts.month}`),
    chineseMonth: chineseNumeralDate(parts.year, parts.month),
    chineseDay: chineseNumeralDate(parts.year, parts.month, parts.day),
  };
}

/** Full date in the document language: 2026年11月21日 / 21 November 2026. */
export function formatDate(t: Translate, iso: IsoDate): string {
  return t('common.date', dateParams(t, iso));
}

/** Month and year as certificates write them: 二〇二六年十一月 / November 2026. */
export function formatCertificateDate(t: Translate, iso: IsoDate): string {
  return t('certificate.date', dateParams(t, iso));
}
