import { describe, expect, it } from 'vitest';
import { localeFiles } from '../../../shared/i18n/resources';
import { LANGUAGES } from '../../../shared/i18n/languages';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function placeholders(tree: Tree): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') out.set(prefix + key, [...new Set([...value.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]))].sort().join(','));
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, '');
  return out;
}

describe('locale files', () => {
  const files = Object.keys(localeFiles['zh-CN']);

  it.each(files)('%s has the same keys in zh-CN, en and zh-TW', (file) => {
    const reference = keys(localeFiles['zh-CN'][file] as Tree).sort();
    for (const language of LANGUAGES) {
      expect(keys(localeFiles[language][file] as Tree).sort(), `${language}/${file}.json`).toEqual(reference);
    }
  });

  // Keys whose wording legitimately differs by language (English dates spell the month; Chinese use numbers).
  const languageSpecific = new Set(['documents:common.date', 'documents:certificate.date']);

  it.each(files)('%s uses the same interpolation variables in every language', (file) => {
    const reference = placeholders(localeFiles['zh-CN'][file] as Tree);
    for (const language of LANGUAGES) {
      const other = placeholders(localeFiles[language][file] as Tree);
      for (const [key, vars] of reference) {
        if (languageSpecific.has(`${file}:${key}`)) continue;
        expect(other.get(key), `${language}/${file}.json ${key}`).toBe(vars);
      }
    }
  });

  it('has no empty translations', () => {
    for (const language of LANGUAGES) {
      for (const [file, tree] of Object.entries(localeFiles[language])) {
        const empty: string[] = [];
        const walk = (node: Tree, prefix: string) => {
          for (const [key, value] of Object.entries(node)) {
            if (typeof value === 'string') {
              if (value.trim() === '') empty.push(prefix + key);
            } else walk(value, `${prefix}${key}.`);
          }
        };
        walk(tree as Tree, '');
        expect(empty, `${language}/${file}.json`).toEqual([]);
      }
    }
  });
});
