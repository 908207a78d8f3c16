import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../shared/api/errors';
import { showFieldMessages, splitPath, type FieldPath } from '../errors';

export interface FieldErrorsOptions {
  /** Core path → form field name; undefined drops the error. */
  mapPath?: (path: FieldPath) => FieldPath | undefined;
  /** Fields whose value is an array or object (cascaders, tag lists) but that still show errors. */
  isField?: (name: FieldPath) => boolean;
}

const isPlainValue = (value: unknown) => value === null || typeof value !== 'object';

/**
 * Errors from the core (or a whole-object domain check) placed on the form's fields, with those that
 * belong to no single field (e.g. "weights must sum to 100") kept aside for a summary. They are
 * translated again when the language changes, so a refusal never stays in the previous language.
 */
export function useFieldErrors(form: FormInstance, options: FieldErrorsOptions = {}) {
  const { t, i18n } = useTranslation();
  const last = useRef<FieldError[]>([]);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const place = useCallback(
    (fields: readonly FieldError[]) => {
      const { mapPath = (path: FieldPath) => path, isField } = optionsRef.current;
      const onFields: FieldError[] = [];
      const aside: FieldError[] = [];
      for (const field of fields) {
        const name = mapPath(splitPath(field.path));
        const shown = name !== undefined && field.path !== '(input)' && field.path !== '' && (isField?.(name) || isPlainValue(form.getFieldValue(name)));
        (shown ? onFields : aside).push(field);
      }
      showFieldMessages(form, t, onFields, mapPath);
      setUnplaced(aside);
      return onFields.length + aside.length > 0;
    },
    [form, t],
  );

  const show = useCallback(
    (fields: readonly FieldError[]) => {
      last.current = [...fields];
      return place(fields);
    },
    [place],
  );

  const clear = useCallback(() => {
    last.current = [];
    setUnplaced([]);
  }, []);

  /** A field the user edits drops the core's old verdict on it (the form's own rules take over). */
  const forget = useCallback(
    (changedValues: object) => {
      const keys = new Set(Object.keys(changedValues));
      const mapPath = optionsRef.current.mapPath ?? ((path: FieldPath) => path);
      const touched = (field: FieldError) => keys.has(String(splitPath(field.path)[0])) || keys.has(String(mapPath(splitPath(field.path))?.[0]));
      const stale = last.current.filter(touched);
      if (stale.length === 0) return;
      last.current = last.current.filter((field) => !touched(field));
      setUnplaced((current) => current.filter((field) => last.current.includes(field)));
      // The old verdict may sit on a sibling field (e.g. a sum shown under the last weight): clear it there too.
      const names = stale.map((field) => mapPath(splitPath(field.path))).filter((name): name is FieldPath => name !== undefined);
      form.setFields(names.map((name) => ({ name, errors: [] })));
    },
    [form],
  );

  const language = i18n.language;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const withErrors = form.getFieldsError().filter((field) => field.errors.length > 0).map((field) => field.name);
    if (withErrors.length === 0) {
      place(last.current);
      return;
    }
    void form
      .validateFields(withErrors)
      .catch(() => undefined)
      .then(() => place(last.current));
  }, [language, form, place]);

  return { show, clear, forget, unplaced };
}
