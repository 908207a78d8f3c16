import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resources } from '../../../shared/i18n/resources';
import { CHANNEL_NAMES } from '../../../shared/api/contract';
import { EVENT_NAMES } from '../../../shared/api/events';

const root = join(__dirname, '..', '..', '..');
const NAMESPACES = Object.keys(resources['zh-CN'].translation).filter((k) => typeof resources['zh-CN'].translation[k] === 'object');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function lookup(key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), resources['zh-CN'].translation);
}

describe('translation keys used in code', () => {
  it('every literal key in electron/, shared/ and renderer/ exists in the zh-CN locale files', () => {
    const pattern = new RegExp(`['"\`]((?:${NAMESPACES.join('|')})\\.[A-Za-z0-9_.-]+[A-Za-z0-9])['"\`]`, 'g');
    const notKeys = new Set<string>([...CHANNEL_NAMES, ...EVENT_NAMES]);
    const missing: string[] = [];
    for (const folder of ['electron', 'shared', 'renderer/src']) {
      for (const file of sourceFiles(join(root, folder))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(pattern)) {
          const key = match[1]!;
          if (notKeys.has(key)) continue;
          // A prefix constant (e.g. const K = 'applicants.cycle') names a subtree, not a message.
          const plural = lookup(`${key}_other`) !== undefined; // i18next picks key_one / key_other by count
          if (lookup(key) === undefined && !plural) missing.push(`${relative(root, file)}: ${key}`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
