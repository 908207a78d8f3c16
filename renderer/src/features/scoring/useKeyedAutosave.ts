import { useCallback, useEffect, useRef } from 'react';
import { errorPayload } from '../../errors';
import type { SaveReporter } from '../../hooks/useAutosave';

/**
 * Debounced autosave of many small records (one per criteria item): each key waits `delay` ms after
 * its last change, saves run one after another in the order they were made, a failed value stays
 * pending for the retry, and everything pending is written when the page is hidden or left.
 * `flushAll` resolves once every save has landed (before a submit).
 */
export function useKeyedAutosave<T>(save: (key: string, value: T, leaving: boolean) => Promise<{ savedAt: string }>, reporter: SaveReporter, delay = 500) {
  const pending = useRef(new Map<string, T>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);
  const saveRef = useRef(save);
  const reporterRef = useRef(reporter);
  saveRef.current = save;
  reporterRef.current = reporter;

  const flush = useCallback((key: string, leaving = false): Promise<void> => {
    const timer = timers.current.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(key);
    if (!pending.current.has(key)) return chain.current;
    const value = pending.current.get(key) as T;
    pending.current.delete(key);
    const field = `item:${key}`;
    const report = reporterRef.current;
    const attempt = () =>
      saveRef.current(key, value, leaving).then(
        (result) => {
          failed.current = false;
          report.saved(field, result.savedAt);
        },
        (error: unknown) => {
          if (!pending.current.has(key)) pending.current.set(key, value);
          failed.current = true;
          report.failed(field, errorPayload(error));
        },
      );
    report.started(field);
    chain.current = leaving ? attempt() : chain.current.then(attempt);
    return chain.current;
  }, []);

  const flushAll = useCallback(
    async (leaving = false): Promise<boolean> => {
      await Promise.all([...pending.current.keys()].map((key) => flush(key, leaving)));
      await chain.current;
      return !failed.current && pending.current.size === 0;
    },
    [flush],
  );

  const change = useCallback(
    (key: string, value: T) => {
      pending.current.set(key, value);
      reporterRef.current.changed(`item:${key}`);
      const timer = timers.current.get(key);
      if (timer !== undefined) clearTimeout(timer);
      timers.current.set(
        key,
        setTimeout(() => void flush(key), delay),
      );
    },
    [delay, flush],
  );

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flushAll();
    };
    const onLeave = () => void flushAll(true);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onLeave);
      void flushAll();
    };
  }, [flushAll]);

  return { change, flush, flushAll };
}
