import { z } from 'zod';
import { channel } from './define';
import { emptyInput, isoTimestamp, textField, withoutControlChars, workspaceRoleSchema } from './schemas';
import { cycleYear } from './cycles';

export const workspaceSummarySchema = z.object({
  id: z.string(),
  path: z.string(),
  role: workspaceRoleSchema,
  /** The office's default workspace, or the organisation an enterprise workspace belongs to. */
  title: z.string(),
  lastOpenedAt: isoTimestamp,
  current: z.boolean(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

export const workspaceChannels = {
  'workspaces.current': channel(emptyInput, workspaceSummarySchema),
  /** Workspaces this machine has opened, newest first; only these can be switched to from the UI. */
  'workspaces.recent': channel(emptyInput, z.array(workspaceSummarySchema)),
  /** One click from the start screen: a new enterprise workspace holding one application, opened at once. */
  'workspaces.createEnterprise': channel(
    z.object({ organisationName: textField(200), cycleName: textField(200), year: cycleYear }).strict(),
    workspaceSummarySchema,
  ),
  'workspaces.switch': channel(z.object({ workspaceId: withoutControlChars(z.string().min(1).max(64)) }).strict(), workspaceSummarySchema),
};
