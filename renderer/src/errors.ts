import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { AppErrorPayload } from '../../shared/api/errors';
import { CallError } from './bridge';

export function errorPayload(error: unknown): AppErrorPayload {
  if (error instanceof CallError) return error.payload;
  return { code: 'internal', key: 'errors.internal' };
}

export const translateError = (t: TFunction, payload: AppErrorPayload): string => t(payload.key, payload.params);

/** Puts the core's field errors on the form's fields; returns false when none matched a field. */
export function showFieldErrors(form: FormInstance, t: TFunction, payload: AppErrorPayload): boolean {
  const fields = (payload.fields ?? []).filter((field) => field.path !== '(input)');
  if (fields.length === 0) return false;
  form.setFields(fields.map((field) => ({ name: field.path.split('.'), errors: [t(field.key, field.params)] })));
  return true;
}
