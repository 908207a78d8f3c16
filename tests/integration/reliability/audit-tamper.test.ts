import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyWorkspace } from '../../../electron/core/maintenance/verify';
import { office, openTestCore, tempDir } from '../../helpers/workspace';
import { createCycles, runCli } from './helpers';

/**
 * Random tampering with the audit log of a closed workspace, as someone with the sqlite3 shell could do
 * it: drop the append-only triggers, then edit, delete, reorder or insert rows — without recomputing the
 * SHA-256 chain (the chain is unkeyed: whoever recomputes every hash and the head in `meta` writes a new,
 * consistent history; that is what backups and exchanged packages are for, not this check).
 */
const COLUMNS = ['seq', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'payload', 'prev_hash', 'hash'] as const;

type Tamper =
  | { kind: 'edit'; row: number; column: (typeof COLUMNS)[number]; text: string; number: number; flip: number }
  | { kind: 'delete'; row: number; count: number }
  | { kind: 'reorder'; a: number; b: number }
  | { kind: 'insert'; at: number; from: number; fabricated: boolean; hash: string };

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 64, maxLength: 64 });
const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), row: fc.nat(), column: fc.constantFrom(...COLUMNS), text: fc.string({ maxLength: 20 }), number: fc.integer({ min: -5, max: 1000 }), flip: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), row: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('reorder' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), from: fc.nat(), fabricated: fc.boolean(), hash: hex }),
);

type Row = Record<(typeof COLUMNS)[number], string | number>;

function apply(db: Database.Database, tamper: Tamper): void {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  if (rows.length === 0) return;
  const pick = (n: number) => rows[n % rows.length]!;
  switch (tamper.kind) {
    case 'edit': {
      const row = pick(tamper.row);
      const old = row[tamper.column];
      let value: string | number;
      if (tamper.column === 'seq') {
        value = tamper.number;
        if (rows.some((r) => r.seq === value)) value = Math.max(...rows.map((r) => Number(r.seq))) + 1 + Math.abs(tamper.number);
      } else if (tamper.flip % 2 === 0 && String(old).length > 0) {
        // One character changed: the smallest edit there is.
        const text = String(old);
        const i = tamper.flip % text.length;
        value = text.slice(0, i) + (text[i] === 'x' ? 'y' : 'x') + text.slice(i + 1);
      } else value = tamper.text;
      db.prepare(`UPDATE audit_log SET ${tamper.column} = ? WHERE seq = ?`).run(value, row.seq);
      return;
    }
    case 'delete': {
      const start = tamper.row % rows.length;
      for (const row of rows.slice(start, start + tamper.count)) db.prepare('DELETE FROM audit_log WHERE seq = ?').run(row.seq);
      return;
    }
    case 'reorder': {
      // Two entries trade places: every column but seq moves.
      const [a, b] = [pick(tamper.a), pick(tamper.b)];
      const set = COLUMNS.filter((c) => c !== 'seq').map((c) => `${c} = @${c}`).join(', ');
      db.prepare(`UPDATE audit_log SET ${set} WHERE seq = @target`).run({ ...b, target: a.seq });
      db.prepare(`UPDATE audit_log SET ${set} WHERE seq = @target`).run({ ...a, target: b.seq });
      return;
    }
    case 'insert': {
      const at = Number(pick(tamper.at).seq) + (tamper.at % 2); // before or after an existing entry
      // Make room: move the tail up by one (through negative numbers, so no two rows share a seq midway).
      db.prepare('UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= ?').run(at);
      db.prepare('UPDATE audit_log SET seq = -seq WHERE seq < 0').run();
      const source = pick(tamper.from);
      const previous = db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(at) as { hash: string } | undefined;
      const row = tamper.fabricated
        ? { ...source, seq: at, actor: 'mallory', action: 'cycles.delete', payload: '{}', prev_hash: previous?.hash ?? '0'.repeat(64), hash: tamper.hash }
        : { ...source, seq: at };
      db.prepare(`INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`).run(row);
      return;
    }
  }
}

const temp = tempDir('award-desk-audit-tamper-');
let pristine: string;
let copies = 0;

beforeAll(async () => {
  const core = openTestCore(temp.dir, { file: 'pristine.sqlite' });
  await createCycles(core, '第', 6);
  expect(await core.dispatch('settings.update', { language: 'en' }, office)).toMatchObject({ ok: true });
  await createCycles(core, '质量奖', 3);
  core.close();
  pristine = join(temp.dir, 'pristine.sqlite');
});
afterAll(() => temp.dispose());

const dump = (db: Database.Database) => JSON.stringify(db.prepare('SELECT * FROM audit_log ORDER BY seq').all());

/** A tampered copy of the pristine workspace, or undefined when the operations cancelled each other out. */
function tampered(operations: Tamper[]): string | undefined {
  const file = join(temp.dir, `tampered-${++copies}.sqlite`);
  copyFileSync(pristine, file);
  const db = new Database(file);
  let changed: boolean;
  try {
    const before = dump(db);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    for (const operation of operations) apply(db, operation);
    changed = dump(db) !== before;
  } finally {
    db.close();
  }
  if (changed) return file;
  rmSync(file);
  return undefined;
}

describe('audit log: random tampering is always caught', () => {
  it('the pristine workspace verifies, in the core and through the CLI', () => {
    expect(verifyWorkspace(pristine).ok).toBe(true);
    expect(runCli(['verify', '--workspace', pristine])).toMatchObject({ code: 0 });
  });

  it('the core’s verify catches every generated tampering (edit, delete, reorder, insert; one to three at once)', () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(tamperArb, { minLength: 1, maxLength: 3 }), (operations) => {
        const file = tampered(operations);
        fc.pre(file !== undefined);
        for (const op of operations) kinds.set(op.kind, (kinds.get(op.kind) ?? 0) + 1);
        const report = verifyWorkspace(file!);
        rmSync(file!);
        expect(report.ok, JSON.stringify(operations)).toBe(false);
      }),
      { numRuns: 500 },
    );
    console.log(`audit tampering: 500 tampered workspaces, all caught; operations ${JSON.stringify(Object.fromEntries(kinds))}`);
    expect([...kinds.keys()].sort()).toEqual(['delete', 'edit', 'insert', 'reorder']);
  }, 120_000);

  it('`award-desk verify` (the built CLI) exits non-zero and names the audit log for generated tampering', () => {
    fc.assert(
      fc.property(fc.array(tamperArb, { minLength: 1, maxLength: 2 }), (operations) => {
        const file = tampered(operations);
        fc.pre(file !== undefined);
        const { code, out } = runCli(['verify', '--workspace', file!]);
        rmSync(file!);
        expect(code, JSON.stringify(operations)).toBe(1);
        expect(out.toLowerCase()).toMatch(/audit/);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
