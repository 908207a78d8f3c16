import { z } from 'zod';
import { channel } from './define';
import { emptyInput, idSchema, isoTimestamp, withoutControlChars } from './schemas';
import { frameworkSchema } from '../domain/frameworks/schema';

export const frameworkIdSchema = z.string().regex(/^sha256:[a-f0-9]{64}$/, { error: 'errors.field.invalidId' });

export const frameworkSummarySchema = z.object({
  id: frameworkIdSchema,
  code: z.string(),
  version: z.string(),
  revision: z.number().int(),
  names: frameworkSchema.shape.names,
  total: z.number().int(),
  itemCount: z.number().int(),
  source: z.enum(['builtIn', 'json', 'xlsx']),
  importedAt: isoTimestamp,
  /** Cycles using this exact version; frozen ones already hold scores. */
  usedBy: z.array(z.object({ cycleId: idSchema, cycleName: z.string(), frozen: z.boolean() })),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;

export const frameworkDetailSchema = frameworkSummarySchema.extend({ framework: frameworkSchema, scoringFingerprint: z.string() });
export type FrameworkDetail = z.infer<typeof frameworkDetailSchema>;

/**
 * What an import did: 'added' a new version, 'revised' (the file's revision was already stored with
 * other content, so it became the next revision), or found the same content already stored.
 */
export const frameworkImportResultSchema = frameworkSummarySchema.extend({
  outcome: z.enum(['added', 'revised', 'existing']),
  fileRevision: z.number().int(),
});
export type FrameworkImportResult = z.infer<typeof frameworkImportResultSchema>;

/** Files travel as base64 so the same channel works over Electron IPC and the browser host. */
export const uploadedFileSchema = z.object({
  fileName: withoutControlChars(z.string().trim().min(1, { error: 'errors.field.required' }).max(255, { error: 'errors.field.tooLong' })),
  contentBase64: z.string().max(70_000_000, { error: 'errors.file.tooLarge' }).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.file.notBase64' }),
});

export const frameworkChannels = {
  'frameworks.list': channel(emptyInput, z.array(frameworkSummarySchema)),
  'frameworks.get': channel(z.object({ id: frameworkIdSchema }).strict(), frameworkDetailSchema),
  /** An office's own variant, from JSON or an .xlsx sheet; the same content imported twice is one version, an edit a new one. */
  'frameworks.import': channel(uploadedFileSchema.strict(), frameworkImportResultSchema),
};
