import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, withoutControlChars } from './schemas';
import { uploadedFileSchema } from './frameworks';

const messageSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const attachmentSchema = z.object({
  id: idSchema,
  itemId: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: isoTimestamp,
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const applicationViewSchema = z.object({
  applicantId: idSchema,
  cycleId: idSchema,
  frameworkId: z.string(),
  profile: z.string(),
  items: z.array(z.object({ itemId: z.string(), narrative: z.string(), selfPercent: z.number().int().nullable(), updatedAt: isoTimestamp })),
  attachments: z.array(attachmentSchema),
  counts: z.object({ profile: z.number().int(), total: z.number().int(), items: z.record(z.string(), z.number().int()) }),
  limit: z.number().int().nullable(),
  completeness: z.array(messageSchema.extend({ kind: z.string(), itemId: z.string().optional() })),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

const narrativeText = withoutControlChars(z.string().max(1_000_000, { error: 'errors.field.tooLong' }));
const applicantRef = z.object({ applicantId: idSchema }).strict();

export const applicationChannels = {
  'applications.get': channel(applicantRef, applicationViewSchema),
  /** Autosave targets: each keystroke burst saves one field, so nothing typed is lost. */
  'applications.saveProfile': channel(z.object({ applicantId: idSchema, profile: narrativeText }).strict(), z.object({ savedAt: isoTimestamp })),
  'applications.saveItem': channel(
    z
      .object({
        applicantId: idSchema,
        itemId: withoutControlChars(z.string().min(1).max(40)),
        narrative: narrativeText,
        selfPercent: z.number().int().min(0).max(100).nullable(),
      })
      .strict(),
    z.object({ savedAt: isoTimestamp }),
  ),
  'attachments.add': channel(
    uploadedFileSchema.extend({ applicantId: idSchema, itemId: withoutControlChars(z.string().min(1).max(40)).nullable() }).strict(),
    z.object({ attachment: attachmentSchema, deduplicated: z.boolean() }),
  ),
  'attachments.remove': channel(z.object({ attachmentId: idSchema }).strict(), z.object({ removed: z.boolean() })),
  /** The bytes for the system viewer (Electron) or a download (browser host); never executed. */
  'attachments.content': channel(z.object({ attachmentId: idSchema }).strict(), z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() })),
};
