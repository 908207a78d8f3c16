import { useMemo, useRef, useState } from 'react';
import type { AppErrorPayload } from '../../../shared/api/errors';
import type { SaveReporter } from './useAutosave';

export interface SaveStatus {
  /** Some field has changes not yet sent (waiting for its debounce). */
  dirty: boolean;
  saving: boolean;
  savedAt: string | undefined;
  error: AppErrorPayload | undefined;
}

/** One indicator for all the fields of an editor. */
export function useSaveStatus(): { status: SaveStatus; reporter: SaveReporter } {
  const [status, setStatus] = useState<SaveStatus>({ dirty: false, saving: false, savedAt: undefined, error: undefined });
  const waiting = useRef(new Set<string>());
  const writing = useRef(new Map<string, number>());
  const failed = useRef(new Map<string, AppErrorPayload>());

  const reporter = useMemo<SaveReporter>(() => {
    const publish = (savedAt?: string) =>
      setStatus((s) => ({
        dirty: waiting.current.size > 0,
        saving: writing.current.size > 0,
        savedAt: savedAt ?? s.savedAt,
        error: failed.current.size > 0 ? [...failed.current.values()][failed.current.size - 1] : undefined,
      }));
    const done = (field: string) => {
      const left = (writing.current.get(field) ?? 1) - 1;
      if (left > 0) writing.current.set(field, left);
      else writing.current.delete(field);
    };
    return {
      changed: (field) => {
        waiting.current.add(field);
        publish();
      },
      started: (field) => {
        waiting.current.delete(field);
        writing.current.set(field, (writing.current.get(field) ?? 0) + 1);
        publish();
      },
      saved: (field, savedAt) => {
        done(field);
        failed.current.delete(field);
        publish(savedAt);
      },
      failed: (field, error) => {
        done(field);
        failed.current.set(field, error);
        publish();
      },
    };
  }, []);
  return { status, reporter };
}
