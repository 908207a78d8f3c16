/**
 * Scoring sessions: an expert signs in on the office machine with the PIN the office set, and gets a
 * token (32 random bytes) that every expert-side channel carries. Tokens live only in this process's
 * memory (keyed by their SHA-256), expire after an hour without use, and die with the workspace.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import { audited, type CoreContext } from '../../context';
import { verifyPin } from './pin';
import { expertRow } from './experts';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_SECONDS = 60;
export const SESSION_IDLE_MS = 60 * 60 * 1000;

interface Session {
  expertId: string;
  expiresAt: number;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export class ScoringSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: () => Date) {}

  open(expertId: string): { sessionToken: string; expiresAt: string } {
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = this.clock().getTime() + SESSION_IDLE_MS;
    this.sessions.set(digest(sessionToken), { expertId, expiresAt });
    return { sessionToken, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The expert behind a live token; each use extends it. */
  resolve(sessionToken: string): { expertId: string; expiresAt: string } {
    const key = digest(sessionToken);
    const session = this.sessions.get(key);
    const now = this.clock().getTime();
    if (!session || session.expiresAt <= now) {
      this.sessions.delete(key);
      throw new AppError('unauthorized', 'panels.session.expired');
    }
    session.expiresAt = now + SESSION_IDLE_MS;
    return { expertId: session.expertId, expiresAt: new Date(session.expiresAt).toISOString() };
  }

  close(sessionToken: string): boolean {
    return this.sessions.delete(digest(sessionToken));
  }
}

interface PinRow {
  salt: Buffer;
  hash: Buffer;
  failed_attempts: number;
  locked_until: string | null;
}

/**
 * Five wrong PINs in a row lock the expert out for 60 seconds (by the core's clock); the count is kept
 * in the workspace so that restarting the app does not reset it.
 */
export async function signIn(ctx: CoreContext, sessions: ScoringSessions, expertId: string, pin: string) {
  const expert = expertRow(ctx, expertId);
  const pinRow = () => ctx.db.prepare('SELECT salt, hash, failed_attempts, locked_until FROM expert_pins WHERE expert_id = ?').get(expertId) as PinRow | undefined;
  const refuseIfLocked = (row: PinRow) => {
    const now = ctx.clock().getTime();
    if (row.locked_until !== null && Date.parse(row.locked_until) > now) {
      throw new AppError('refused', 'panels.session.lockedOut', { name: expert.name, seconds: Math.ceil((Date.parse(row.locked_until) - now) / 1000) });
    }
  };
  const before = pinRow();
  if (!before) throw new AppError('refused', 'panels.session.noPin', { name: expert.name });
  refuseIfLocked(before);
  const right = await verifyPin(pin, before.salt, before.hash);
  const actor = `expert:${expertId}`;
  if (!right) {
    const lockedOut = audited(ctx, (log) => {
      const row = pinRow()!;
      const failed = row.failed_attempts + 1;
      if (failed < MAX_WRONG_PINS) {
        ctx.db.prepare('UPDATE expert_pins SET failed_attempts = ? WHERE expert_id = ?').run(failed, expertId);
        return { remaining: MAX_WRONG_PINS - failed };
      }
      const until = new Date(ctx.clock().getTime() + LOCKOUT_SECONDS * 1000).toISOString();
      ctx.db.prepare('UPDATE expert_pins SET failed_attempts = 0, locked_until = ? WHERE expert_id = ?').run(until, expertId);
      log({ actor, action: 'session.lockout', entityType: 'expert', entityId: expertId, payload: { attempts: failed, until } });
      return null;
    });
    if (lockedOut === null) throw new AppError('refused', 'panels.session.lockedOut', { name: expert.name, seconds: LOCKOUT_SECONDS });
    throw new AppError('unauthorized', 'panels.session.wrongPin', { remaining: lockedOut.remaining });
  }
  audited(ctx, (log) => {
    // Another attempt may have locked the expert out while this PIN was being checked.
    refuseIfLocked(pinRow()!);
    ctx.db.prepare('UPDATE expert_pins SET failed_attempts = 0, locked_until = NULL WHERE expert_id = ?').run(expertId);
    log({ actor, action: 'session.signIn', entityType: 'expert', entityId: expertId, payload: {} });
  });
  const opened = sessions.open(expertId);
  return { ...opened, expertId, expertName: expert.name };
}

/**
 * The expert an examiner workspace was made for (its review package named them). Only that workspace
 * role has one; the office's review room always asks for a PIN.
 */
export function openOwnSession(ctx: CoreContext, sessions: ScoringSessions) {
  if (ctx.workspace.role !== 'expert') throw new AppError('forbidden', 'panels.session.notOwnWorkspace');
  const own = ctx.db.prepare('SELECT expert_id FROM exchange_expert_identity WHERE slot = 1').get() as { expert_id: string } | undefined;
  if (!own) throw new AppError('refused', 'panels.session.noOwnExpert');
  const expert = expertRow(ctx, own.expert_id);
  return { ...sessions.open(expert.id), expertId: expert.id, expertName: expert.name };
}
