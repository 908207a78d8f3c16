import { describe, expect, it } from 'vitest';
import {
  APPLICANT_STATUSES,
  APPLICANT_TRANSITIONS,
  canTransition,
  eligibilityFacts,
  isApplicantStatus,
  isFinalStatus,
  messageFromIssue,
  nextStatuses,
  ownershipLabel,
  parseApplicant,
  statusLabel,
  type ApplicantInput,
  type ApplicantStatus,
} from '../../../shared/domain/applicant';
import { checkEligibility, DEFAULT_ELIGIBILITY_RULES } from '../../../shared/domain/eligibility';
import samples from '../../fixtures/applicants/sample-applicants.json';

const base = samples[0] as ApplicantInput;
const refusal = (input: unknown) => {
  const parsed = parseApplicant(input);
  if (parsed.ok) throw new Error('expected refusal');
  return parsed.fields;
};

describe('applicant schema', () => {
  it('accepts the sample applicants and normalises codes', () => {
    for (const sample of samples) expect(parseApplicant(sample).ok).toBe(true);
    const parsed = parseApplicant({ ...base, creditCode: ' 91350100m000100y43 ', industry: { section: 'c', division: '34' }, legalName: '  名称  ' });
    expect(parsed.ok && parsed.value).toMatchObject({ creditCode: '91350100M000100Y43', industry: { section: 'C', division: '34' }, legalName: '名称' });
  });

  it('fills defaults for optional lists and the area code', () => {
    const { incidents: _i, previousAwardYears: _p, areaCode: _a, ...rest } = base;
    const parsed = parseApplicant({ ...rest, contacts: [{ name: '张三', phone: '13900000000' }] });
    expect(parsed.ok && parsed.value).toMatchObject({ incidents: [], previousAwardYears: [], areaCode: null, contacts: [{ email: '' }] });
  });

  it('refuses each bad field with its path and key', () => {
    const fields = refusal({
      ...base,
      legalName: ' ',
      creditCode: '91350100M000100Y44',
      industry: { section: 'A', division: '34' },
      areaCode: '990000',
      ownership: 'public',
      employees: -1,
      revenue: 1.5,
      registrationDate: '2020-13-01',
      contacts: [{ name: '李四', phone: 'call me', email: 'not-an-email' }],
    });
    expect(fields).toEqual([
      { path: 'legalName', key: 'applicants.validation.required', params: { min: 1 } },
      { path: 'creditCode', key: 'applicants.creditCode.checksum', params: { expected: '3', actual: '4' } },
      { path: 'industry.division', key: 'applicants.industry.mismatch', params: { section: 'A', division: '34', expectedSection: 'C' } },
      { path: 'areaCode', key: 'applicants.validation.areaCode' },
      { path: 'ownership', key: 'applicants.validation.ownership' },
      { path: 'employees', key: 'applicants.validation.tooSmall', params: { min: 0 } },
      { path: 'revenue', key: 'applicants.validation.integer' },
      { path: 'registrationDate', key: 'applicants.validation.isoDate' },
      { path: 'contacts.0.phone', key: 'applicants.validation.phone' },
      { path: 'contacts.0.email', key: 'applicants.validation.email' },
    ]);
  });

  it('says "required" for missing numbers and needs at least one contact', () => {
    const { employees: _e, ...rest } = base;
    expect(refusal({ ...rest, contacts: [] })).toEqual([
      { path: 'employees', key: 'applicants.validation.required' },
      { path: 'contacts', key: 'applicants.validation.contactRequired', params: { min: 1 } },
    ]);
  });

  it('accepts common phone formats', () => {
    for (const phone of ['0591-87654321', '13800138000', '+86 138 0013 8000', '(0755) 2600-1234', '0591-87654321 转 8012', '021-6543210 ext. 12', '（0591）８７６５４３２１']) {
      expect(parseApplicant({ ...base, contacts: [{ name: 'A', phone }] }).ok, phone).toBe(true);
    }
    for (const phone of ['12', 'abc', '0591-8765432x', '(((-)))1']) expect(parseApplicant({ ...base, contacts: [{ name: 'A', phone }] }).ok, phone).toBe(false);
  });

  it('checks declared incidents', () => {
    expect(refusal({ ...base, incidents: [{ date: '2024-01-01', kind: 'fire', major: 'yes' }] })).toEqual([
      { path: 'incidents.0.kind', key: 'applicants.validation.incidentKind' },
      { path: 'incidents.0.major', key: 'applicants.validation.boolean' },
    ]);
  });

  it('maps unkeyed zod issues to generic keys, never to English text', () => {
    expect(messageFromIssue({ code: 'invalid_type', expected: 'string', path: [], message: 'Invalid input', input: 1 } as never)).toEqual({
      key: 'errors.field.invalidType',
    });
    expect(messageFromIssue({ code: 'too_big', origin: 'array', maximum: 3, inclusive: true, path: [], message: 'Too big', input: [] } as never)).toEqual({
      key: 'errors.field.tooBig',
      params: { max: 3 },
    });
  });

  it('gives eligibility facts that the rules can judge', () => {
    const parsed = parseApplicant(samples[1]);
    if (!parsed.ok) throw new Error('sample should parse');
    const facts = eligibilityFacts(parsed.value);
    expect(facts).toMatchObject({ registrationDate: '1999-11-02', yearsPractisingExcellence: 3, previousAwardYears: [2016, 2019], employees: 540, revenue: 72000 });
    const results = checkEligibility(facts, DEFAULT_ELIGIBILITY_RULES, '2026-06-30');
    expect(results.find((r) => r.rule === 'reapplyInterval')!.passed).toBe(true);
    expect(results.find((r) => r.rule === 'noMajorIncident')!.passed).toBe(true);
    expect(checkEligibility(facts, DEFAULT_ELIGIBILITY_RULES, '2021-06-30').find((r) => r.rule === 'noMajorIncident')!.passed).toBe(false);
  });

  it('labels ownership types with keys', () => {
    expect(ownershipLabel('foreignInvested')).toEqual({ key: 'applicants.ownership.foreignInvested' });
  });
});

describe('status machine', () => {
  const allowed: Array<[ApplicantStatus, ApplicantStatus]> = [
    ['draft', 'submitted'],
    ['submitted', 'eligible'],
    ['submitted', 'ineligible'],
    ['submitted', 'draft'],
    ['eligible', 'documentReview'],
    ['documentReview', 'siteVisit'],
    ['documentReview', 'decided'],
    ['siteVisit', 'decided'],
  ];

  it('allows exactly the listed transitions', () => {
    for (const from of APPLICANT_STATUSES) {
      for (const to of APPLICANT_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
    expect(Object.values(APPLICANT_TRANSITIONS).flat()).toHaveLength(allowed.length);
  });

  it('follows the main path from draft to decided', () => {
    const path: ApplicantStatus[] = ['draft', 'submitted', 'eligible', 'documentReview', 'siteVisit', 'decided'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('never skips eligibility or moves backwards after review starts', () => {
    expect(canTransition('draft', 'eligible')).toBe(false);
    expect(canTransition('submitted', 'documentReview')).toBe(false);
    expect(canTransition('siteVisit', 'documentReview')).toBe(false);
    expect(canTransition('decided', 'draft')).toBe(false);
    expect(canTransition('ineligible', 'eligible')).toBe(false);
  });

  it('knows final states, next states and labels', () => {
    expect(APPLICANT_STATUSES.filter(isFinalStatus)).toEqual(['ineligible', 'decided']);
    expect(nextStatuses('submitted')).toEqual(['eligible', 'ineligible', 'draft']);
    expect(statusLabel('siteVisit')).toEqual({ key: 'applicants.status.siteVisit' });
    expect(isApplicantStatus('decided')).toBe(true);
    expect(isApplicantStatus('approved')).toBe(false);
    expect(canTransition('approved' as ApplicantStatus, 'decided')).toBe(false);
  });
});
