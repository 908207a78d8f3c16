import { AppError, type AppErrorPayload } from '../../shared/api/errors';
import { contract, isChannelName, type CallContext, type ChannelName, type Envelope } from '../../shared/api/contract';
import { issuesToFieldErrors } from '../../shared/api/issues-to-field-errors';
import type { Handlers } from './handlers';

export type Dispatch = (channel: unknown, input: unknown, call: CallContext) => Promise<Envelope>;

export interface DispatchOptions {
  /** Where unexpected errors are reported; the caller only ever sees a generic, translated message. */
  onInternalError?: (error: unknown, channel: string) => void;
}

/**
 * The single gate into the core for every host (Electron IPC, browser host, CLI): the channel must be
 * declared, the input must parse, and the output is checked against the contract on the way out.
 */
export function createDispatch(currentHandlers: () => Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input, call) => {
    if (!isChannelName(channel)) {
      return failure({ code: 'unknownChannel', key: 'errors.unknownChannel', params: { channel: String(channel).slice(0, 100) } });
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return failure({ code: 'validation', key: 'errors.validation', fields: issuesToFieldErrors(parsed.error.issues) });
    }
    try {
      const handler = currentHandlers()[channel] as (input: unknown, call: CallContext) => unknown;
      const output = await handler(parsed.data, call);
      return { ok: true, data: spec.output.parse(output) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.payload);
      options.onInternalError?.(error, channel as ChannelName);
      return failure({ code: 'internal', key: 'errors.internal' });
    }
  };
}

const failure = (error: AppErrorPayload): Envelope => ({ ok: false, error });
