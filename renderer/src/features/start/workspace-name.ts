import type { WorkspaceSummary } from '../../../../shared/api/workspaces';

/** The office's own workspace may have no title: its file name tells it apart then. */
export function workspaceName(workspace: WorkspaceSummary): string {
  if (workspace.title.trim()) return workspace.title;
  const parts = workspace.path.split(/[\\/]/);
  return parts[parts.length - 1] ?? workspace.path;
}
