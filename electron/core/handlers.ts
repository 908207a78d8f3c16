import type { CallContext, ChannelName, ChannelOutput, ParsedInput } from '../../shared/api/contract';
import type { CoreContext } from './context';
import { getSettings, updateSettings } from './services/settings';
import { createCycle, listCycles } from './services/cycles';
import { APP_VERSION } from './version';

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

/** The typed map from contract channel to service call: a missing channel is a compile error. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    'app.info': () => ({
      version: APP_VERSION,
      role: ctx.workspace.role,
      workspaceId: ctx.workspace.id,
      workspacePath: ctx.workspace.path,
      schemaVersion: ctx.workspace.schemaVersion,
    }),
    'settings.get': () => getSettings(ctx),
    'settings.update': (input) => updateSettings(ctx, input),
    'cycles.list': () => listCycles(ctx),
    'cycles.create': (input, call) => createCycle(ctx, input, call),
  };
}
