import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issuesToFieldErrors } from '../../shared/api/issues-to-field-errors';

/** Checks a field with the contract's own schema, so the form and the core refuse exactly the same input. */
export function zodRule(t: TFunction, schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value === null ? undefined : value);
      if (result.success) return;
      const [first] = issuesToFieldErrors(result.error.issues);
      throw new Error(first ? t(first.key, first.params) : t('errors.field.invalid'));
    },
  };
}
