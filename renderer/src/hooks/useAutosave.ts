import { useCallback, useEffect, useId, useRef } from 'react';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { errorPayload } from '../errors';

/** Each autosaved field reports under its own id, so the indicator knows when all of them are written. */
export interface SaveReporter {
  /** A change waits for its debounce. */
  changed(field: string): void;
  started(field: string): void;
  saved(field: string, savedAt: string): void;
  failed(field: string, error: AppErrorPayload): void;
}

type Flush = (leaving: boolean) => void;
const flushers = new Set<Flush>();
let listening = false;

/**
 * When the window is hidden (minimised, another tab, closing) every pending change is written at
 * once; on pagehide the save goes out as a keepalive request that outlives the page.
 */
function listenForLeaving(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') for (const flush of flushers) flush(false);
  });
  window.addEventListener('pagehide', () => {
    for (const flush of flushers) flush(true);
  });
}

/** Writes every field that still has unsaved changes (e.g. the "retry" of a failed save). */
export function flushAllAutosaves(): void {
  for (const flush of flushers) flush(false);
}

/**
 * Debounced saving of one field: a burst of typing becomes one save `delay` ms after the last key,
 * saves of the same field never overtake each other, and a failed value stays pending for a retry.
 */
export function useAutosave<T>(save: (value: T, leaving: boolean) => Promise<{ savedAt: string }>, reporter: SaveReporter, delay = 600) {
  const field = useId();
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  const reporterRef = useRef(reporter);
  saveRef.current = save;
  reporterRef.current = reporter;

  const flush = useCallback((leaving = false): Promise<void> => {
    if (timer.current !== undefined) {
      clearTimeout(timer.current);
      timer.current = undefined;
    }
    const next = pending.current;
    if (!next) return chain.current;
    pending.current = null;
    const report = reporterRef.current;
    const attempt = () =>
      saveRef.current(next.value, leaving).then(
        (result) => report.saved(field, result.savedAt),
        (error: unknown) => {
          if (!pending.current) pending.current = next; // keep it for the retry, unless newer text replaced it
          report.failed(field, errorPayload(error));
        },
      );
    report.started(field);
    // Leaving: no time to wait for the save in flight; the newest text is the one that matters.
    chain.current = leaving ? attempt() : chain.current.then(attempt);
    return chain.current;
  }, [field]);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      reporterRef.current.changed(field);
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush, field],
  );

  useEffect(() => {
    listenForLeaving();
    const onLeave: Flush = (leaving) => void flush(leaving);
    flushers.add(onLeave);
    return () => {
      flushers.delete(onLeave);
      void flush();
    };
  }, [flush]);

  return { change, flush };
}
