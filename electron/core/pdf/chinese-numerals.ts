/** Dates written the way Chinese official documents write them: 二〇二六年十一月. */

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Year digit by digit, as on certificates: 2026 → 二〇二六. */
export function chineseYear(year: number): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  return [...String(year)].map((d) => DIGITS[Number(d)]).join('');
}

/** Counting form for 1..99 as used for months and days: 10 → 十, 11 → 十一, 21 → 二十一. */
export function chineseCount(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) throw new RangeError(`value out of range: ${value}`);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensPart + (ones === 0 ? '' : DIGITS[ones]);
}

/** 2026, 11 → 二〇二六年十一月; with a day: 二〇二六年十一月二十一日. */
export function chineseNumeralDate(year: number, month: number, day?: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month out of range: ${month}`);
  const head = `${chineseYear(year)}年${chineseCount(month)}月`;
  if (day === undefined) return head;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth) throw new RangeError(`day out of range: ${day}`);
  return `${head}${chineseCount(day)}日`;
}
