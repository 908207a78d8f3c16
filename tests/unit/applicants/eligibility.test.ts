import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ELIGIBILITY_RULES,
  checkEligibility,
  daysInMonth,
  eligibilityRulesSchema,
  formatIsoDate,
  fullYearsBetween,
  isEligible,
  isIsoDate,
  type EligibilityFacts,
  type EligibilityRules,
} from '../../../shared/domain/eligibility';
import { AppError } from '../../../shared/api/errors';

const AS_OF = '2026-06-30';

/** An applicant that passes every default rule with room to spare. */
const good: EligibilityFacts = {
  registrationDate: '2010-01-01',
  yearsPractisingExcellence: 5,
  incidents: [],
  previousAwardYears: [],
  employees: 500,
  revenue: 20000,
};

const rules = (patch: Partial<EligibilityRules> = {}): EligibilityRules => ({ ...DEFAULT_ELIGIBILITY_RULES, ...patch });
const only = (facts: Partial<EligibilityFacts>, r: Partial<EligibilityRules>, ruleId: string, asOf = AS_OF) =>
  checkEligibility({ ...good, ...facts }, rules(r), asOf).find((x) => x.rule === ruleId)!;

describe('dates', () => {
  it('validates ISO calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
  });

  it('counts completed years, complete on the anniversary', () => {
    expect(fullYearsBetween('2023-06-30', '2026-06-30')).toBe(3);
    expect(fullYearsBetween('2023-06-30', '2026-06-29')).toBe(2);
    expect(fullYearsBetween('2023-07-01', '2026-06-30')).toBe(2);
    expect(fullYearsBetween('2026-06-30', '2026-06-30')).toBe(0);
    expect(fullYearsBetween('2026-07-01', '2026-06-30')).toBe(0);
    expect(fullYearsBetween('2027-06-30', '2026-06-30')).toBe(-1);
  });

  it('completes a year from 29 February on 28 February of a common year (Civil Code reckoning)', () => {
    expect(fullYearsBetween('2020-02-29', '2023-02-27')).toBe(2);
    expect(fullYearsBetween('2020-02-29', '2023-02-28')).toBe(3);
    expect(fullYearsBetween('2020-02-29', '2024-02-28')).toBe(3);
    expect(fullYearsBetween('2020-02-29', '2024-02-29')).toBe(4);
  });

  it('refuses malformed dates', () => {
    expect(() => fullYearsBetween('2020-02-30', AS_OF)).toThrow(AppError);
  });

  it('N years after any date is exactly N completed years, and the day before is N - 1 (property)', () => {
    const date = fc.record({ year: fc.integer({ min: 1950, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const year = start.year + n;
        const anniversary = { year, month: start.month, day: Math.min(start.day, daysInMonth(year, start.month)) };
        const dayBefore =
          anniversary.day > 1
            ? { ...anniversary, day: anniversary.day - 1 }
            : anniversary.month > 1
              ? { year, month: anniversary.month - 1, day: daysInMonth(year, anniversary.month - 1) }
              : { year: year - 1, month: 12, day: 31 };
        expect(fullYearsBetween(formatIsoDate(start), formatIsoDate(anniversary))).toBe(n);
        expect(fullYearsBetween(formatIsoDate(start), formatIsoDate(dayBefore))).toBe(n - 1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('checkEligibility', () => {
  it('passes a good applicant on every default rule, with reasons', () => {
    const results = checkEligibility(good, DEFAULT_ELIGIBILITY_RULES, AS_OF);
    expect(results.map((r) => r.rule)).toEqual(['registeredYears', 'practisingExcellence', 'noMajorIncident', 'reapplyInterval']);
    expect(results.every((r) => r.passed)).toBe(true);
    expect(isEligible(results)).toBe(true);
    expect(results[0]!.reason).toEqual({ key: 'applicants.eligibility.registeredYears.passed', params: { years: 16, required: 3, since: '2010-01-01' } });
  });

  it('registered years: fails with "registered 2 years, needs 3", passes exactly on the third anniversary', () => {
    expect(only({ registrationDate: '2023-07-01' }, {}, 'registeredYears')).toEqual({
      rule: 'registeredYears',
      passed: false,
      reason: { key: 'applicants.eligibility.registeredYears.failed', params: { years: 2, required: 3, since: '2023-07-01' } },
    });
    expect(only({ registrationDate: '2023-06-30' }, {}, 'registeredYears').passed).toBe(true);
    expect(only({ registrationDate: '2023-06-30' }, { minYearsRegistered: 5 }, 'registeredYears').reason.params).toMatchObject({ years: 3, required: 5 });
  });

  it('registered years: a registration after the reference date fails with 0 years', () => {
    const r = only({ registrationDate: '2027-01-01' }, { minYearsRegistered: 0 }, 'registeredYears');
    expect(r.passed).toBe(false);
    expect(r.reason.params).toMatchObject({ years: 0, required: 0 });
  });

  it('registered years: an invalid registration date fails with its own reason', () => {
    expect(only({ registrationDate: '2020-02-30' }, {}, 'registeredYears')).toMatchObject({ passed: false, reason: { key: 'applicants.eligibility.registeredYears.unknown' } });
  });

  it('practising performance excellence: 1 year fails, exactly 2 passes', () => {
    expect(only({ yearsPractisingExcellence: 1 }, {}, 'practisingExcellence')).toEqual({
      rule: 'practisingExcellence',
      passed: false,
      reason: { key: 'applicants.eligibility.practisingExcellence.failed', params: { years: 1, required: 2 } },
    });
    expect(only({ yearsPractisingExcellence: 2 }, {}, 'practisingExcellence').passed).toBe(true);
  });

  it('major incident: one the day after N years ago fails, one exactly N years ago passes', () => {
    const incident = (date: string, major = true) => ({ date, kind: 'safety' as const, major });
    expect(only({ incidents: [incident('2023-07-01')] }, {}, 'noMajorIncident')).toEqual({
      rule: 'noMajorIncident',
      passed: false,
      reason: { key: 'applicants.eligibility.noMajorIncident.failed', params: { years: 3, count: 1, lastDate: '2023-07-01' } },
    });
    expect(only({ incidents: [incident('2023-06-30')] }, {}, 'noMajorIncident').passed).toBe(true);
    expect(only({ incidents: [incident('2025-01-01', false)] }, {}, 'noMajorIncident').passed).toBe(true);
    const many = only({ incidents: [incident('2024-05-01'), incident('2025-02-03'), incident('2010-01-01')] }, {}, 'noMajorIncident');
    expect(many.reason.params).toEqual({ years: 3, count: 2, lastDate: '2025-02-03' });
  });

  it('major incident: one dated after the reference date still counts', () => {
    expect(only({ incidents: [{ date: '2026-08-01', kind: 'quality', major: true }] }, {}, 'noMajorIncident').passed).toBe(false);
  });

  it('re-application: a 2022 winner waits until 2027, a 2021 winner may apply in 2026', () => {
    expect(only({ previousAwardYears: [2016, 2022] }, {}, 'reapplyInterval')).toEqual({
      rule: 'reapplyInterval',
      passed: false,
      reason: { key: 'applicants.eligibility.reapplyInterval.failed', params: { lastYear: 2022, yearsSince: 4, required: 5, earliestYear: 2027 } },
    });
    expect(only({ previousAwardYears: [2021] }, {}, 'reapplyInterval').passed).toBe(true);
    expect(only({}, {}, 'reapplyInterval').reason.key).toBe('applicants.eligibility.reapplyInterval.neverAwarded');
  });

  it('minimum employees and revenue apply only when set, and fail when missing', () => {
    expect(checkEligibility(good, DEFAULT_ELIGIBILITY_RULES, AS_OF).some((r) => r.rule === 'minEmployees' || r.rule === 'minRevenue')).toBe(false);
    expect(only({ employees: 99 }, { minEmployees: 100 }, 'minEmployees')).toEqual({
      rule: 'minEmployees',
      passed: false,
      reason: { key: 'applicants.eligibility.minEmployees.failed', params: { employees: 99, required: 100 } },
    });
    expect(only({ employees: 100 }, { minEmployees: 100 }, 'minEmployees').passed).toBe(true);
    expect(only({ employees: null }, { minEmployees: 100 }, 'minEmployees').reason.key).toBe('applicants.eligibility.minEmployees.missing');
    expect(only({ revenue: 4999 }, { minRevenue: 5000 }, 'minRevenue')).toMatchObject({ passed: false, reason: { params: { revenue: 4999, required: 5000 } } });
    expect(only({ revenue: 5000 }, { minRevenue: 5000 }, 'minRevenue').passed).toBe(true);
    expect(only({ revenue: undefined }, { minRevenue: 5000 }, 'minRevenue').reason.key).toBe('applicants.eligibility.minRevenue.missing');
  });

  it('skips switched-off rules and reports every failing rule at once', () => {
    const off = { minYearsRegistered: null, minYearsPractisingExcellence: null, incidentFreeYears: null, reapplyAfterYears: null };
    expect(checkEligibility(good, rules(off), AS_OF)).toEqual([]);
    const bad: EligibilityFacts = { ...good, registrationDate: '2025-01-01', yearsPractisingExcellence: 0, previousAwardYears: [2025] };
    const results = checkEligibility(bad, DEFAULT_ELIGIBILITY_RULES, AS_OF);
    expect(results.filter((r) => !r.passed).map((r) => r.rule)).toEqual(['registeredYears', 'practisingExcellence', 'reapplyInterval']);
    expect(isEligible(results)).toBe(false);
  });

  it('depends only on its inputs (no clock)', () => {
    expect(checkEligibility(good, DEFAULT_ELIGIBILITY_RULES, '2011-01-01')[0]!.passed).toBe(false);
    expect(checkEligibility(good, DEFAULT_ELIGIBILITY_RULES, '2013-01-01')[0]!.passed).toBe(true);
  });

  it('refuses an invalid reference date', () => {
    expect(() => checkEligibility(good, DEFAULT_ELIGIBILITY_RULES, '2026-02-30')).toThrow(AppError);
  });
});

describe('eligibilityRulesSchema', () => {
  it('accepts the defaults and refuses negative or fractional values with keys', () => {
    expect(eligibilityRulesSchema.parse(DEFAULT_ELIGIBILITY_RULES)).toEqual(DEFAULT_ELIGIBILITY_RULES);
    const parsed = eligibilityRulesSchema.safeParse({ ...DEFAULT_ELIGIBILITY_RULES, minYearsRegistered: -1, minEmployees: 2.5 });
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['minYearsRegistered', 'applicants.validation.tooSmall'],
      ['minEmployees', 'applicants.validation.integer'],
    ]);
  });
});
