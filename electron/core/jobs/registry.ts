/**
 * Background jobs of one open workspace: each reports `jobs.progress` (done/total/state) as it goes,
 * can be cancelled, and ends done (with its download), failed or cancelled. Jobs live in memory only;
 * a restart forgets them (their downloads are swept with the rest of the intake folder).
 */
import { randomBytes } from 'node:crypto';
import { AppError, type Message } from '../../../shared/api/errors';
import type { JobView } from '../../../shared/api/results';
import type { CoreContext } from '../context';
import { BackendClosedError } from './backend';

export interface JobControl {
  readonly signal: AbortSignal;
  progress(done: number, total?: number): void;
}

export interface JobOutcome {
  download?: JobView['download'];
  files?: string[];
}

interface JobRecord {
  view: JobView;
  abort: AbortController;
}

/** Thrown by work that noticed the cancel. */
export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JobCancelled();
}

const MAX_KEPT = 50;

export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly ctx: Pick<CoreContext, 'emit' | 'clock'>) {}

  /** Starts `work` on the next turn; returns at once with the job as it stands. */
  start(kind: string, total: number, work: (control: JobControl) => Promise<JobOutcome>, onSettled?: (view: JobView) => void): JobView {
    const jobId = randomBytes(12).toString('base64url');
    const record: JobRecord = {
      abort: new AbortController(),
      view: { jobId, kind, state: 'running', done: 0, total, startedAt: this.ctx.clock().toISOString(), finishedAt: null, download: null, files: [], error: null },
    };
    this.jobs.set(jobId, record);
    this.prune();
    const emit = () => {
      const { view } = record;
      this.ctx.emit('jobs.progress', { jobId, kind, done: view.done, total: view.total, state: view.state });
    };
    const control: JobControl = {
      signal: record.abort.signal,
      progress: (done, newTotal) => {
        if (record.view.state !== 'running') return;
        record.view.done = done;
        if (newTotal !== undefined) record.view.total = newTotal;
        emit();
      },
    };
    emit();
    const finish = (state: JobView['state'], patch: Partial<JobView>) => {
      record.view = { ...record.view, ...patch, state, finishedAt: this.ctx.clock().toISOString() };
      emit();
      onSettled?.(record.view);
    };
    setImmediate(() => {
      work(control).then(
        (outcome) => {
          if (record.abort.signal.aborted) return finish('cancelled', {});
          finish('done', { done: record.view.total, download: outcome.download ?? null, files: outcome.files ?? [] });
        },
        (error: unknown) => {
          if (record.abort.signal.aborted || error instanceof JobCancelled || error instanceof BackendClosedError) return finish('cancelled', {});
          const message: Message = error instanceof AppError ? { key: error.payload.key, ...(error.payload.params ? { params: error.payload.params } : {}) } : { key: 'errors.internal' };
          if (!(error instanceof AppError)) console.error(`[core] job ${kind} failed`, error);
          finish('failed', { error: message });
        },
      );
    });
    return { ...record.view };
  }

  get(jobId: string): JobView {
    const record = this.jobs.get(jobId);
    if (!record) throw new AppError('notFound', 'results.jobs.unknown', { jobId: jobId.slice(0, 64) });
    return { ...record.view };
  }

  list(): JobView[] {
    return [...this.jobs.values()].map((r) => ({ ...r.view })).reverse();
  }

  cancel(jobId: string): { cancelled: boolean } {
    const record = this.jobs.get(jobId);
    if (!record) throw new AppError('notFound', 'results.jobs.unknown', { jobId: jobId.slice(0, 64) });
    if (record.view.state !== 'running') return { cancelled: false };
    record.abort.abort();
    return { cancelled: true };
  }

  private prune(): void {
    const finished = [...this.jobs.entries()].filter(([, r]) => r.view.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, this.jobs.size - MAX_KEPT))) this.jobs.delete(id);
  }
}
