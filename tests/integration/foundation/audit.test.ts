import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { verifyAuditChain } from '../../../electron/core/db/audit';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

const temp = tempDir();
afterAll(() => temp.dispose());
const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');

/** A workspace with `count` audited changes, closed and ready to be tampered with. */
async function seeded(name: string, count = 5): Promise<string> {
  const core = openTestCore(temp.dir, { file: name });
  for (let i = 1; i <= count; i++) {
    const result = await core.dispatch('cycles.create', { name: `第${i}届质量奖`, year: 2020 + i }, office);
    expect(result.ok).toBe(true);
  }
  core.close();
  return join(temp.dir, name);
}

/** What someone with the sqlite3 shell could do: drop the guard triggers, then edit rows. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

function runVerify(file: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, [cli, 'verify', '--workspace', file, '--lang', 'en'], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, out: failure.stdout + failure.stderr };
  }
}

describe('audit log', () => {
  it('records each change in the same transaction, and nothing for a refused change', async () => {
    const core = openTestCore(temp.dir, { file: 'tx.sqlite' });
    await core.dispatch('cycles.create', { name: 'A', year: 2026 }, office);
    const refused = await core.dispatch('cycles.create', { name: 'A', year: 2027 }, office);
    expect(refused.ok).toBe(false);
    const rows = core.db.prepare('SELECT seq, actor, action, entity_type FROM audit_log').all();
    expect(rows).toEqual([{ seq: 1, actor: 'office', action: 'cycle.create', entity_type: 'cycle' }]);
    expect(() => core.db.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow(/append-only/);
    expect(() => core.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    core.close();
  });

  it('verify passes on an untouched workspace', async () => {
    const file = await seeded('clean.sqlite');
    const result = runVerify(file);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Database integrity check: ok');
    expect(result.out).toContain('Audit log hash chain: ok (5 entries)');
  });

  it('verify detects a hand-edited audit row and exits non-zero with the reason', async () => {
    const file = await seeded('edited.sqlite');
    tamper(file, `UPDATE audit_log SET payload = '{"name":"篡改","year":2021}' WHERE seq = 3`);
    const result = runVerify(file);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Audit log hash chain broken at entry 3: content does not match its hash');
  });

  it.each([
    ['deleted middle row', 'DELETE FROM audit_log WHERE seq = 2', 'sequence'],
    ['deleted last row', 'DELETE FROM audit_log WHERE seq = 5', 'head'],
    ['swapped rows', `UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1;`, 'link'],
    ['inserted row', `INSERT INTO audit_log SELECT 6, at, actor, action, entity_type, entity_id, payload, hash, hash FROM audit_log WHERE seq = 5`, 'hash'],
    ['re-hashed edit without the head', `UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`, 'hash'],
  ])('detects a %s', async (_label, sql, reason) => {
    const file = await seeded(`tamper-${reason}-${Math.random().toString(36).slice(2)}.sqlite`);
    tamper(file, sql);
    const db = new Database(file, { readonly: true });
    const verdict = verifyAuditChain(db);
    db.close();
    expect(verdict).toMatchObject({ ok: false, reason });
    expect(runVerify(file).code).toBe(1);
  });
});
