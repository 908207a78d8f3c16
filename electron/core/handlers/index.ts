import type { CoreContext } from '../context';
import type { Handlers } from './types';
import { appHandlers } from './app';
import { cycleHandlers } from './cycles';

export type { Handler, Handlers, AreaHandlers } from './types';

/** The typed map from contract channel to service call: a channel without a handler is a compile error. */
export function createHandlers(ctx: CoreContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...cycleHandlers(ctx),
  };
}
