import type { z } from 'zod';
import type { FieldError, Message } from './errors';

type ZodIssue = z.core.$ZodIssue;

/** Our schemas put an i18n key (e.g. `applicants.creditCode.checksum`) where zod would put English text. */
const looksLikeKey = (message: string) => /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/.test(message);

function paramsOf(issue: ZodIssue): Message['params'] | undefined {
  const params: Record<string, string | number> = {};
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
  if (issue.code === 'custom' && issue.params) {
    for (const [name, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/**
 * The one mapping from a zod issue to a translatable message, for every boundary (dispatch, Excel
 * import, forms). An issue zod raised by itself gets a generic key by its code, so no English text
 * from zod ever reaches a user.
 */
export function messageFromIssue(issue: ZodIssue): Message {
  const params = paramsOf(issue);
  const key = looksLikeKey(issue.message) ? issue.message : genericKey(issue);
  return { key, ...(params ? { params } : {}) };
}

export function issuesToFieldErrors(issues: readonly ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(input)', ...messageFromIssue(issue) }));
}

function genericKey(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'errors.field.required' : 'errors.field.invalidType';
    case 'too_small':
      return 'errors.field.tooSmall';
    case 'too_big':
      return 'errors.field.tooBig';
    case 'unrecognized_keys':
      return 'errors.field.unknownKeys';
    case 'invalid_value':
      return 'errors.field.invalidOption';
    case 'invalid_format':
      return 'errors.field.invalidType';
    default:
      return 'errors.field.invalid';
  }
}
