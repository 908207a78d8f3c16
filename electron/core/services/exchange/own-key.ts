/**
 * The workspace's own signing key and its outgoing sequence numbers. The key pair is made the first
 * time a package needs it and kept in the workspace (exchange_own_key); the private key is read only
 * to sign and never leaves this file.
 */
import type { KeyObject } from 'node:crypto';
import type { PackageKind } from '../../../../shared/api/package-manifest';
import type { CoreContext } from '../../context';
import { createWorkspaceKeyPair, keyFingerprint, loadPrivateKey } from '../../packages';

export interface OwnKey {
  keyId: string;
  publicKey: Buffer;
  privateKey: KeyObject;
}

interface OwnKeyRow {
  key_id: string;
  public_key: Buffer;
  private_key: Buffer;
}

export function readOwnKey(ctx: CoreContext): OwnKey | undefined {
  const row = ctx.db.prepare('SELECT key_id, public_key, private_key FROM exchange_own_key WHERE slot = 1').get() as OwnKeyRow | undefined;
  return row ? { keyId: row.key_id, publicKey: row.public_key, privateKey: loadPrivateKey(row.private_key) } : undefined;
}

/** Inside the caller's transaction when there is one: the key and the change that first needs it commit together. */
export function ensureOwnKey(ctx: CoreContext): OwnKey {
  const existing = readOwnKey(ctx);
  if (existing) return existing;
  const pair = createWorkspaceKeyPair();
  ctx.db
    .prepare('INSERT INTO exchange_own_key (slot, key_id, public_key, private_key, created_at) VALUES (1, ?, ?, ?, ?)')
    .run(pair.keyId, pair.publicKeyRaw, pair.privateKeyRaw, ctx.clock().toISOString());
  return readOwnKey(ctx)!;
}

export function ownFingerprint(ctx: CoreContext): string | null {
  const row = ctx.db.prepare('SELECT key_id FROM exchange_own_key WHERE slot = 1').get() as { key_id: string } | undefined;
  return row ? keyFingerprint(row.key_id) : null;
}

/**
 * The next sequence for a kind, persisted before the file is written (docs/packages.md §4): a number
 * handed out is never handed out again, even if writing the package then fails.
 */
export function takeSequence(ctx: CoreContext, kind: PackageKind): number {
  return ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT last_sequence FROM exchange_sent_sequences WHERE kind = ?').get(kind) as { last_sequence: number } | undefined;
    const next = (row?.last_sequence ?? 0) + 1;
    ctx.db
      .prepare(
        `INSERT INTO exchange_sent_sequences (kind, last_sequence, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(kind) DO UPDATE SET last_sequence = excluded.last_sequence, updated_at = excluded.updated_at`,
      )
      .run(kind, next, ctx.clock().toISOString());
    return next;
  })();
}
