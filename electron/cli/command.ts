import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/api/errors';
import type { Translate } from '../core/i18n';

export interface CommandContext {
  t: Translate;
  appRoot: string;
  out(line: string): void;
  err(line: string): void;
}

type Values = Record<string, string | boolean | undefined>;

export interface Command {
  usage: string;
  summaryKey: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Values, positionals: string[], ctx: CommandContext): Promise<number>;
}

export function requireOption(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new AppError('validation', 'cli.missingOption', { option: `--${name}` });
  return value;
}

