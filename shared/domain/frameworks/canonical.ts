import { AppError } from '../../api/errors';
import type { Framework } from './schema';

/**
 * What a fingerprint covers:
 * - 'content': everything in the framework (structure, points, names, notes, bands, revision):
 *   any edit to the file's meaning gives a new fingerprint.
 * - 'scoring': only what a stored score depends on (code, version, scale, total and the tree of
 *   ids, kinds and points, in order). A corrected translation leaves it unchanged, so the core can
 *   freeze a framework once scores exist and still accept wording fixes.
 */
export type FingerprintScope = 'content' | 'scoring';

/**
 * Canonical JSON: object keys sorted, array order kept (it is meaningful: reading order), no
 * whitespace, undefined members dropped. Equal frameworks give byte-identical strings, which the
 * core hashes (node:crypto) into a fingerprint.
 */
export function canonicalFrameworkJson(framework: Framework, scope: FingerprintScope = 'content'): string {
  return canonicalJson(scope === 'content' ? framework : scoringContent(framework));
}

function scoringContent(framework: Framework): unknown {
  return {
    code: framework.code,
    version: framework.version,
    total: framework.total,
    scale: framework.scale,
    categories: framework.categories.map((category) => ({
      id: category.id,
      kind: category.kind,
      points: category.points,
      items: category.items.map((item) => ({ id: item.id, kind: item.kind, points: item.points })),
    })),
  };
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((entry) => (entry === undefined ? 'null' : canonicalJson(entry))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  throw new AppError('internal', 'frameworks.error.notCanonical', { type: typeof value });
}
