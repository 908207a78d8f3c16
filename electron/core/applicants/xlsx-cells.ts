/**
 * Reading spreadsheet cells as people actually fill them in: numbers typed as text and text typed
 * as numbers, dates as Excel dates, serials or strings (2020-1-5, 2020/01/05, 2020年1月5日),
 * industry codes with or without their names.
 */
import type { CellValue } from 'exceljs';
import type { Message } from '../../../shared/api/errors';
import { formatIsoDate, parseIsoDate } from '../../../shared/domain/eligibility';
import { INDUSTRY_SECTIONS } from '../../../shared/domain/industries';
import { normaliseLabel } from './xlsx-columns';

/** A cell reduced to a plain value; null when empty. */
export type Plain = string | number | boolean | Date | null;

export type CellResult<T> = { ok: true; value: T } | ({ ok: false } & Message);

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(key: string, params?: Message['params']): CellResult<T> => ({ ok: false, key, ...(params ? { params } : {}) });

export function plainValue(value: CellValue): CellResult<Plain> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return ok(trimmed === '' ? null : trimmed);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return ok(value);
  if ('richText' in value) return plainValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return plainValue(value.text);
  if ('error' in value) return fail('applicants.import.formulaError');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result !== null && typeof result === 'object' && 'error' in result) return fail('applicants.import.formulaError');
    return plainValue((result ?? null) as CellValue);
  }
  return ok(null);
}

/** Excel keeps 15 significant digits: a longer number typed into a General cell is already damaged. */
const EXCEL_EXACT_LIMIT = 1e15;

export function textOf(plain: Plain): CellResult<string | null> {
  if (plain === null) return ok(null);
  if (typeof plain === 'string') return ok(plain);
  if (typeof plain === 'number') {
    if (Math.abs(plain) >= EXCEL_EXACT_LIMIT) return fail('applicants.import.numberAsText');
    return ok(String(plain));
  }
  if (typeof plain === 'boolean') return ok(String(plain));
  return ok(isoFromDate(plain));
}

export function integerOf(plain: Plain): CellResult<number | null> {
  if (plain === null) return ok(null);
  if (typeof plain === 'number') return Number.isSafeInteger(plain) ? ok(plain) : fail('applicants.import.invalidNumber');
  if (typeof plain === 'string') {
    const digits = plain.normalize('NFKC').replace(/[,\s]/g, '');
    if (/^\d{1,15}$/.test(digits)) return ok(Number(digits));
  }
  return fail('applicants.import.invalidNumber');
}

function isoFromDate(date: Date): string {
  // exceljs turns date serials into UTC instants; round to the minute against float noise.
  const rounded = new Date(Math.round(date.getTime() / 60_000) * 60_000);
  return formatIsoDate({ year: rounded.getUTCFullYear(), month: rounded.getUTCMonth() + 1, day: rounded.getUTCDate() });
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

export function dateOf(plain: Plain): CellResult<string | null> {
  if (plain === null) return ok(null);
  if (plain instanceof Date) return Number.isNaN(plain.getTime()) ? fail('applicants.import.invalidDate') : ok(isoFromDate(plain));
  if (typeof plain === 'number') {
    if (Number.isInteger(plain) && plain >= 19000101 && plain <= 29991231) return dateOf(String(plain).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'));
    if (plain >= 1 && plain < 2_958_466) return ok(isoFromDate(new Date(EXCEL_EPOCH + Math.floor(plain) * 86_400_000)));
    return fail('applicants.import.invalidDate');
  }
  if (typeof plain === 'string') {
    const m = DATE_TEXT.exec(plain.normalize('NFKC'));
    if (m) {
      const iso = formatIsoDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
      if (parseIsoDate(iso)) return ok(iso);
    }
  }
  return fail('applicants.import.invalidDate');
}

export function booleanCell(plain: Plain, lookup: (label: string) => boolean | undefined): CellResult<boolean | null> {
  if (plain === null) return ok(null);
  if (typeof plain === 'boolean') return ok(plain);
  if (typeof plain === 'number' && (plain === 0 || plain === 1)) return ok(plain === 1);
  if (typeof plain === 'string') {
    const value = lookup(plain);
    if (value !== undefined) return ok(value);
  }
  return fail('applicants.import.invalidBoolean');
}

/** "2018, 2021" / "2018、2021" / 2018 → [2018, 2021]. */
export function yearsOf(plain: Plain): CellResult<number[]> {
  if (plain === null) return ok([]);
  if (typeof plain === 'number') return Number.isInteger(plain) ? ok([plain]) : fail('applicants.import.invalidYears');
  if (typeof plain !== 'string') return fail('applicants.import.invalidYears');
  const parts = plain
    .normalize('NFKC')
    .split(/[,;、，；\s]+/)
    .filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d{4}年?$/.test(p))) return fail('applicants.import.invalidYears');
  return ok(parts.map((p) => Number(p.slice(0, 4))));
}

const sectionByName = new Map<string, string>();
const divisionByName = new Map<string, string>();
for (const section of INDUSTRY_SECTIONS) {
  for (const name of Object.values(section.name)) sectionByName.set(normaliseLabel(name), section.code);
  for (const division of section.divisions) {
    for (const name of Object.values(division.name)) if (!divisionByName.has(normaliseLabel(name))) divisionByName.set(normaliseLabel(name), division.code);
  }
}

/**
 * "C", "C 制造业", "C-Manufacturing" or "制造业" → "C". Anything else is passed through so that
 * validation reports it with the industry's own message.
 */
export function sectionCell(plain: Plain): CellResult<string | null> {
  const text = textOf(plain);
  if (!text.ok || text.value === null) return text;
  const value = text.value.normalize('NFKC').trim();
  const coded = /^([A-Za-z])(?=$|[\s.、:\-_])/.exec(value);
  if (coded) return ok(coded[1]!.toUpperCase());
  return ok(sectionByName.get(normaliseLabel(value)) ?? value);
}

/** 36, "36", "36 汽车制造业", "6" or "汽车制造业" → "36" (a division name shared by two sections resolves to the first). */
export function divisionCell(plain: Plain): CellResult<string | null> {
  if (typeof plain === 'number') return Number.isInteger(plain) && plain >= 0 && plain < 100 ? ok(String(plain).padStart(2, '0')) : ok(String(plain));
  const text = textOf(plain);
  if (!text.ok || text.value === null) return text;
  const value = text.value.normalize('NFKC').trim();
  const coded = /^(\d{1,2})(?!\d)/.exec(value);
  if (coded) return ok(coded[1]!.padStart(2, '0'));
  return ok(divisionByName.get(normaliseLabel(value)) ?? value);
}
