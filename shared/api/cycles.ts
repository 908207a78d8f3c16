import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, textField, emptyInput, withoutControlChars } from './schemas';
import { cycleSettingsSchema } from '../domain/cycle-settings';
import { frameworkIdSchema } from './frameworks';

export const cycleSchema = z.object({
  id: idSchema,
  name: z.string(),
  year: z.number().int(),
  frameworkId: z.string(),
  frameworkName: z.string(),
  /** Once any expert score exists the framework can no longer change. */
  frameworkFrozen: z.boolean(),
  status: z.enum(['open', 'approved']),
  applicantCount: z.number().int(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Cycle = z.infer<typeof cycleSchema>;

export const cycleYear = z
  .number({ error: 'errors.field.required' })
  .int({ error: 'errors.field.integer' })
  .min(2000, { error: 'errors.field.tooSmall' })
  .max(2100, { error: 'errors.field.tooBig' });

export const createCycleInput = z.object({ name: textField(200), year: cycleYear }).strict();
export type CreateCycleInput = z.infer<typeof createCycleInput>;

export const cycleDetailSchema = cycleSchema.extend({ settings: cycleSettingsSchema });
export type CycleDetail = z.infer<typeof cycleDetailSchema>;
const cycleRef = z.object({ cycleId: idSchema }).strict();

/** The largest seal accepted: a 600 dpi scan of a 45 mm seal is well under this. */
export const MAX_SEAL_BYTES = 1024 * 1024;

/** The office's seal for a cycle's certificates, a PNG with transparency; it travels as base64 like other uploads. */
export const cycleSealSchema = z.object({
  cycleId: idSchema,
  fileName: z.string(),
  contentBase64: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  setBy: z.string(),
  setAt: isoTimestamp,
});
export type CycleSeal = z.infer<typeof cycleSealSchema>;

export const setCycleSealInput = z
  .object({
    cycleId: idSchema,
    fileName: withoutControlChars(z.string().trim().min(1, { error: 'errors.field.required' }).max(255, { error: 'errors.field.tooLong' })),
    contentBase64: z
      .string()
      .max(Math.ceil(MAX_SEAL_BYTES / 3) * 4, { error: 'ui.seal.tooLarge' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'errors.file.notBase64' }),
  })
  .strict();
export type SetCycleSealInput = z.infer<typeof setCycleSealInput>;

export const cycleChannels = {
  'cycles.list': channel(emptyInput, z.array(cycleSchema)),
  'cycles.create': channel(createCycleInput, cycleSchema),
  'cycles.get': channel(cycleRef, cycleDetailSchema),
  'cycles.updateSettings': channel(z.object({ cycleId: idSchema, settings: cycleSettingsSchema }).strict(), cycleDetailSchema),
  /** Refused once the cycle holds expert scores: import a new framework version for the next cycle instead. */
  'cycles.setFramework': channel(z.object({ cycleId: idSchema, frameworkId: frameworkIdSchema }).strict(), cycleDetailSchema),
  /** The seal stamped on certificates printed from the app; null when none was set. */
  'cycles.getSeal': channel(cycleRef, cycleSealSchema.nullable()),
  /** Sets or replaces the seal; refused (nothing changed) unless it is a sound PNG with transparency, or once the results are approved. */
  'cycles.setSeal': channel(setCycleSealInput, cycleSealSchema),
  'cycles.removeSeal': channel(cycleRef, z.object({ removed: z.boolean() })),
};
