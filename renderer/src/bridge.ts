import type { AppErrorPayload } from '../../shared/api/errors';
import type { AwardDeskApi, ChannelInput, ChannelName, ChannelOutput, Envelope } from '../../shared/api/contract';
import type { EventName, EventPayload } from '../../shared/api/events';

declare global {
  interface Window {
    awardDesk?: AwardDeskApi;
  }
}

/** A refused call, carrying the core's translatable error. */
export class CallError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.key);
    this.name = 'CallError';
  }
}

async function post(channel: string, input: unknown, keepalive: boolean): Promise<Envelope> {
  try {
    const response = await fetch(`./rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
      keepalive,
    });
    if (response.status === 401) return { ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized' } };
    return (await response.json()) as Envelope;
  } catch {
    return { ok: false, error: { code: 'internal', key: 'errors.network' } };
  }
}

/** The browser host speaks the same envelope over loopback HTTP; the session cookie carries the token. */
const httpApi: AwardDeskApi = {
  invoke: (channel, input) => post(channel, input, false),
  on(event, listener) {
    const source = new EventSource('./events');
    source.onmessage = (message) => {
      const { event: name, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown };
      if (name === event) listener(payload);
    };
    return () => source.close();
  },
};

const api: AwardDeskApi = window.awardDesk ?? httpApi;

/** The only way components reach the core; they cannot tell Electron IPC from the browser host. */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const envelope = await api.invoke(channel, input);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data as ChannelOutput<C>;
}

/** Browsers allow this much in keepalive request bodies (all of a page's pending ones together). */
const KEEPALIVE_LIMIT = 60_000;

/**
 * For the last save while the page goes away (pagehide): a keepalive request outlives the page in
 * the browser host. Electron's IPC message is already on its way once sent, so it needs nothing more.
 */
export async function callWhileLeaving<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const small = JSON.stringify(input ?? {}).length < KEEPALIVE_LIMIT;
  const envelope = window.awardDesk || !small ? await api.invoke(channel, input) : await post(channel, input, true);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data as ChannelOutput<C>;
}

/**
 * Largest attachment the current host accepts: the browser host caps a request body at 8 MB, and
 * base64 makes a file a third larger; Electron IPC only has the contract's own bound.
 */
export function maxUploadBytes(): number {
  return window.awardDesk ? 50 * 1024 * 1024 : 6 * 1024 * 1024;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api.on(event, listener as (payload: unknown) => void);
}
