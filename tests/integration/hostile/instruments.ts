import { expect } from 'vitest';
import type { Core } from '../../../electron/core';
import { createTranslator } from '../../../electron/core/i18n';
import type { Envelope } from '../../../shared/api/contract';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { defectPattern, type DefectKind, type HostileInput } from './hostile-inputs';

/**
 * Counts calls into the core's real handlers: each entry of the live handler table is replaced by a
 * wrapper that counts and then calls the original, so the core still does its real work when reached.
 * Dispatch looks the handler up on every call, so every call through any host passes the wrapper.
 */
export function countHandlerCalls(core: Core): { calls: Map<string, number>; total(): number } {
  const table = core.handlers as unknown as Record<string, (...args: unknown[]) => unknown>;
  const calls = new Map<string, number>();
  for (const [name, original] of Object.entries(table)) {
    table[name] = (...args: unknown[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return original(...args);
    };
  }
  return { calls, total: () => [...calls.values()].reduce((a, b) => a + b, 0) };
}

const translators = LANGUAGES.map((language) => createTranslator(language));

/** A refusal of invalid input: code `validation`, at least one field error, each a translatable key. */
export function expectValidationRefusal(envelope: Envelope, label: string): void {
  expect(envelope.ok, label).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.code, label).toBe('validation');
  const fields = envelope.error.fields ?? [];
  expect(fields.length, label).toBeGreaterThan(0);
  for (const field of fields) {
    expect(typeof field.path, label).toBe('string');
    for (const t of translators) expect(t(field.key, field.params), `${label}: ${field.key}`).not.toBe(field.key);
  }
}

/** Tallies the defects tried, per kind, so a report can say what was sent. */
export class DefectTally {
  readonly byKind = new Map<DefectKind, number>();
  readonly byChannel = new Map<string, number>();
  add(channel: string, kind: DefectKind): void {
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    this.byChannel.set(channel, (this.byChannel.get(channel) ?? 0) + 1);
  }
  get total(): number {
    return [...this.byChannel.values()].reduce((a, b) => a + b, 0);
  }
  summary(): string {
    const kinds = [...this.byKind.entries()].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', ');
    const perChannel = [...this.byChannel.values()];
    return `${this.total} hostile inputs over ${this.byChannel.size} channels (min ${Math.min(...perChannel)} per channel): ${kinds}`;
  }
}

/** The refusal names the broken field, so the UI can point at it (see defectPattern). */
export function expectDefectNamed(envelope: Envelope, input: HostileInput, label: string): void {
  if (envelope.ok) return;
  const paths = (envelope.error.fields ?? []).map((field) => field.path);
  expect(paths.some((path) => defectPattern(input).test(path)), `${label}: ${JSON.stringify(paths)}`).toBe(true);
}
