import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorPayload } from '../../../shared/api/errors';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/api/contract';
import { call } from '../bridge';
import { errorPayload } from '../errors';

export interface CallState<T> {
  data: T | undefined;
  error: AppErrorPayload | undefined;
  loading: boolean;
  reload(): void;
  /** Replace the loaded data with what a later call returned (saves a round trip). */
  setData(data: T): void;
}

/**
 * Loads one channel's answer and reloads when the input changes; `null` input waits. A late answer
 * for an input that is no longer current is dropped, so fast navigation never shows stale data.
 */
export function useCall<C extends ChannelName>(channel: C, input: ChannelInput<C> | null): CallState<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C> | undefined>();
  const [error, setError] = useState<AppErrorPayload | undefined>();
  const [loading, setLoading] = useState(input !== null);
  const [generation, setGeneration] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    call(channel, inputRef.current as ChannelInput<C>).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(errorPayload(failure));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [channel, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}
