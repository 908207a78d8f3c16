import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, textField, emptyInput } from './schemas';
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

export const cycleChannels = {
  'cycles.list': channel(emptyInput, z.array(cycleSchema)),
  'cycles.create': channel(createCycleInput, cycleSchema),
  'cycles.get': channel(cycleRef, cycleDetailSchema),
  'cycles.updateSettings': channel(z.object({ cycleId: idSchema, settings: cycleSettingsSchema }).strict(), cycleDetailSchema),
  /** Refused once the cycle holds expert scores: import a new framework version for the next cycle instead. */
  'cycles.setFramework': channel(z.object({ cycleId: idSchema, frameworkId: frameworkIdSchema }).strict(), cycleDetailSchema),
};
