import type { CoreContext } from '../context';
import type { Handlers } from './types';
import { appHandlers } from './app';
import { cycleHandlers } from './cycles';
import { frameworkHandlers } from './frameworks';
import { applicantHandlers, applicationHandlers } from './applicants';
import { workspaceHandlers } from './workspaces';
import { panelHandlers } from './panels';
import { backupHandlers } from './backups';
import { exchangeHandlers } from './exchange';
import { resultsHandlers } from './results';
import type { WorkspaceHub } from '../workspace-hub';

export type { Handler, Handlers, AreaHandlers } from './types';

/** The typed map from contract channel to service call: a channel without a handler is a compile error. */
export function createHandlers(ctx: CoreContext, hub: WorkspaceHub): Handlers {
  return {
    ...appHandlers(ctx),
    ...cycleHandlers(ctx),
    ...frameworkHandlers(ctx),
    ...applicantHandlers(ctx),
    ...applicationHandlers(ctx),
    ...workspaceHandlers(hub),
    ...panelHandlers(ctx),
    ...backupHandlers(ctx),
    ...exchangeHandlers(ctx, hub),
    ...resultsHandlers(ctx, hub),
  };
}
