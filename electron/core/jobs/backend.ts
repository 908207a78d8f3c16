/**
 * Where a job's heavy work runs.
 *
 * Bundled (Electron main, browser host, CLI: out/*.cjs) the renderers run in a worker thread started
 * from out/print-worker.cjs, which build.mjs emits beside the other bundles; the core's thread only
 * builds view models (a few milliseconds per applicant) and relays progress, so it never blocks for
 * long. Cancelling terminates the worker.
 *
 * From TypeScript sources (vitest) there is no bundled worker beside this file, and a worker cannot load
 * .ts without a loader; there the same tasks run in-process, one per turn of the event loop, and
 * cancelling stops between documents. The CLI tests exercise the real worker through out/cli.cjs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './tasks';

export const WORKER_FILE = 'print-worker.cjs';

/**
 * Imported by name at run time, so esbuild leaves the renderers out of main.cjs and cli.cjs (they live
 * in the worker bundle only); only the in-process path from sources ever loads it.
 */
const TASKS_MODULE = './tasks';

export interface Backend {
  readonly kind: 'worker' | 'inline';
  run(task: Task): Promise<TaskResult>;
  /** Stops at once; tasks still pending reject. */
  close(): void;
  /** After close(): resolves once nothing writes any more (the worker has exited), so partial files can go. */
  stopped(): Promise<void>;
}

export class BackendClosedError extends Error {
  constructor() {
    super('backend closed');
    this.name = 'BackendClosedError';
  }
}

/** out/print-worker.cjs when this code runs bundled in out/, else null. */
export function bundledWorkerPath(): string | null {
  const candidate = join(__dirname, WORKER_FILE);
  return existsSync(candidate) ? candidate : null;
}

/** `workers` > 1 spreads tasks over several print workers (a batch on a multi-core machine); one by default. */
export function openBackend(options: { workers?: number } = {}): Backend {
  const script = bundledWorkerPath();
  if (!script) return inlineBackend();
  const count = Math.max(1, Math.floor(options.workers ?? 1));
  return count === 1 ? workerBackend(script) : poolBackend(Array.from({ length: count }, () => workerBackend(script)));
}

/**
 * Tasks taken in turn by each worker (each keeps its own order); a warm-up goes to all of them.
 * Results may come back out of submission order across workers: callers that need an order keep it.
 */
function poolBackend(members: Backend[]): Backend {
  let turn = 0;
  return {
    kind: 'worker',
    run(task) {
      if (task.type === 'warm') return Promise.all(members.map((m) => m.run(task))).then((results) => results[0]!);
      return members[turn++ % members.length]!.run(task);
    },
    close() {
      for (const member of members) member.close();
    },
    stopped: () => Promise.all(members.map((m) => m.stopped())).then(() => undefined),
  };
}

function workerBackend(script: string): Backend {
  const worker = new Worker(script);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void }>();
  let next = 1;
  let closed = false;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (message: { id: number; ok: boolean; result?: TaskResult; message?: string }) => {
    const entry = pending.get(message.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.result!);
    else entry.reject(new Error(message.message ?? 'task failed'));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', () => failAll(closed ? new BackendClosedError() : new Error('print worker stopped')));
  return {
    kind: 'worker',
    run(task) {
      if (closed) return Promise.reject(new BackendClosedError());
      const id = next++;
      return new Promise<TaskResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, task });
      });
    },
    close() {
      if (closed) return;
      closed = true;
      failAll(new BackendClosedError());
      void worker.terminate();
    },
    stopped: () => exited,
  };
}

function inlineBackend(): Backend {
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'inline',
    run(task) {
      const result = queue.then(async () => {
        // One task per turn of the event loop, so other calls (and a cancel) get their turn in between.
        await new Promise((resolve) => setImmediate(resolve));
        if (closed) throw new BackendClosedError();
        const { runTask } = (await import(/* @vite-ignore */ TASKS_MODULE)) as typeof import('./tasks');
        return runTask(task);
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      closed = true;
    },
    // A task already rendering finishes its file; the ones queued behind it see `closed` and reject.
    stopped: () => queue.then(() => undefined),
  };
}
