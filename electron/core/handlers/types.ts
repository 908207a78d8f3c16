import type { CallContext, ChannelName, ChannelOutput, ParsedInput } from '../../../shared/api/contract';

export type Handler<C extends ChannelName> = (input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };
/** An area implements exactly the channels its shared/api file declares. */
export type AreaHandlers<Channels> = { [C in keyof Channels & ChannelName]: Handler<C> };
