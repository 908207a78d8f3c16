/**
 * What the exchange remembers: the last sequence accepted per sender and kind (replay protection),
 * and a log of every package imported or exported (the import log also recognises a file seen before).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppError } from '../../../../shared/api/errors';
import type { ExchangeHistoryEntry, ImportSummary } from '../../../../shared/api/exchange';
import { importSummarySchema } from '../../../../shared/api/exchange';
import type { PackageKind } from '../../../../shared/api/package-manifest';
import type { CoreContext } from '../../context';

export function lastAcceptedSequence(ctx: CoreContext, senderWorkspaceId: string, kind: PackageKind): number | null {
  const row = ctx.db.prepare('SELECT last_sequence FROM exchange_received_sequences WHERE sender_workspace_id = ? AND kind = ?').get(senderWorkspaceId, kind) as
    | { last_sequence: number }
    | undefined;
  return row?.last_sequence ?? null;
}

/**
 * Inside the import's transaction: checks the sequence once more (another import may have committed
 * since the package was verified) and records it, so the payload and the counter commit together.
 */
export function acceptSequence(ctx: CoreContext, senderWorkspaceId: string, kind: PackageKind, sequence: number): void {
  const last = lastAcceptedSequence(ctx, senderWorkspaceId, kind);
  if (last !== null && sequence <= last) throw new AppError('refused', 'packages.refused.replay', { sequence, minimum: last + 1 });
  ctx.db
    .prepare(
      `INSERT INTO exchange_received_sequences (sender_workspace_id, kind, last_sequence, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(sender_workspace_id, kind) DO UPDATE SET last_sequence = excluded.last_sequence, updated_at = excluded.updated_at`,
    )
    .run(senderWorkspaceId, kind, sequence, ctx.clock().toISOString());
}

export interface LogEntry {
  direction: 'import' | 'export';
  kind: PackageKind;
  packageId: string;
  packageSha256: string;
  cycleId: string;
  senderWorkspaceId: string;
  sequence: number;
  fileName: string;
  /** Import: the ImportSummary; export: who and what it was for. */
  summary: StoredSummary;
  actor: string;
}

export interface StoredSummary {
  subject: string;
  version: number | null;
  import?: ImportSummary;
}

export function logExchange(ctx: CoreContext, entry: LogEntry): string {
  const id = randomUUID();
  ctx.db
    .prepare(
      `INSERT INTO exchange_log (id, direction, kind, package_id, package_sha256, cycle_id, sender_workspace_id, sequence, file_name, summary, at, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      entry.direction,
      entry.kind,
      entry.packageId,
      entry.packageSha256,
      entry.cycleId,
      entry.senderWorkspaceId,
      entry.sequence,
      entry.fileName,
      JSON.stringify(entry.summary),
      ctx.clock().toISOString(),
      entry.actor,
    );
  return id;
}

/** The summary of an earlier import of exactly these bytes, if any. */
export function previousImport(ctx: CoreContext, sha256: string): ImportSummary | undefined {
  const row = ctx.db.prepare(`SELECT summary FROM exchange_log WHERE direction = 'import' AND package_sha256 = ?`).get(sha256) as { summary: string } | undefined;
  if (!row) return undefined;
  const stored = JSON.parse(row.summary) as StoredSummary;
  const parsed = importSummarySchema.safeParse(stored.import);
  return parsed.success ? parsed.data : undefined;
}

export function exchangeHistory(ctx: CoreContext): ExchangeHistoryEntry[] {
  const rows = ctx.db.prepare('SELECT * FROM exchange_log ORDER BY at DESC, rowid DESC LIMIT 500').all() as {
    id: string;
    direction: 'import' | 'export';
    kind: PackageKind;
    package_id: string;
    cycle_id: string;
    sequence: number;
    file_name: string;
    summary: string;
    at: string;
    actor: string;
  }[];
  return rows.map((row) => {
    const summary = JSON.parse(row.summary) as StoredSummary;
    return {
      id: row.id,
      direction: row.direction,
      kind: row.kind,
      packageId: row.package_id,
      cycleId: row.cycle_id,
      sequence: row.sequence,
      fileName: row.file_name,
      subject: summary.subject,
      version: summary.version,
      at: row.at,
      actor: row.actor,
    };
  });
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
