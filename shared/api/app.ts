import { z } from 'zod';
import { channel } from './define';
import { emptyInput, languageSchema, workspaceRoleSchema } from './schemas';

export const appInfoSchema = z.object({
  version: z.string(),
  role: workspaceRoleSchema,
  workspaceId: z.string(),
  workspacePath: z.string(),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const settingsSchema = z.object({ language: languageSchema });
export type Settings = z.infer<typeof settingsSchema>;

export const appChannels = {
  'app.info': channel(emptyInput, appInfoSchema),
  'settings.get': channel(emptyInput, settingsSchema),
  'settings.update': channel(settingsSchema.partial().strict(), settingsSchema),
};
