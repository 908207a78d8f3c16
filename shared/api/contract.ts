import type { z } from 'zod';
import { appChannels } from './app';
import { cycleChannels } from './cycles';
import { frameworkChannels } from './frameworks';
import { applicantChannels } from './applicants';
import { applicationChannels } from './applications';
import { workspaceChannels } from './workspaces';
import { backupChannels } from './backups';
import { panelChannels } from './panels';
import { scoringSessionChannels } from './scoring-sessions';
import { exchangeChannels } from './exchange';
import { resultsChannels } from './results';
import type { AppErrorPayload } from './errors';

export const contract = {
  ...appChannels,
  ...cycleChannels,
  ...frameworkChannels,
  ...applicantChannels,
  ...applicationChannels,
  ...workspaceChannels,
  ...backupChannels,
  ...panelChannels,
  ...scoringSessionChannels,
  ...exchangeChannels,
  ...resultsChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}

/** What every host returns for a call: never a thrown exception across a process boundary. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

/** The caller of a channel. Hosts set it; the renderer never chooses it. */
export interface CallContext {
  actor: string;
}

/** The surface the renderer sees (preload in Electron, HTTP bridge in the browser host). */
export interface AwardDeskApi {
  invoke(channel: string, input: unknown): Promise<Envelope>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
