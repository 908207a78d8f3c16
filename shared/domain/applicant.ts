/**
 * The applicant (申报单位) record, its validation and its status in the award cycle.
 *
 * Money: `revenue` is an integer number of 万元 (10,000 yuan), the unit of Chinese application
 * forms (营业收入（万元）); sub-万元 precision is never needed to judge an award.
 */
import { z } from 'zod';
import type { FieldError, Message } from '../api/errors';
import { issuesToFieldErrors } from '../api/issues-to-field-errors';
import { withoutControlChars } from '../api/schemas';
import { creditCodeSchema } from './credit-code';
import { INCIDENT_KINDS, isoDateSchema, type EligibilityFacts } from './eligibility';
import { industrySchema } from './industries';

// --- zod issues → translated field errors -------------------------------------------------------

export { messageFromIssue } from '../api/issues-to-field-errors';

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return issuesToFieldErrors(error.issues).map((field) => (field.path === '(input)' ? { ...field, path: '' } : field));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, fields: fieldErrorsFromZod(parsed.error) };
}

// --- Field schemas --------------------------------------------------------------------------------

const REQUIRED = 'applicants.validation.required';

export const requiredText = (max: number) =>
  withoutControlChars(
    z
      .string({ error: REQUIRED })
      .trim()
      .min(1, { error: REQUIRED })
      .max(max, { error: 'applicants.validation.tooLong' }),
  );

const optionalText = (max: number) =>
  withoutControlChars(z.string({ error: 'applicants.validation.invalidType' }).trim().max(max, { error: 'applicants.validation.tooLong' }));

const count = (max: number) =>
  z
    .int({ error: (issue) => (issue.input === undefined || issue.input === null ? REQUIRED : 'applicants.validation.integer') })
    .min(0, { error: 'applicants.validation.tooSmall' })
    .max(max, { error: 'applicants.validation.tooBig' });

/** Province-level prefixes of GB/T 2260 codes (including 71 Taiwan, 81 Hong Kong, 82 Macao). */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]);

export const areaCodeSchema = z
  .string({ error: 'applicants.validation.areaCode' })
  .trim()
  .refine((v) => /^\d{6}$/.test(v) && PROVINCE_PREFIXES.has(v.slice(0, 2)), { error: 'applicants.validation.areaCode' });

/** Landlines with area code, mobiles, +86 prefixes and extensions (转/ext/x/#). */
const PHONE = /^\+?[0-9(][0-9()\- ]{3,22}[0-9](?:\s*(?:转|ext\.?|x|#)\s*\d{1,6})?$/i;
const isPhone = (v: string) => PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5;

export const contactSchema = z.object({
  name: requiredText(50),
  phone: z
    .string({ error: REQUIRED })
    // Full-width digits and brackets come from Chinese input methods.
    .overwrite((v) => v.normalize('NFKC').trim())
    .min(1, { error: REQUIRED })
    .refine(isPhone, { error: 'applicants.validation.phone' }),
  /** Optional: empty string when the applicant gave none. */
  email: optionalText(254)
    .default('')
    .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'applicants.validation.email' }),
});
export type Contact = z.output<typeof contactSchema>;

export const incidentSchema = z.object({
  date: isoDateSchema,
  kind: z.enum(INCIDENT_KINDS, { error: 'applicants.validation.incidentKind' }),
  major: z.boolean({ error: 'applicants.validation.boolean' }),
  description: optionalText(500).default(''),
});
export type Incident = z.output<typeof incidentSchema>;

export const OWNERSHIP_TYPES = ['stateOwned', 'private', 'foreignInvested', 'collective', 'mixed', 'other'] as const;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

export const MAX_CONTACTS = 10;

export const applicantSchema = z.object({
  /** Full legal name as registered (it is printed on the certificate). */
  legalName: requiredText(200),
  creditCode: creditCodeSchema,
  industry: industrySchema,
  /** Free text, e.g. 福州市鼓楼区. */
  region: requiredText(100),
  /** GB/T 2260 six-digit administrative area code, when known. */
  areaCode: areaCodeSchema.nullable().default(null),
  ownership: z.enum(OWNERSHIP_TYPES, { error: 'applicants.validation.ownership' }),
  employees: count(10_000_000),
  /** 万元, see the file comment. */
  revenue: count(Number.MAX_SAFE_INTEGER),
  registrationDate: isoDateSchema,
  yearsPractisingExcellence: count(100),
  incidents: z.array(incidentSchema).max(100, { error: 'applicants.validation.tooMany' }).default([]),
  /** Cycle years in which this applicant already won the award (for the re-application rule). */
  previousAwardYears: z
    .array(z.int({ error: 'applicants.validation.year' }).min(1900, { error: 'applicants.validation.year' }).max(2200, { error: 'applicants.validation.year' }))
    .max(50, { error: 'applicants.validation.tooMany' })
    .default([]),
  contacts: z
    .array(contactSchema)
    .min(1, { error: 'applicants.validation.contactRequired' })
    .max(MAX_CONTACTS, { error: 'applicants.validation.tooMany' }),
});

export type ApplicantInput = z.input<typeof applicantSchema>;
export type Applicant = z.output<typeof applicantSchema>;

export function parseApplicant(input: unknown): Parsed<Applicant> {
  return parseWith(applicantSchema, input);
}

export function eligibilityFacts(applicant: Applicant): EligibilityFacts {
  return {
    registrationDate: applicant.registrationDate,
    yearsPractisingExcellence: applicant.yearsPractisingExcellence,
    incidents: applicant.incidents,
    previousAwardYears: applicant.previousAwardYears,
    employees: applicant.employees,
    revenue: applicant.revenue,
  };
}

export function ownershipLabel(ownership: OwnershipType): Message {
  return { key: `applicants.ownership.${ownership}` };
}

export function incidentKindLabel(kind: Incident['kind']): Message {
  return { key: `applicants.incidentKind.${kind}` };
}

// --- Status machine ---------------------------------------------------------------------------------

export const APPLICANT_STATUSES = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'documentReview',
  'siteVisit',
  'decided',
] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

/**
 * Allowed moves. Besides the main path:
 * - submitted → draft: the office returns an incomplete application for correction (补正);
 * - documentReview → decided: not shortlisted for the site visit, decided on the document review.
 * ineligible and decided are final.
 */
export const APPLICANT_TRANSITIONS: Readonly<Record<ApplicantStatus, readonly ApplicantStatus[]>> = Object.freeze({
  draft: ['submitted'],
  submitted: ['eligible', 'ineligible', 'draft'],
  eligible: ['documentReview'],
  ineligible: [],
  documentReview: ['siteVisit', 'decided'],
  siteVisit: ['decided'],
  decided: [],
});

export function isApplicantStatus(value: unknown): value is ApplicantStatus {
  return typeof value === 'string' && (APPLICANT_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: ApplicantStatus, to: ApplicantStatus): boolean {
  return APPLICANT_TRANSITIONS[from]?.includes(to) ?? false;
}

export function nextStatuses(from: ApplicantStatus): readonly ApplicantStatus[] {
  return APPLICANT_TRANSITIONS[from] ?? [];
}

export function isFinalStatus(status: ApplicantStatus): boolean {
  return nextStatuses(status).length === 0;
}

export function statusLabel(status: ApplicantStatus): Message {
  return { key: `applicants.status.${status}` };
}

/** Refusal for a move that is not allowed, for an AppError('conflict', ...); params are status ids. */
export function transitionRefusal(from: ApplicantStatus, to: ApplicantStatus): Message {
  return { key: 'applicants.status.transitionRefused', params: { from, to } };
}
