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

/** The browser host speaks the same envelope over loopback HTTP; the session cookie carries the token. */
const httpApi: AwardDeskApi = {
  async invoke(channel, input) {
    try {
      const response = await fetch(`./rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) return { ok: false, error: { code: 'unauthorized', key: 'errors.unauthorized' } };
      return (await response.json()) as Envelope;
    } catch {
      return { ok: false, error: { code: 'internal', key: 'errors.network' } };
    }
  },
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

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api.on(event, listener as (payload: unknown) => void);
}
