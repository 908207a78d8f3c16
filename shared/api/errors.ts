/**
 * Errors cross every boundary (IPC, HTTP, CLI, packages) as plain data, never as thrown class
 * instances, so that each host can serialise them and each UI can translate them.
 * A message is an i18next key plus interpolation params: the core never builds display text.
 */

export type ErrorCode =
  | 'validation'
  | 'unknownChannel'
  | 'notFound'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'refused'
  | 'internal';

export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export interface FieldError extends Message {
  /** Dotted path into the input, e.g. `name` or `items.3.percent`. */
  path: string;
}

export interface AppErrorPayload extends Message {
  code: ErrorCode;
  fields?: FieldError[];
}

export class AppError extends Error {
  readonly payload: AppErrorPayload;

  constructor(code: ErrorCode, key: string, params?: Message['params'], fields?: FieldError[]) {
    super(`${code}: ${key}${params ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'AppError';
    this.payload = { code, key, ...(params ? { params } : {}), ...(fields ? { fields } : {}) };
  }
}

export function isAppErrorPayload(value: unknown): value is AppErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { key?: unknown }).key === 'string'
  );
}
