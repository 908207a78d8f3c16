import type { frameworkChannels } from '../../../shared/api/frameworks';
import type { CoreContext } from '../context';
import { getFramework, importFramework, listFrameworks } from '../services/frameworks';
import type { AreaHandlers } from './types';

export const frameworkHandlers = (ctx: CoreContext): AreaHandlers<typeof frameworkChannels> => ({
  'frameworks.list': () => listFrameworks(ctx),
  'frameworks.get': (input) => getFramework(ctx, input.id),
  'frameworks.import': (input, call) => importFramework(ctx, input, call),
});
