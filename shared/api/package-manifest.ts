/**
 * The manifest of a signed package file (see docs/packages.md). It is the only part of a package
 * that is signed: every payload file is bound to it by path, size and SHA-256, so a verified
 * manifest vouches for the whole package. Shared so that the UI can show what a package contains.
 *
 * The reader parses these bytes from untrusted files, so every field is bounded and every object
 * is strict: an unknown key is a different (unsigned-by-us) format, not something to ignore.
 */
import { z } from 'zod';
import { idSchema, isoTimestamp } from './schemas';
import { isValidCreditCode } from '../domain/credit-code';

export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_KINDS = ['submission', 'review', 'scores'] as const;
export const packageKindSchema = z.enum(PACKAGE_KINDS);
export type PackageKind = z.infer<typeof packageKindSchema>;

/** SHA-256 of the raw 32-byte Ed25519 public key, hex, first 32 characters (128 bits). */
export const keyIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
/** A raw 32-byte Ed25519 public key in standard base64. */
export const rawPublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/);
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const uuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
/** 32 random bytes, base64url without padding. */
export const enrolmentSecretSchema = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);
/** HMAC-SHA256, hex. */
export const enrolmentProofSchema = sha256HexSchema;

const shortText = (max: number) => z.string().min(1).max(max);
/** Sequence numbers and sizes stay exact in a double. */
const safeCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Payload paths are relative to the package's `files/` folder, '/'-separated (rules: entry-path.ts). */
export const packageFileSchema = z
  .object({
    path: shortText(4096),
    size: safeCount,
    sha256: sha256HexSchema,
  })
  .strict();
export type PackageFile = z.infer<typeof packageFileSchema>;

/** Enterprise → office: an application for one award cycle. */
export const submissionHeaderSchema = z
  .object({
    applicant: z
      .object({
        name: shortText(200),
        creditCode: z.string().refine(isValidCreditCode),
      })
      .strict(),
    /** Stable across re-submissions of the same application, so the office can supersede the old one. */
    submissionId: uuidSchema,
  })
  .strict();

/**
 * Office → expert: the assignment. The office public key travels as the manifest's senderPublicKey;
 * the enrolment secret lets the expert workspace made from this package prove itself later.
 */
export const reviewHeaderSchema = z
  .object({
    expert: z.object({ name: shortText(200), workspaceId: idSchema }).strict(),
    enrolment: z.object({ enrolmentId: uuidSchema, secret: enrolmentSecretSchema }).strict(),
    applicantCount: safeCount,
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();

/** Expert → office: scores for the applicants of one review package. */
export const scoresHeaderSchema = z
  .object({
    /** Binds the sender's public key to the enrolment secret of the review package (trust.ts). */
    enrolment: z.object({ enrolmentId: uuidSchema, proof: enrolmentProofSchema }).strict(),
    /** packageId of the review package these scores answer. */
    reviewPackageId: uuidSchema,
    /** false for a progress save the office may overwrite, true for the expert's final submission. */
    final: z.boolean(),
  })
  .strict();

const baseShape = {
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  packageId: uuidSchema,
  cycleId: idSchema,
  senderWorkspaceId: idSchema,
  senderKeyId: keyIdSchema,
  senderPublicKey: rawPublicKeySchema,
  createdAt: isoTimestamp,
  /** Strictly increasing per sender workspace and kind; the receiver refuses anything not above the last accepted. */
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  files: z.array(packageFileSchema).max(1_000_000),
};

export const packageManifestSchema = z.discriminatedUnion('kind', [
  z.object({ ...baseShape, kind: z.literal('submission'), header: submissionHeaderSchema }).strict(),
  z.object({ ...baseShape, kind: z.literal('review'), header: reviewHeaderSchema }).strict(),
  z.object({ ...baseShape, kind: z.literal('scores'), header: scoresHeaderSchema }).strict(),
]);
export type PackageManifest = z.infer<typeof packageManifestSchema>;
export type SubmissionHeader = z.infer<typeof submissionHeaderSchema>;
export type ReviewHeader = z.infer<typeof reviewHeaderSchema>;
export type ScoresHeader = z.infer<typeof scoresHeaderSchema>;
export type PackageHeader<K extends PackageKind> = Extract<PackageManifest, { kind: K }>['header'];
export type ManifestOf<K extends PackageKind> = Extract<PackageManifest, { kind: K }>;

export const headerSchemas = {
  submission: submissionHeaderSchema,
  review: reviewHeaderSchema,
  scores: scoresHeaderSchema,
} as const;
