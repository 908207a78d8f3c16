import type { Db } from './db/connection';
import type { WorkspaceInfo } from './db/workspace';
import { appendAudit, type AuditEntry } from './db/audit';
import type { EventName, EventPayload } from '../../shared/api/events';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** What every service receives: no service reaches for globals, so tests can run many cores side by side. */
export interface CoreContext {
  db: Db;
  workspace: WorkspaceInfo;
  clock: () => Date;
  resourcesDir: string;
  emit: Emit;
}

export type AuditRecorder = (entry: AuditEntry) => void;

/** Runs `work` in one transaction and appends its audit entries there, so both commit or neither does. */
export function audited<T>(ctx: CoreContext, work: (record: AuditRecorder) => T): T {
  return ctx.db.transaction(() => {
    const at = ctx.clock();
    return work((entry) => appendAudit(ctx.db, at, entry));
  })();
}
