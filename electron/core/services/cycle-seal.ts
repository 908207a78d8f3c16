/**
 * The office's seal (公章) for a cycle's certificates: a PNG with transparency, kept as a BLOB beside
 * the cycle (see migration 0070) and stamped by every certificate printed from the app. Each change is
 * audited with the image's hash, size and dimensions (not its bytes, which the table holds), and refused
 * once the cycle's results are approved, like the cycle's settings.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { MAX_SEAL_BYTES, type CycleSeal, type SetCycleSealInput } from '../../../shared/api/cycles';
import type { CallContext } from '../../../shared/api/contract';
import { audited, type CoreContext } from '../context';
import { checkSealPng } from './seal-png';

interface SealRow {
  cycle_id: string;
  png: Buffer;
  sha256: string;
  width: number;
  height: number;
  file_name: string;
  set_by: string;
  set_at: string;
}

function cycleOf(ctx: CoreContext, cycleId: string): { name: string; status: string } {
  const cycle = ctx.db.prepare('SELECT name, status FROM cycles WHERE id = ?').get(cycleId) as { name: string; status: string } | undefined;
  if (!cycle) throw new AppError('notFound', 'errors.cycles.notFound', { id: cycleId });
  return cycle;
}

function assertUnlocked(cycle: { name: string; status: string }): void {
  if (cycle.status === 'approved') throw new AppError('refused', 'errors.cycles.locked', { name: cycle.name });
}

function sealRow(ctx: CoreContext, cycleId: string): SealRow | undefined {
  return ctx.db.prepare('SELECT * FROM cycle_seals WHERE cycle_id = ?').get(cycleId) as SealRow | undefined;
}

const toSeal = (row: SealRow): CycleSeal => ({
  cycleId: row.cycle_id,
  fileName: row.file_name,
  contentBase64: row.png.toString('base64'),
  sha256: row.sha256,
  bytes: row.png.length,
  width: row.width,
  height: row.height,
  setBy: row.set_by,
  setAt: row.set_at,
});

/** The PNG bytes for printing, or undefined when the cycle has no seal. */
export function readCycleSeal(ctx: CoreContext, cycleId: string): Uint8Array | undefined {
  const png = ctx.db.prepare('SELECT png FROM cycle_seals WHERE cycle_id = ?').pluck().get(cycleId) as Buffer | undefined;
  return png ? new Uint8Array(png) : undefined;
}

export function getCycleSeal(ctx: CoreContext, cycleId: string): CycleSeal | null {
  cycleOf(ctx, cycleId);
  const row = sealRow(ctx, cycleId);
  return row ? toSeal(row) : null;
}

export function setCycleSeal(ctx: CoreContext, input: SetCycleSealInput, call: CallContext): CycleSeal {
  const png = Buffer.from(input.contentBase64, 'base64');
  // The schema bounds the base64; padding tricks aside, the bytes are bounded again here.
  if (png.length > MAX_SEAL_BYTES) throw new AppError('validation', 'ui.seal.tooLarge', { max: MAX_SEAL_BYTES });
  // Checked before the transaction: a refused image never touches the workspace.
  const { width, height } = checkSealPng(png);
  const sha256 = createHash('sha256').update(png).digest('hex');
  audited(ctx, (record) => {
    const cycle = cycleOf(ctx, input.cycleId);
    assertUnlocked(cycle);
    const before = sealRow(ctx, input.cycleId);
    const row = { cycle_id: input.cycleId, png, sha256, width, height, file_name: input.fileName, set_by: call.actor, set_at: ctx.clock().toISOString() };
    ctx.db
      .prepare(
        `INSERT INTO cycle_seals (cycle_id, png, sha256, width, height, file_name, set_by, set_at)
         VALUES (@cycle_id, @png, @sha256, @width, @height, @file_name, @set_by, @set_at)
         ON CONFLICT (cycle_id) DO UPDATE SET png = excluded.png, sha256 = excluded.sha256, width = excluded.width, height = excluded.height,
           file_name = excluded.file_name, set_by = excluded.set_by, set_at = excluded.set_at`,
      )
      .run(row);
    record({
      actor: call.actor,
      action: 'cycle.setSeal',
      entityType: 'cycle',
      entityId: input.cycleId,
      payload: { before: before ? { sha256: before.sha256, fileName: before.file_name } : null, after: { sha256, fileName: input.fileName, bytes: png.length, width, height } },
    });
  });
  return toSeal(sealRow(ctx, input.cycleId)!);
}

export function removeCycleSeal(ctx: CoreContext, cycleId: string, call: CallContext): { removed: boolean } {
  return audited(ctx, (record) => {
    const cycle = cycleOf(ctx, cycleId);
    assertUnlocked(cycle);
    const before = sealRow(ctx, cycleId);
    // Removing what is not there changes nothing, so it leaves no audit entry either.
    if (!before) return { removed: false };
    ctx.db.prepare('DELETE FROM cycle_seals WHERE cycle_id = ?').run(cycleId);
    record({ actor: call.actor, action: 'cycle.removeSeal', entityType: 'cycle', entityId: cycleId, payload: { before: { sha256: before.sha256, fileName: before.file_name } } });
    return { removed: true };
  });
}
