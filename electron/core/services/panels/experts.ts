import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import { expertRecordSchema, type ExpertDetail, type ExpertRecord, type ExpertRow } from '../../../../shared/api/panels';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { audited, type AuditRecorder, type CoreContext } from '../../context';
import { hashPin } from './pin';

export interface ExpertDbRow {
  id: string;
  name: string;
  organisation: string;
  record: string;
  created_at: string;
  updated_at: string;
  has_pin: number;
}

const SELECT_EXPERT = `SELECT e.*, EXISTS (SELECT 1 FROM expert_pins p WHERE p.expert_id = e.id) AS has_pin FROM experts e`;

export function expertRow(ctx: CoreContext, expertId: string): ExpertDbRow {
  const row = ctx.db.prepare(`${SELECT_EXPERT} WHERE e.id = ?`).get(expertId) as ExpertDbRow | undefined;
  if (!row) throw new AppError('notFound', 'panels.error.expertNotFound', { id: expertId });
  return row;
}

/** Rows written before the registry existed (or by hand) may hold `{}`: they read as an empty record. */
export function expertRecord(row: Pick<ExpertDbRow, 'name' | 'organisation' | 'record'>): ExpertRecord {
  const parsed = expertRecordSchema.safeParse({ name: row.name, organisation: row.organisation, ...(JSON.parse(row.record) as object) });
  if (parsed.success) return parsed.data;
  return expertRecordSchema.parse({ name: row.name || '-', organisation: row.organisation || '-' });
}

function toRow(row: ExpertDbRow): ExpertRow {
  const record = expertRecord(row);
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    title: record.title,
    specialties: record.specialties,
    availability: record.availability,
    groupName: record.groupName,
    hasPin: row.has_pin === 1,
    updatedAt: row.updated_at,
  };
}

export function getExpert(ctx: CoreContext, expertId: string): ExpertDetail {
  const row = expertRow(ctx, expertId);
  return { ...toRow(row), record: expertRecord(row), createdAt: row.created_at };
}

export function listExperts(ctx: CoreContext, filter: { search?: string | undefined; specialty?: string | undefined; availableFor?: StageId | undefined }): ExpertRow[] {
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = ctx.db
    .prepare(`${SELECT_EXPERT} WHERE (@search IS NULL OR e.name LIKE @search ESCAPE '\\' OR e.organisation LIKE @search ESCAPE '\\') ORDER BY e.name, e.id`)
    .all({ search }) as ExpertDbRow[];
  return rows
    .map(toRow)
    .filter((row) => !filter.specialty || row.specialties.includes(filter.specialty))
    .filter((row) => !filter.availableFor || row.availability[filter.availableFor]);
}

/** Inside an open transaction: used by create and by the all-or-nothing Excel import. */
export function insertExpert(ctx: CoreContext, record: ExpertRecord, call: CallContext, log: AuditRecorder): string {
  const id = randomUUID();
  const now = ctx.clock().toISOString();
  ctx.db
    .prepare('INSERT INTO experts (id, name, organisation, record, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, record.name, record.organisation, JSON.stringify(record), now, now);
  log({ actor: call.actor, action: 'expert.create', entityType: 'expert', entityId: id, payload: record });
  return id;
}

export function createExpert(ctx: CoreContext, record: ExpertRecord, call: CallContext): ExpertDetail {
  const id = audited(ctx, (log) => insertExpert(ctx, record, call, log));
  ctx.emit('data.changed', { entity: 'experts' });
  return getExpert(ctx, id);
}

export function updateExpert(ctx: CoreContext, expertId: string, record: ExpertRecord, call: CallContext): ExpertDetail {
  audited(ctx, (log) => {
    const before = expertRow(ctx, expertId);
    ctx.db
      .prepare('UPDATE experts SET name = ?, organisation = ?, record = ?, updated_at = ? WHERE id = ?')
      .run(record.name, record.organisation, JSON.stringify(record), ctx.clock().toISOString(), expertId);
    log({ actor: call.actor, action: 'expert.update', entityType: 'expert', entityId: expertId, payload: { before: expertRecord(before), after: record } });
  });
  ctx.emit('data.changed', { entity: 'experts' });
  return getExpert(ctx, expertId);
}

/** Setting a PIN also clears a lockout; the audit records that it changed, never the PIN. */
export async function setExpertPin(ctx: CoreContext, expertId: string, pin: string, call: CallContext): Promise<{ expertId: string; pinSetAt: string }> {
  expertRow(ctx, expertId);
  const { salt, hash } = await hashPin(pin);
  const at = audited(ctx, (log) => {
    const now = ctx.clock().toISOString();
    ctx.db
      .prepare(
        `INSERT INTO expert_pins (expert_id, salt, hash, set_at, failed_attempts, locked_until) VALUES (?, ?, ?, ?, 0, NULL)
         ON CONFLICT(expert_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, set_at = excluded.set_at, failed_attempts = 0, locked_until = NULL`,
      )
      .run(expertId, salt, hash, now);
    log({ actor: call.actor, action: 'expert.setPin', entityType: 'expert', entityId: expertId, payload: {} });
    return now;
  });
  return { expertId, pinSetAt: at };
}
