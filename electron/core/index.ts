import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { CallContext, Envelope } from '../../shared/api/contract';
import type { WorkspaceSummary } from '../../shared/api/workspaces';
import { openWorkspace, type OpenWorkspaceOptions, type WorkspaceInfo } from './db/workspace';
import type { Db } from './db/connection';
import { createHandlers, type Handlers } from './handlers';
import { createDispatch } from './dispatch';
import { audited, type CoreContext } from './context';
import { RecentWorkspaces, type WorkspaceHub } from './workspace-hub';
import { createCycle } from './services/cycles';
import { insertOwnApplicant } from './services/applicants';
import { registerSession } from './maintenance/reopen';

export interface CoreOptions extends OpenWorkspaceOptions {
  workspacePath: string;
  resourcesDir: string;
  onInternalError?: (error: unknown, channel: string) => void;
}

export interface Core {
  readonly workspace: WorkspaceInfo;
  readonly handlers: Handlers;
  dispatch(channel: unknown, input: unknown, call: CallContext): Promise<Envelope>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onAny(listener: (event: EventName, payload: unknown) => void): () => void;
  /** For the CLI's maintenance commands and tests; hosts never hand it to the renderer. */
  readonly db: Db;
  close(): void;
}

interface Session {
  db: Db;
  info: WorkspaceInfo;
  ctx: CoreContext;
  handlers: Handlers;
}

/**
 * The application core. It holds one open workspace at a time (the hub switches between them), and
 * every host talks to it only through `dispatch`.
 */
export function createCore(options: CoreOptions): Core {
  const emitter = new EventEmitter();
  const clock = options.clock ?? (() => new Date());
  const recent = RecentWorkspaces.beside(options.workspacePath);
  const emit: CoreContext['emit'] = (event, payload) => {
    emitter.emit(event, payload);
    emitter.emit('*', event, payload);
  };

  const hub: WorkspaceHub = {
    current: () => summary(session, true),
    recent: () => recent.list().map((entry) => ({ ...entry, current: entry.id === session.info.id })),
    async createEnterprise(input, actor) {
      const next = open(recent.newWorkspacePath('enterprise'), 'enterprise');
      try {
        const cycle = await createCycle(next.ctx, { name: input.cycleName, year: input.year }, { actor });
        audited(next.ctx, (log) => {
          next.db.prepare(`INSERT INTO meta (key, value) VALUES ('title', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(input.organisationName);
          insertOwnApplicant(next.ctx, cycle.id, input.organisationName, { actor }, log);
        });
      } catch (error) {
        next.db.close();
        throw error;
      }
      replace(next);
      return hub.current();
    },
    switchTo(workspaceId) {
      if (workspaceId !== session.info.id) replace(open(recent.find(workspaceId).path));
      return hub.current();
    },
  };

  function open(path: string, role?: OpenWorkspaceOptions['role']): Session {
    const { db, info } = openWorkspace(path, { ...options, ...(role ? { role } : {}) });
    const ctx: CoreContext = { db, workspace: info, clock, resourcesDir: options.resourcesDir, emit };
    // A restore closes this connection, swaps the file and opens the same path again (see maintenance/reopen.ts).
    registerSession(ctx, options, { release: () => db.close(), reopen: () => replace(open(path)).ctx });
    return { db, info, ctx, handlers: createHandlers(ctx, hub) };
  }

  function title(s: Session): string {
    return (s.db.prepare(`SELECT value FROM meta WHERE key = 'title'`).get() as { value: string } | undefined)?.value ?? '';
  }

  function summary(s: Session, current: boolean): WorkspaceSummary {
    return { id: s.info.id, path: s.info.path, role: s.info.role, title: title(s), lastOpenedAt: clock().toISOString(), current };
  }

  function replace(next: Session): Session {
    const previous = session;
    session = next;
    recent.touch({ ...summary(next, true) });
    if (previous.db.open) previous.db.close();
    emit('data.changed', { entity: 'workspace' });
    return next;
  }

  let session = open(options.workspacePath);
  recent.touch(summary(session, true));

  const dispatch = createDispatch(() => session.handlers, {
    onInternalError: options.onInternalError ?? ((error, channel) => console.error(`[core] ${channel} failed`, error)),
  });

  return {
    get workspace() {
      return session.info;
    },
    get handlers() {
      return session.handlers;
    },
    get db() {
      return session.db;
    },
    dispatch,
    on(event, listener) {
      emitter.on(event, listener as (payload: unknown) => void);
      return () => emitter.off(event, listener as (payload: unknown) => void);
    },
    onAny(listener) {
      emitter.on('*', listener);
      return () => emitter.off('*', listener);
    },
    close() {
      emitter.removeAllListeners();
      if (session.db.open) session.db.close();
    },
  };
}

export { openWorkspace } from './db/workspace';
export { verifyAuditChain } from './db/audit';
