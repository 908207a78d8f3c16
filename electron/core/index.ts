import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/api/events';
import type { CallContext, Envelope } from '../../shared/api/contract';
import { openWorkspace, type OpenWorkspaceOptions } from './db/workspace';
import type { WorkspaceInfo } from './db/workspace';
import type { Db } from './db/connection';
import { createHandlers, type Handlers } from './handlers';
import { createDispatch } from './dispatch';
import type { CoreContext } from './context';

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

export function createCore(options: CoreOptions): Core {
  const { db, info } = openWorkspace(options.workspacePath, options);
  const emitter = new EventEmitter();
  const ctx: CoreContext = {
    db,
    workspace: info,
    clock: options.clock ?? (() => new Date()),
    resourcesDir: options.resourcesDir,
    emit: (event, payload) => {
      emitter.emit(event, payload);
      emitter.emit('*', event, payload);
    },
  };
  const handlers = createHandlers(ctx);
  const dispatch = createDispatch(handlers, {
    onInternalError: options.onInternalError ?? ((error, channel) => console.error(`[core] ${channel} failed`, error)),
  });
  return {
    workspace: info,
    handlers,
    dispatch,
    db,
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
      if (db.open) db.close();
    },
  };
}

export { openWorkspace } from './db/workspace';
export { verifyAuditChain } from './db/audit';
