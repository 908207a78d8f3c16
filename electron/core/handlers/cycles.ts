import type { cycleChannels } from '../../../shared/api/cycles';
import type { CoreContext } from '../context';
import { createCycle, listCycles } from '../services/cycles';
import type { AreaHandlers } from './types';

export const cycleHandlers = (ctx: CoreContext): AreaHandlers<typeof cycleChannels> => ({
  'cycles.list': () => listCycles(ctx),
  'cycles.create': (input, call) => createCycle(ctx, input, call),
});
