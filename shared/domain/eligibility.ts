/**
 * Eligibility rules of an award cycle (资格审查) and the date arithmetic they need.
 * Everything is pure: the caller passes the reference date (usually the application deadline),
 * so results are reproducible and never depend on the machine's clock or time zone.
 */
import { z } from 'zod';
import { AppError, type Message } from '../api/errors';

// --- ISO calendar dates -----------------------------------------------------------------------

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function parseIsoDate(value: string): DateParts | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

export function formatIsoDate({ year, month, day }: DateParts): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Valid ISO dates order like strings; returns <0, 0 or >0. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const isoDateSchema = z
  .string({ error: 'applicants.validation.required' })
  .trim()
  .refine(isIsoDate, { error: 'applicants.validation.isoDate' });

function requireDate(value: IsoDate, field: string): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new AppError('validation', 'applicants.validation.isoDate', { field });
  return parts;
}

/**
 * Completed years from `from` to `to` (negative when `to` is earlier). A year is complete on the
 * anniversary; when the anniversary does not exist (29 February) the last day of that month
 * counts, as the Civil Code (民法典 art. 201–202) reckons periods.
 */
export function fullYearsBetween(from: IsoDate, to: IsoDate): number {
  const a = requireDate(from, 'from');
  const b = requireDate(to, 'to');
  if (compareIsoDates(to, from) < 0) {
    const back = fullYearsBetween(to, from);
    return back === 0 ? 0 : -back; // never -0, which would leak into messages
  }
  let years = b.year - a.year;
  const anniversaryDay = Math.min(a.day, daysInMonth(b.year, a.month));
  if (b.month < a.month || (b.month === a.month && b.day < anniversaryDay)) years -= 1;
  return years;
}

// --- Rules ------------------------------------------------------------------------------------

const years = z.int({ error: 'applicants.validation.integer' }).min(0, { error: 'applicants.validation.tooSmall' }).max(100, { error: 'applicants.validation.tooBig' });
const amount = z.int({ error: 'applicants.validation.integer' }).min(0, { error: 'applicants.validation.tooSmall' });

/** Each rule is switched off by null. Revenue is in 万元 (10,000 yuan), as on Chinese application forms. */
export const eligibilityRulesSchema = z.object({
  minYearsRegistered: years.nullable(),
  minYearsPractisingExcellence: years.nullable(),
  incidentFreeYears: years.nullable(),
  reapplyAfterYears: years.nullable(),
  minEmployees: amount.nullable(),
  minRevenue: amount.nullable(),
});

export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = Object.freeze({
  minYearsRegistered: 3,
  minYearsPractisingExcellence: 2,
  incidentFreeYears: 3,
  reapplyAfterYears: 5,
  minEmployees: null,
  minRevenue: null,
});

export const INCIDENT_KINDS = ['quality', 'safety', 'environmental'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface DeclaredIncident {
  date: IsoDate;
  kind: IncidentKind;
  /** Only major incidents (重大质量、安全、环境事故) bar an applicant. */
  major: boolean;
}

export interface EligibilityFacts {
  registrationDate: IsoDate;
  yearsPractisingExcellence: number;
  incidents: readonly DeclaredIncident[];
  /** Cycle years in which the applicant already won this award. */
  previousAwardYears: readonly number[];
  employees?: number | null;
  /** 万元 */
  revenue?: number | null;
}

export const ELIGIBILITY_RULE_IDS = [
  'registeredYears',
  'practisingExcellence',
  'noMajorIncident',
  'reapplyInterval',
  'minEmployees',
  'minRevenue',
] as const;
export type EligibilityRuleId = (typeof ELIGIBILITY_RULE_IDS)[number];

export interface EligibilityRuleResult {
  rule: EligibilityRuleId;
  passed: boolean;
  reason: Message;
}

function result(rule: EligibilityRuleId, passed: boolean, key: string, params?: Message['params']): EligibilityRuleResult {
  return { rule, passed, reason: { key: `applicants.eligibility.${rule}.${key}`, ...(params ? { params } : {}) } };
}

/**
 * Evaluate every active rule (those not null) against the applicant's facts as of `asOf`.
 * Boundaries: exactly N completed years passes; an incident exactly N years before `asOf` is no
 * longer "in the last N years"; a winner of year Y may re-apply in cycles dated Y + N or later.
 */
export function checkEligibility(facts: EligibilityFacts, rules: EligibilityRules, asOf: IsoDate): EligibilityRuleResult[] {
  const asOfParts = requireDate(asOf, 'asOf');
  const results: EligibilityRuleResult[] = [];

  if (rules.minYearsRegistered !== null) {
    const required = rules.minYearsRegistered;
    if (!isIsoDate(facts.registrationDate)) {
      results.push(result('registeredYears', false, 'unknown', { required }));
    } else {
      const registered = Math.max(0, fullYearsBetween(facts.registrationDate, asOf));
      const ok = compareIsoDates(facts.registrationDate, asOf) <= 0 && registered >= required;
      results.push(result('registeredYears', ok, ok ? 'passed' : 'failed', { years: registered, required, since: facts.registrationDate }));
    }
  }

  if (rules.minYearsPractisingExcellence !== null) {
    const required = rules.minYearsPractisingExcellence;
    const practising = facts.yearsPractisingExcellence;
    const ok = practising >= required;
    results.push(result('practisingExcellence', ok, ok ? 'passed' : 'failed', { years: practising, required }));
  }

  if (rules.incidentFreeYears !== null) {
    const window = rules.incidentFreeYears;
    // Incidents dated after asOf are counted too: they are certainly "recent".
    const recent = facts.incidents
      .filter((incident) => incident.major && isIsoDate(incident.date) && fullYearsBetween(incident.date, asOf) < window)
      .map((incident) => incident.date)
      .sort(compareIsoDates);
    if (recent.length === 0) results.push(result('noMajorIncident', true, 'passed', { years: window }));
    else results.push(result('noMajorIncident', false, 'failed', { years: window, count: recent.length, lastDate: recent[recent.length - 1]! }));
  }

  if (rules.reapplyAfterYears !== null) {
    const required = rules.reapplyAfterYears;
    if (facts.previousAwardYears.length === 0) {
      results.push(result('reapplyInterval', true, 'neverAwarded', { required }));
    } else {
      const lastYear = Math.max(...facts.previousAwardYears);
      const yearsSince = asOfParts.year - lastYear;
      const ok = yearsSince >= required;
      results.push(
        result('reapplyInterval', ok, ok ? 'passed' : 'failed', { lastYear, yearsSince, required, earliestYear: lastYear + required }),
      );
    }
  }

  if (rules.minEmployees !== null) {
    const required = rules.minEmployees;
    const employees = facts.employees;
    if (employees === undefined || employees === null) results.push(result('minEmployees', false, 'missing', { required }));
    else {
      const ok = employees >= required;
      results.push(result('minEmployees', ok, ok ? 'passed' : 'failed', { employees, required }));
    }
  }

  if (rules.minRevenue !== null) {
    const required = rules.minRevenue;
    const revenue = facts.revenue;
    if (revenue === undefined || revenue === null) results.push(result('minRevenue', false, 'missing', { required }));
    else {
      const ok = revenue >= required;
      results.push(result('minRevenue', ok, ok ? 'passed' : 'failed', { revenue, required }));
    }
  }

  return results;
}

export function isEligible(results: readonly EligibilityRuleResult[]): boolean {
  return results.every((r) => r.passed);
}
