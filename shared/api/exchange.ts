/**
 * Package exchange between workspaces (docs/packages.md): an enterprise hands in its submission, the
 * office sends each expert a review package, the expert returns scores. Files never travel as paths:
 * the host stores an incoming file and passes an `uploadId`; an outgoing file is a `downloadId` that
 * the host delivers (HTTP download or the native save dialog).
 */
import { z } from 'zod';
import { channel } from './define';
import { emptyInput, idSchema, isoTimestamp } from './schemas';
import { packageKindSchema } from './package-manifest';
import { workspaceSummarySchema } from './workspaces';
import { STAGE_IDS } from '../domain/cycle-settings';

/** 16 random bytes, base64url: names a file in the workspace's intake folders, nothing else. */
export const intakeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'exchange.upload.unknown' });

export const exchangeStageSchema = z.enum(STAGE_IDS);

export const downloadSchema = z.object({
  downloadId: intakeIdSchema,
  fileName: z.string(),
  bytes: z.number().int(),
  packageId: z.string(),
  sequence: z.number().int(),
});
export type Download = z.infer<typeof downloadSchema>;

const counts = z.object({
  applicants: z.number().int(),
  items: z.number().int(),
  attachments: z.number().int(),
  scores: z.number().int(),
  comments: z.number().int(),
  submittedSheets: z.number().int(),
});

/** What an import changed; `alreadyImported` means the very same file had been imported before and nothing changed. */
export const importSummarySchema = z.object({
  outcome: z.enum(['imported', 'alreadyImported']),
  kind: packageKindSchema,
  packageId: z.string(),
  /** The cycle in this workspace the package went into. */
  cycleId: idSchema,
  sequence: z.number().int(),
  senderWorkspaceId: z.string(),
  /** keyFingerprint of the signer, to compare by phone. */
  senderFingerprint: z.string(),
  /** The signer's key was pinned by this import (first contact, or a key change the office confirmed). */
  keyPinned: z.boolean(),
  applicant: z.object({ id: idSchema, name: z.string(), creditCode: z.string(), created: z.boolean() }).nullable(),
  expert: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** Submission: the version this import recorded for the application. */
  version: z.number().int().nullable(),
  stage: exchangeStageSchema.nullable(),
  /** Scores: the expert's final delivery (every assigned sheet submitted). */
  final: z.boolean().nullable(),
  counts,
  at: isoTimestamp,
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const exchangeHistoryEntrySchema = z.object({
  id: idSchema,
  direction: z.enum(['import', 'export']),
  kind: packageKindSchema,
  packageId: z.string(),
  cycleId: z.string(),
  sequence: z.number().int(),
  fileName: z.string(),
  /** Who the package is about: the applicant, or the expert. */
  subject: z.string(),
  version: z.number().int().nullable(),
  at: isoTimestamp,
  actor: z.string(),
});
export type ExchangeHistoryEntry = z.infer<typeof exchangeHistoryEntrySchema>;

export const exchangeIdentitySchema = z.object({
  workspaceId: z.string(),
  /** This workspace's signing key; null until the first package is written or read that needs it. */
  keyFingerprint: z.string().nullable(),
  /** Expert workspace: whom it scores as, and the office key it trusts. */
  expert: z.object({ id: idSchema, name: z.string(), cycleId: idSchema, cycleName: z.string(), officeFingerprint: z.string() }).nullable(),
  /** Expert workspace: the stages it has assignments in. */
  stages: z.array(exchangeStageSchema),
});

export const exchangeChannels = {
  /** Enterprise workspace: its one application as a signed package; refused with the list of what is missing. */
  'exchange.exportSubmission': channel(z.object({ applicantId: idSchema }).strict(), downloadSchema),
  /** Office: one expert's assignments in a cycle, with the materials, the frozen criteria and a fresh enrolment. */
  'exchange.exportReview': channel(
    z.object({ cycleId: idSchema, expertId: idSchema, dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    downloadSchema.extend({ applicantCount: z.number().int() }),
  ),
  /** Expert workspace: the expert's sheets of one stage; final when every one is submitted. */
  'exchange.exportScores': channel(z.object({ stage: exchangeStageSchema }).strict(), downloadSchema.extend({ final: z.boolean(), sheets: z.number().int() })),
  /**
   * Verifies and imports an uploaded package; its kind is read from the verified manifest. A refusal
   * leaves the workspace exactly as it was. `targetCycleId` picks the office cycle for a submission;
   * `confirmKeyChange` accepts a new enterprise key for an applicant after the office checked it.
   */
  'exchange.import': channel(
    z.object({ uploadId: intakeIdSchema, targetCycleId: idSchema.optional(), confirmKeyChange: z.boolean().optional() }).strict(),
    importSummarySchema,
  ),
  /** Imports and exports of this workspace, newest first. */
  'exchange.history': channel(emptyInput, z.array(exchangeHistoryEntrySchema)),
  'exchange.identity': channel(emptyInput, exchangeIdentitySchema),
  /** Start page: a review package becomes a new expert workspace (opened at once) holding only that expert's assignments. */
  'workspaces.createExpertFromPackage': channel(
    z.object({ uploadId: intakeIdSchema }).strict(),
    z.object({ workspace: workspaceSummarySchema, summary: importSummarySchema }),
  ),
};

