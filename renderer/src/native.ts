/**
 * The desktop shell's `native.*` channels (shared/api/native.ts), sent through the same preload
 * `invoke` as everything else. Present only where the preload is, i.e. in the Electron window.
 */
import type { Envelope } from '../../shared/api/contract';
import type { NativeChannel, NativeResults } from '../../shared/api/native';
import { CallError } from './bridge';

/** True in the desktop app, where files go through system dialogs and the system viewer. */
export const hasNativeHost = (): boolean => window.awardDesk !== undefined;

export async function invokeNative<C extends NativeChannel>(channel: C, input: object): Promise<NativeResults[C]> {
  const api = window.awardDesk;
  if (!api) throw new CallError({ code: 'internal', key: 'errors.internal' });
  const envelope = (await api.invoke(channel, input)) as Envelope<NativeResults[C]>;
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data;
}
