import type { Command } from '../command';
import { serveCommand } from './serve';
import { verifyCommand } from './verify';

/** One file per command; the order here is the order of `award-desk --help`. */
export const commands: Record<string, Command> = {
  serve: serveCommand,
  verify: verifyCommand,
};
