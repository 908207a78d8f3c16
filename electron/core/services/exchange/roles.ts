import { AppError } from '../../../../shared/api/errors';
import type { WorkspaceRole } from '../../../../shared/api/schemas';
import type { CoreContext } from '../../context';

/** Each package kind is written by one kind of workspace only. */
export function requireRole(ctx: CoreContext, role: WorkspaceRole): void {
  if (ctx.workspace.role !== role) throw new AppError('refused', `exchange.error.only.${role}`, { role: ctx.workspace.role });
}
