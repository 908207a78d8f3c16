/**
 * Follows one background job (print, rank stability) until it ends: the `jobs.progress` event moves the
 * bar as it happens; a slow poll of `jobs.get` backs it up, since an event sent before the page
 * subscribed (or lost with a dropped event stream) would otherwise leave the bar waiting.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobView } from '../../../../shared/api/results';
import type { AppErrorPayload } from '../../../../shared/api/errors';
import { call, subscribe } from '../../bridge';
import { errorPayload } from '../../errors';

const POLL_MS = 1000;

export interface JobState {
  job: JobView | undefined;
  error: AppErrorPayload | undefined;
}

export function useJob(jobId: string | null, onEnd?: (job: JobView) => void): JobState {
  const [job, setJob] = useState<JobView | undefined>();
  const [error, setError] = useState<AppErrorPayload | undefined>();
  // The caller's callback changes every render; following it must not restart the subscription.
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => {
    setJob(undefined);
    setError(undefined);
    if (jobId === null) return;
    let active = true;
    let ended = false;
    const refresh = () => {
      call('jobs.get', { jobId }).then(
        (view) => {
          if (!active || ended) return;
          setJob(view);
          if (view.state !== 'running') {
            ended = true;
            endRef.current?.(view);
          }
        },
        (failure: unknown) => {
          if (active) setError(errorPayload(failure));
        },
      );
    };
    const unsubscribe = subscribe('jobs.progress', (progress) => {
      if (!active || progress.jobId !== jobId) return;
      if (progress.state === 'running') setJob((current) => (current ? { ...current, done: progress.done, total: progress.total } : current));
      else refresh();
    });
    refresh();
    const timer = setInterval(() => {
      if (!ended) refresh();
    }, POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [jobId]);

  return { job, error };
}
