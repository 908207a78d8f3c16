import { createContext, useContext } from 'react';
import type { WorkspaceRole } from '../../../shared/api/schemas';
import type { WorkspaceSummary } from '../../../shared/api/workspaces';

export interface WorkspaceState {
  /** Undefined until the core has answered (or when it cannot tell, e.g. an older core). */
  workspace: WorkspaceSummary | undefined;
  role: WorkspaceRole;
  /** False until the role is known: pages wait, so an enterprise never glimpses the office's pages. */
  ready: boolean;
  /** After a switch or a new workspace: reload everything that came from the previous one. */
  reopen(): Promise<void>;
}

export const WorkspaceContext = createContext<WorkspaceState>({
  workspace: undefined,
  role: 'office',
  ready: false,
  reopen: async () => undefined,
});

export const useWorkspace = (): WorkspaceState => useContext(WorkspaceContext);
