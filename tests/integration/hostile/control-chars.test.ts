import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, contract } from '../../../shared/api/contract';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { createTranslator } from '../../../electron/core/i18n';
import { messageFromIssue } from '../../../shared/api/issues-to-field-errors';

/**
 * Every free-text field of every channel, found by walking the zod schemas themselves, must refuse C0
 * control characters (NUL, BEL, ESC…; tab and newlines are text) with the one translated rule of
 * shared/api/schemas.ts, so a field added later with plain z.string() fails here.
 */
type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Each string schema reachable from `schema`, with its path (array items as `[]`). */
function stringLeaves(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], ancestors = new Set<z.ZodType>()): void {
  // Shared field schemas appear under many names; only a schema inside itself (z.lazy) would loop.
  if (ancestors.has(schema)) return;
  ancestors.add(schema);
  try {
    visit(schema, path, out, ancestors);
  } finally {
    ancestors.delete(schema);
  }
}

function visit(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], ancestors: Set<z.ZodType>): void {
  const def = defOf(schema);
  const child = (next: unknown, at = path) => stringLeaves(next as z.ZodType, at, out, ancestors);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) child(value, path ? `${path}.${key}` : key);
      return;
    case 'array':
      return child(def.element, `${path}[]`);
    case 'union':
      for (const option of def.options as z.ZodType[]) child(option);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return child(def.innerType);
    case 'pipe':
      return child(def.in);
    case 'lazy':
      return child((def.getter as () => z.ZodType)());
    case 'record':
      return child(def.valueType, `${path}.*`);
    case 'tuple':
      for (const item of def.items as z.ZodType[]) child(item, `${path}[]`);
      return;
    case 'intersection':
      child(def.left);
      return child(def.right);
    default:
      return; // enums, literals, numbers, booleans: no free text
  }
}

/** Plausible text around the control character, so only the character itself can be the reason for a refusal. */
const probes = ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u007fb'];

const CONTROL_CHARS_KEY = 'errors.field.controlChars';

describe('control characters in free-text fields', () => {
  it('every string field of every channel refuses them, with a translated message', () => {
    const accepting: string[] = [];
    const untranslated: string[] = [];
    const translate = createTranslator('en');
    let fields = 0;
    for (const channel of CHANNEL_NAMES) {
      const leaves: { path: string; schema: z.ZodType }[] = [];
      stringLeaves(contract[channel].input, '', leaves);
      for (const leaf of [...new Map(leaves.map((l) => [l.path, l])).values()]) {
        fields += 1;
        // A field that refuses plain text for other reasons (an id pattern) says nothing about control characters.
        if (!leaf.schema.safeParse('ab').success) continue;
        for (const probe of probes) {
          const parsed = leaf.schema.safeParse(probe);
          if (parsed.success) accepting.push(`${channel} ${leaf.path}`);
          // Refused by this rule or by the field's own pattern (ids): either way the user reads a translated message.
          else if (parsed.error.issues.map(messageFromIssue).some((message) => translate(message.key) === message.key)) untranslated.push(`${channel} ${leaf.path}`);
        }
      }
    }
    console.log(`control characters: ${fields} string fields in ${CHANNEL_NAMES.length} channels; ${accepting.length} accept them`);
    expect(fields).toBeGreaterThan(100);
    expect([...new Set(accepting)].sort()).toEqual([]);
    expect([...new Set(untranslated)].sort()).toEqual([]);
  });

  it('tab, newline and carriage return stay allowed in multi-line text', () => {
    const narrative = contract['applications.saveProfile'].input.safeParse({ applicantId: 'a1', profile: '第一段\t缩进\r\n第二段\n' });
    expect(narrative.success).toBe(true);
    const bell = contract['applications.saveProfile'].input.safeParse({ applicantId: 'a1', profile: '第一段\u0007' });
    expect(bell.success ? [] : bell.error.issues.map((issue) => messageFromIssue(issue).key)).toEqual([CONTROL_CHARS_KEY]);
  });

  it('the refusal message exists in every language', () => {
    const texts = LANGUAGES.map((language) => createTranslator(language)(CONTROL_CHARS_KEY));
    // i18next answers a missing key with the key itself.
    for (const text of texts) expect(text).not.toBe(CONTROL_CHARS_KEY);
    expect(new Set(texts).size).toBe(LANGUAGES.length);
  });
});
