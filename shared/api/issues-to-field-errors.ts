import type { z } from 'zod';
import type { FieldError } from './errors';

/**
 * zod issues become translatable field errors. Our schemas put i18n keys in their messages;
 * issues raised by zod itself (wrong type, unknown key…) map to generic keys by their code.
 */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(input)';
    const params: Record<string, string | number> = {};
    if ('minimum' in issue && issue.minimum !== undefined) params.min = Number(issue.minimum);
    if ('maximum' in issue && issue.maximum !== undefined) params.max = Number(issue.maximum);
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
    if (issue.code === 'custom' && issue.params) {
      for (const [name, value] of Object.entries(issue.params)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    }
    const key = issue.message.startsWith('errors.') || /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : genericKey(issue);
    return { path, key, params };
  });
}

function genericKey(issue: z.core.$ZodIssue): string {
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
    default:
      return 'errors.field.invalid';
  }
}
