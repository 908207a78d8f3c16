import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { AppErrorPayload, FieldError, Message } from '../../shared/api/errors';
import { CallError } from './bridge';

export function errorPayload(error: unknown): AppErrorPayload {
  if (error instanceof CallError) return error.payload;
  return { code: 'internal', key: 'errors.internal' };
}

/** Any message from the core or the domain: an i18n key with its params. */
export const translateMessage = (t: TFunction, message: Message): string => t(message.key, message.params ?? {});

export const translateError = (t: TFunction, payload: AppErrorPayload): string => translateMessage(t, payload);

export type FieldPath = (string | number)[];

/** `contacts.0.phone` → ['contacts', 0, 'phone']: Form.List names its rows by number. */
export function splitPath(path: string): FieldPath {
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Puts the core's field errors on the form's fields; returns false when none matched a field.
 * `mapPath` turns a core path into the form's field name (or undefined to skip it), for forms whose
 * field names differ from the channel input (e.g. `record.industry.division` → `industry`).
 */
export function showFieldErrors(
  form: FormInstance,
  t: TFunction,
  payload: AppErrorPayload,
  mapPath: (path: FieldPath) => FieldPath | undefined = (path) => path,
): boolean {
  return showFieldMessages(form, t, payload.fields ?? [], mapPath);
}

export function showFieldMessages(
  form: FormInstance,
  t: TFunction,
  fieldErrors: readonly FieldError[],
  mapPath: (path: FieldPath) => FieldPath | undefined = (path) => path,
): boolean {
  const grouped = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const field of fieldErrors) {
    if (field.path === '(input)' || field.path === '') continue;
    const name = mapPath(splitPath(field.path));
    if (!name) continue;
    const id = JSON.stringify(name);
    const entry = grouped.get(id) ?? { name, errors: [] };
    const text = translateMessage(t, field);
    if (!entry.errors.includes(text)) entry.errors.push(text);
    grouped.set(id, entry);
  }
  if (grouped.size === 0) return false;
  form.setFields([...grouped.values()]);
  return true;
}
