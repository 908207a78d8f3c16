import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseCount,
  chineseNumeralDate,
  chineseYear,
  formatBand,
  formatPercentOfMax,
  formatPoints,
  percentBand,
} from '../../../electron/core/pdf';

const DIGIT_VALUES: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Independent reader for the counting form, to check the writer against. */
function readCount(text: string): number {
  if (!text.includes('十')) return DIGIT_VALUES[text]!;
  const [tens, ones] = text.split('十');
  return (tens ? DIGIT_VALUES[tens]! : 1) * 10 + (ones ? DIGIT_VALUES[ones]! : 0);
}

describe('Chinese numeral dates', () => {
  it('writes the certificate forms', () => {
    expect(chineseNumeralDate(2026, 11)).toBe('二〇二六年十一月');
    expect(chineseNumeralDate(2026, 1)).toBe('二〇二六年一月');
    expect(chineseNumeralDate(2030, 10)).toBe('二〇三〇年十月');
    expect(chineseNumeralDate(2026, 12, 31)).toBe('二〇二六年十二月三十一日');
    expect(chineseNumeralDate(2026, 11, 20)).toBe('二〇二六年十一月二十日');
    expect(chineseNumeralDate(2028, 2, 29)).toBe('二〇二八年二月二十九日');
    expect(chineseYear(2000)).toBe('二〇〇〇');
    expect(chineseCount(10)).toBe('十');
    expect(chineseCount(21)).toBe('二十一');
  });

  it('rejects impossible dates', () => {
    expect(() => chineseNumeralDate(2026, 13)).toThrow(RangeError);
    expect(() => chineseNumeralDate(2026, 0)).toThrow(RangeError);
    expect(() => chineseNumeralDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => chineseNumeralDate(2026, 4, 31)).toThrow(RangeError);
    expect(() => chineseNumeralDate(2026.5, 4)).toThrow(RangeError);
  });

  it('reads back to the same year, month and day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const text = chineseNumeralDate(year, month, day);
        const match = /^([〇一二三四五六七八九]{4})年([一二三四五六七八九十]+)月([一二三四五六七八九十]+)日$/.exec(text);
        expect(match).not.toBeNull();
        expect(Number([...match![1]!].map((c) => DIGIT_VALUES[c]).join(''))).toBe(year);
        expect(readCount(match![2]!)).toBe(month);
        expect(readCount(match![3]!)).toBe(day);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('score formatting', () => {
  it('shows hundredths of a point with two decimals', () => {
    expect(formatPoints(525)).toBe('5.25');
    expect(formatPoints(50500)).toBe('505.00');
    expect(formatPoints(5)).toBe('0.05');
    expect(formatPoints(0)).toBe('0.00');
    expect(formatPoints(-150)).toBe('-1.50');
    expect(() => formatPoints(5.5)).toThrow(RangeError);
  });

  it('is exact for every integer score', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (hundredths) => {
        const text = formatPoints(hundredths);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        const negative = text.startsWith('-');
        const [whole, fraction] = text.replace('-', '').split('.');
        const back = (Number(whole) * 100 + Number(fraction)) * (negative ? -1 : 1);
        expect(back).toBe(hundredths);
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds percent of maximum half up to one decimal', () => {
    expect(formatPercentOfMax(50500, 1000)).toBe('50.5');
    expect(formatPercentOfMax(61250, 1000)).toBe('61.3');
    expect(formatPercentOfMax(6050, 110)).toBe('55.0');
    expect(formatPercentOfMax(0, 1000)).toBe('0.0');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 100 }), (max, percent) => {
        // item points × percent is exactly `percent` percent of the maximum
        expect(formatPercentOfMax(max * percent, max)).toBe(`${percent}.0`);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps percentages to the scoring bands', () => {
    expect(formatBand(0)).toBe('0–5%');
    expect(formatBand(5)).toBe('0–5%');
    expect(formatBand(10)).toBe('10–25%');
    expect(formatBand(55)).toBe('50–65%');
    expect(formatBand(85)).toBe('70–85%');
    expect(formatBand(100)).toBe('90–100%');
    expect(() => percentBand(52)).toThrow(RangeError);
    expect(() => percentBand(105)).toThrow(RangeError);
    for (let percent = 0; percent <= 100; percent += 5) {
      const { low, high } = percentBand(percent);
      expect(percent).toBeGreaterThanOrEqual(low);
      expect(percent).toBeLessThanOrEqual(high);
    }
  });
});
