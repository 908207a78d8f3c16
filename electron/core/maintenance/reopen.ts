import { AppError } from '../../../shared/api/errors';
import type { CoreContext } from '../context';
import type { OpenOptions } from '../db/connection';
import type { OpenWorkspaceOptions } from '../db/workspace';
import { migrations as builtInMigrations } from '../db/migrations';

/** What the core lends maintenance services for the workspace a context belongs to. */
export interface SessionHooks {
  /** Closes the core's connection to the workspace file. */
  release(): void;
  /** Opens the file at the same path again, makes it the core's current workspace and returns its context. */
  reopen(): CoreContext;
}

interface Registered extends SessionHooks {
  openOptions: OpenOptions;
  latestSchemaVersion: number;
}

const sessions = new WeakMap<CoreContext, Registered>();

/** Called by the core for every workspace it opens. */
export function registerSession(ctx: CoreContext, options: OpenWorkspaceOptions, hooks: SessionHooks): void {
  const migrations = options.migrations ?? builtInMigrations;
  sessions.set(ctx, { ...hooks, openOptions: { nativeBinding: options.nativeBinding }, latestSchemaVersion: migrations.at(-1)?.version ?? 0 });
}

function session(ctx: CoreContext): Registered {
  const registered = sessions.get(ctx);
  if (!registered) throw new AppError('internal', 'errors.internal');
  return registered;
}

/** Options for opening side connections (Electron needs its own native binding); empty outside a core. */
export function openOptionsFor(ctx: CoreContext): OpenOptions {
  return sessions.get(ctx)?.openOptions ?? {};
}

/** The newest schema version this code can open: backups above it are refused. */
export function latestSchemaVersionFor(ctx: CoreContext): number {
  return sessions.get(ctx)?.latestSchemaVersion ?? builtInMigrations.at(-1)?.version ?? 0;
}

/**
 * Runs `work`, which may call `release()` to have the core close its connection (a file that is open
 * must not be replaced). Once released, the core reopens the file at the same path whatever `work` did,
 * and the fresh context is returned: the old one has a closed connection.
 */
export function withWorkspaceReleased<T>(ctx: CoreContext, work: (release: () => void) => T): { result: T; ctx: CoreContext } {
  const hooks = session(ctx);
  let released = false;
  const release = () => {
    if (released) return;
    hooks.release();
    released = true;
  };
  let result: T;
  try {
    result = work(release);
  } catch (error) {
    if (released) hooks.reopen();
    throw error;
  }
  return { result, ctx: released ? hooks.reopen() : ctx };
}
