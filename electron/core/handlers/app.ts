import type { appChannels } from '../../../shared/api/app';
import type { CoreContext } from '../context';
import { getSettings, updateSettings } from '../services/settings';
import { APP_VERSION } from '../version';
import type { AreaHandlers } from './types';

export const appHandlers = (ctx: CoreContext): AreaHandlers<typeof appChannels> => ({
  'app.info': () => ({
    version: APP_VERSION,
    role: ctx.workspace.role,
    workspaceId: ctx.workspace.id,
    workspacePath: ctx.workspace.path,
    schemaVersion: ctx.workspace.schemaVersion,
  }),
  'settings.get': () => getSettings(ctx),
  'settings.update': (input) => updateSettings(ctx, input),
});
