import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, textField, emptyInput } from './schemas';

export const cycleSchema = z.object({
  id: idSchema,
  name: z.string(),
  year: z.number().int(),
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

export const cycleChannels = {
  'cycles.list': channel(emptyInput, z.array(cycleSchema)),
  'cycles.create': channel(createCycleInput, cycleSchema),
};
