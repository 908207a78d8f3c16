import type { workspaceChannels } from '../../../shared/api/workspaces';
import type { WorkspaceHub } from '../workspace-hub';
import type { AreaHandlers } from './types';

export const workspaceHandlers = (hub: WorkspaceHub): AreaHandlers<typeof workspaceChannels> => ({
  'workspaces.current': () => hub.current(),
  'workspaces.recent': () => hub.recent(),
  'workspaces.createEnterprise': (input, call) => hub.createEnterprise(input, call.actor),
  'workspaces.switch': (input) => hub.switchTo(input.workspaceId),
});
