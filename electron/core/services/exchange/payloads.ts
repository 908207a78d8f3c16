/**
 * The JSON files inside each package kind (docs/packages.md §6 and "Workspace exchange"). The reader
 * has already verified every byte against the signed manifest; these schemas decide whether the
 * content makes sense before anything is written. Strict objects: an unknown key is refused.
 */
import { z } from 'zod';
import { idSchema, isoTimestamp } from '../../../../shared/api/schemas';
import { citationSchema } from '../../../../shared/api/scoring-sessions';
import { sha256HexSchema, uuidSchema } from '../../../../shared/api/package-manifest';
import { APPLICANT_STATUSES, applicantSchema } from '../../../../shared/domain/applicant';
import { cycleSettingsSchema, STAGE_IDS } from '../../../../shared/domain/cycle-settings';

export const PAYLOAD_FORMAT_VERSION = 1;

const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const itemId = z.string().min(1).max(40);
const longText = z.string().max(1_000_000);

const applicationItemSchema = z.object({ itemId, narrative: longText, selfPercent: z.number().int().min(0).max(100).nullable() }).strict();

// --- submission: application.json ------------------------------------------------------------------

export const SUBMISSION_APPLICATION_PATH = 'application.json';

export const submissionAttachmentSchema = z
  .object({
    /** Path of the body in the package, relative to files/. */
    path: z.string().min(1).max(4096),
    itemId: itemId.nullable(),
    fileName: z.string().min(1).max(255),
    size,
    sha256: sha256HexSchema,
  })
  .strict();

export const applicationPayloadSchema = z
  .object({
    formatVersion: z.literal(PAYLOAD_FORMAT_VERSION),
    submissionId: uuidSchema,
    /** Content fingerprint of the criteria the enterprise wrote against. */
    frameworkId: z.string().min(1).max(200),
    cycle: z.object({ name: z.string().max(200), year: z.number().int() }).strict(),
    record: applicantSchema,
    profile: longText,
    items: z.array(applicationItemSchema).max(1000),
    attachments: z.array(submissionAttachmentSchema).max(5000),
  })
  .strict();
export type ApplicationPayload = z.infer<typeof applicationPayloadSchema>;

// --- review: review.json -----------------------------------------------------------------------------

export const REVIEW_PATH = 'review.json';
export const REVIEW_FRAMEWORK_PATH = 'criteria/framework.json';
export const REVIEW_BAND_GUIDE_PATH = 'criteria/band-guide.json';

const stage = z.enum(STAGE_IDS);

export const reviewAttachmentSchema = z
  .object({ id: idSchema, itemId: itemId.nullable(), fileName: z.string().min(1).max(255), mediaType: z.string().max(200), size, sha256: sha256HexSchema, path: z.string().min(1).max(4096), createdAt: isoTimestamp })
  .strict();

export const reviewApplicantSchema = z
  .object({
    id: idSchema,
    legalName: z.string().max(200),
    creditCode: z.string().max(18),
    section: z.string().max(1),
    division: z.string().max(4),
    region: z.string().max(100),
    employees: size,
    status: z.enum(APPLICANT_STATUSES),
    record: applicantSchema.nullable(),
    profile: longText,
    items: z.array(applicationItemSchema).max(1000),
    attachments: z.array(reviewAttachmentSchema).max(5000),
  })
  .strict();
export type ReviewApplicant = z.infer<typeof reviewApplicantSchema>;

export const reviewPayloadSchema = z
  .object({
    formatVersion: z.literal(PAYLOAD_FORMAT_VERSION),
    office: z.object({ workspaceId: idSchema, title: z.string().max(200) }).strict(),
    cycle: z.object({ id: idSchema, name: z.string().min(1).max(200), year: z.number().int().min(2000).max(2100), settings: cycleSettingsSchema }).strict(),
    framework: z.object({ id: z.string().min(1).max(200), scoringFingerprint: z.string().min(1).max(200) }).strict(),
    expert: z.object({ id: idSchema, name: z.string().min(1).max(200), organisation: z.string().max(200), workspaceId: idSchema }).strict(),
    panels: z.array(z.object({ id: idSchema, stage, name: z.string().min(1).max(100), isLeader: z.boolean() }).strict()).max(100),
    assignments: z.array(z.object({ panelId: idSchema, applicantId: idSchema }).strict()).max(10_000),
    applicants: z.array(reviewApplicantSchema).max(5000),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  })
  .strict();
export type ReviewPayload = z.infer<typeof reviewPayloadSchema>;

// --- scores: scores.json -----------------------------------------------------------------------------

export const SCORES_PATH = 'scores.json';

const commentSchema = z.object({ id: idSchema, text: z.string().min(1).max(4000), citation: citationSchema.nullable() }).strict();

export const scoresPayloadSchema = z
  .object({
    formatVersion: z.literal(PAYLOAD_FORMAT_VERSION),
    expertId: idSchema,
    cycleId: idSchema,
    stage,
    sheets: z
      .array(
        z
          .object({
            applicantId: idSchema,
            submittedAt: isoTimestamp.nullable(),
            items: z
              .array(
                z
                  .object({
                    itemId,
                    percent: z.number().int().min(0).max(100).nullable(),
                    strengths: z.array(commentSchema).max(50),
                    opportunities: z.array(commentSchema).max(50),
                  })
                  .strict(),
              )
              .max(1000),
          })
          .strict(),
      )
      .max(5000),
  })
  .strict();
export type ScoresPayload = z.infer<typeof scoresPayloadSchema>;
