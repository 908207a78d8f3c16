import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { messageFromIssue } from '../../shared/api/issues-to-field-errors';
import { translateMessage } from './errors';

/**
 * Checks a field with the same schema the core applies (contract or domain), so the form and the core
 * refuse exactly the same input with the same translated message.
 */
export function zodRule(t: TFunction, schema: z.ZodType, options: { emptyAs?: unknown } = {}): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const input = value === null || value === undefined || value === '' ? (options.emptyAs ?? undefined) : value;
      const result = schema.safeParse(input);
      if (result.success) return;
      const [first] = result.error.issues;
      throw new Error(first ? translateMessage(t, messageFromIssue(first)) : t('errors.field.invalid'));
    },
  };
}

/** Domain schemas (applicants, cycle settings) go through the same mapping. */
export const domainRule = zodRule;
