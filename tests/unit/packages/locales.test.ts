import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { PACKAGE_KINDS } from '../../../shared/api/package-manifest';
import { REFUSAL_REASONS } from '../../../electron/core/packages/refusal';
import type { EntryPathRule } from '../../../electron/core/packages/entry-path';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(join(__dirname, '../../../shared/i18n/locales', lang, 'packages.json'), 'utf8')) as Tree;
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/gu)].map((m) => m[1]).sort();

const RULES: EntryPathRule[] = ['emptySegment', 'controlCharacter', 'backslash', 'absolute', 'driveLetter', 'colon', 'parentSegment', 'dotSegment', 'reservedCharacter', 'deviceName', 'trailingDotOrSpace', 'nameTooLong'];

describe('packages locale files', () => {
  const files = Object.fromEntries(LANGUAGES.map((lang) => [lang, flatten(load(lang))]));
  const reference = files['en']!;

  it('have identical keys and placeholders in every language', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(files[lang]!).sort(), lang).toEqual(Object.keys(reference).sort());
      for (const [key, text] of Object.entries(files[lang]!)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(reference[key]!));
      }
    }
  });

  it('translate every refusal reason, path rule and package kind', () => {
    for (const reason of REFUSAL_REASONS) expect(reference[`refused.${reason}`], reason).toBeDefined();
    for (const rule of RULES) expect(reference[`pathRule.${rule}`], rule).toBeDefined();
    for (const kind of PACKAGE_KINDS) expect(reference[`kind.${kind}`], kind).toBeDefined();
  });
});
