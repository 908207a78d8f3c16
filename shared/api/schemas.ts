import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

/**
 * Field rules carry i18n keys as their messages so a refused field can be shown in the user's language
 * by whichever UI receives it (see issues-to-field-errors.ts).
 */
export const noControlChars = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);

/**
 * The control-character rule of `textField`, for string fields shaped differently (optional, empty
 * allowed, their own messages). Tab, LF and CR pass: they are text in narratives, notes and profiles.
 * Call it where the field is defined, before `.default()`, so the field schema itself carries it.
 */
export const withoutControlChars = <S extends z.ZodString>(schema: S): S =>
  schema.refine(noControlChars, { error: 'errors.field.controlChars' });

export function textField(max: number) {
  return withoutControlChars(
    z
      .string({ error: 'errors.field.required' })
      .trim()
      .min(1, { error: 'errors.field.required' })
      .max(max, { error: 'errors.field.tooLong' }),
  );
}

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'errors.field.invalidId' });
export const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
export const languageSchema = z.enum(LANGUAGES);
export const workspaceRoleSchema = z.enum(['office', 'expert', 'enterprise']);
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;
export const emptyInput = z.object({}).strict();
