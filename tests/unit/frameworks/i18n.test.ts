import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../scoring/support';

function keysOf(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(tree: unknown, key: string): string[] {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
  return [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))].sort();
}

describe('scoring and frameworks texts', () => {
  for (const namespace of ['scoring', 'frameworks']) {
    it(`${namespace}.json has the same keys and placeholders in zh-CN, en and zh-TW, and no empty text`, () => {
      const files = ['zh-CN', 'en', 'zh-TW'].map(
        (lang) => JSON.parse(readFileSync(join(root, 'shared', 'i18n', 'locales', lang, `${namespace}.json`), 'utf8')) as unknown,
      );
      const [reference, ...others] = files;
      const keys = keysOf(reference).sort();
      expect(keys.length).toBeGreaterThan(30);
      for (const other of others) expect(keysOf(other).sort()).toEqual(keys);
      for (const key of keys) {
        const expected = placeholders(reference, key);
        for (const file of files) {
          const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
          expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
          expect(placeholders(file, key), key).toEqual(expected);
        }
      }
    });
  }
});
