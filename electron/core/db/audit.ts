import { createHash } from 'node:crypto';
import type { Db } from './connection';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers the stored text itself, so verification never depends on re-serialising JSON. */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const material = JSON.stringify([row.seq, row.at, row.actor, row.action, row.entity_type, row.entity_id, row.payload, row.prev_hash]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

/**
 * Must run inside the transaction that makes the change, so the record and the change commit or
 * vanish together. The chain head is also kept in `meta`, which makes a truncated tail detectable.
 */
export function appendAudit(db: Db, at: Date, entry: AuditEntry): void {
  if (!db.inTransaction) throw new Error('appendAudit must run inside the transaction of the change it records');
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    payload: JSON.stringify(entry.payload ?? null),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, payload, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @payload, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  db.prepare(`INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(
    `${row.seq}:${hash}`,
  );
}

export type AuditBreak = 'hash' | 'link' | 'sequence' | 'head';
export type AuditVerdict = { ok: true; count: number } | { ok: false; seq: number; reason: AuditBreak };

export function verifyAuditChain(db: Db): AuditVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    if (row.seq !== expectedSeq) return { ok: false, seq: row.seq, reason: 'sequence' };
    if (row.prev_hash !== prevHash) return { ok: false, seq: row.seq, reason: 'link' };
    const { hash, ...rest } = row;
    if (auditHash(rest) !== hash) return { ok: false, seq: row.seq, reason: 'hash' };
    prevHash = hash;
    expectedSeq += 1;
    count += 1;
  }
  const head = db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined;
  const actualHead = count === 0 ? undefined : `${count}:${prevHash}`;
  if (head?.value !== actualHead) return { ok: false, seq: count, reason: 'head' };
  return { ok: true, count };
}
