import type { cycleChannels } from '../../../shared/api/cycles';
import type { CoreContext } from '../context';
import { getCycleSeal, removeCycleSeal, setCycleSeal } from '../services/cycle-seal';
import { createCycle, getCycle, listCycles, setCycleFramework, updateCycleSettings } from '../services/cycles';
import type { AreaHandlers } from './types';

export const cycleHandlers = (ctx: CoreContext): AreaHandlers<typeof cycleChannels> => ({
  'cycles.list': () => listCycles(ctx),
  'cycles.create': (input, call) => createCycle(ctx, input, call),
  'cycles.get': (input) => getCycle(ctx, input.cycleId),
  'cycles.updateSettings': (input, call) => updateCycleSettings(ctx, input.cycleId, input.settings, call),
  'cycles.setFramework': (input, call) => setCycleFramework(ctx, input.cycleId, input.frameworkId, call),
  'cycles.getSeal': (input) => getCycleSeal(ctx, input.cycleId),
  'cycles.setSeal': (input, call) => setCycleSeal(ctx, input, call),
  'cycles.removeSeal': (input, call) => removeCycleSeal(ctx, input.cycleId, call),
});
