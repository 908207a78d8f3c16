import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, withoutControlChars } from './schemas';
import { APPLICANT_STATUSES, applicantSchema } from '../domain/applicant';
import { uploadedFileSchema } from './frameworks';

export const applicantStatusSchema = z.enum(APPLICANT_STATUSES);

export const applicantRowSchema = z.object({
  id: idSchema,
  cycleId: idSchema,
  legalName: z.string(),
  creditCode: z.string(),
  section: z.string(),
  division: z.string(),
  region: z.string(),
  status: applicantStatusSchema,
  employees: z.number().int(),
  updatedAt: isoTimestamp,
});
export type ApplicantRow = z.infer<typeof applicantRowSchema>;

const messageSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const eligibilityResultSchema = z.object({
  rule: z.string(),
  passed: z.boolean(),
  reason: messageSchema,
});

export const applicantDetailSchema = applicantRowSchema.extend({
  /** null in a new enterprise workspace until the organisation fills in its facts. */
  record: applicantSchema.nullable(),
  eligibility: z
    .object({
      decision: z.enum(['eligible', 'ineligible']),
      note: z.string(),
      decidedBy: z.string(),
      decidedAt: isoTimestamp,
    })
    .nullable(),
  nextStatuses: z.array(applicantStatusSchema),
});
export type ApplicantDetail = z.infer<typeof applicantDetailSchema>;

export const applicantFilterSchema = z
  .object({
    cycleId: idSchema,
    search: withoutControlChars(z.string().max(200)).optional(),
    status: applicantStatusSchema.optional(),
    section: z.string().max(1).optional(),
    region: withoutControlChars(z.string().max(100)).optional(),
  })
  .strict();

const applicantRef = z.object({ applicantId: idSchema }).strict();

/** `column` is null for an error about a whole row or the whole file. */
export const importErrorSchema = messageSchema.extend({ sheet: z.string(), row: z.number().int(), column: z.string().nullable() });

export const applicantChannels = {
  'applicants.list': channel(applicantFilterSchema, z.array(applicantRowSchema)),
  'applicants.get': channel(applicantRef, applicantDetailSchema),
  'applicants.create': channel(z.object({ cycleId: idSchema, record: applicantSchema }).strict(), applicantDetailSchema),
  'applicants.update': channel(z.object({ applicantId: idSchema, record: applicantSchema }).strict(), applicantDetailSchema),
  'applicants.checkEligibility': channel(applicantRef, z.object({ asOf: z.string(), eligible: z.boolean(), results: z.array(eligibilityResultSchema) })),
  'applicants.decideEligibility': channel(
    z.object({ applicantId: idSchema, decision: z.enum(['eligible', 'ineligible']), note: withoutControlChars(z.string().max(2000)) }).strict(),
    applicantDetailSchema,
  ),
  'applicants.transition': channel(z.object({ applicantId: idSchema, to: applicantStatusSchema }).strict(), applicantDetailSchema),
  /** All rows or none: a bad row is reported with sheet, row and column and nothing is imported. */
  'applicants.importXlsx': channel(
    uploadedFileSchema.extend({ cycleId: idSchema }).strict(),
    z.union([z.object({ ok: z.literal(true), imported: z.number().int() }), z.object({ ok: z.literal(false), errors: z.array(importErrorSchema) })]),
  ),
  'applicants.exportXlsx': channel(z.object({ cycleId: idSchema }).strict(), z.object({ fileName: z.string(), contentBase64: z.string() })),
};
