import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Cycle, CycleDetail, CreateCycleInput } from '../../../shared/api/cycles';
import type { CallContext } from '../../../shared/api/contract';
import { cycleSettingsSchema, defaultCycleSettings, type CycleSettings } from '../../../shared/domain/cycle-settings';
import type { Framework } from '../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../context';
import { ensureBuiltInFrameworks, frameworkById } from './frameworks';
import { getSettings } from './settings';

interface CycleRow {
  id: string;
  name: string;
  year: number;
  framework_id: string;
  settings: string;
  status: 'open' | 'approved';
  created_at: string;
  updated_at: string;
  applicant_count: number;
  frozen: number;
}

const SELECT_CYCLE = `
  SELECT c.*, (SELECT count(*) FROM applicants a WHERE a.cycle_id = c.id) AS applicant_count,
         EXISTS (SELECT 1 FROM scores s WHERE s.cycle_id = c.id) AS frozen
  FROM cycles c`;

function toCycle(ctx: CoreContext, row: CycleRow): Cycle {
  const framework = frameworkById(ctx, row.framework_id);
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    frameworkId: row.framework_id,
    frameworkName: framework.names[getSettings(ctx).language],
    frameworkFrozen: row.frozen === 1,
    status: row.status,
    applicantCount: row.applicant_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function cycleRow(ctx: CoreContext, cycleId: string): CycleRow {
  const row = ctx.db.prepare(`${SELECT_CYCLE} WHERE c.id = ?`).get(cycleId) as CycleRow | undefined;
  if (!row) throw new AppError('notFound', 'errors.cycles.notFound', { id: cycleId });
  return row;
}

export function listCycles(ctx: CoreContext): Cycle[] {
  const rows = ctx.db.prepare(`${SELECT_CYCLE} ORDER BY c.year DESC, c.created_at DESC`).all() as CycleRow[];
  return rows.map((row) => toCycle(ctx, row));
}

export function getCycle(ctx: CoreContext, cycleId: string): CycleDetail {
  const row = cycleRow(ctx, cycleId);
  return { ...toCycle(ctx, row), settings: cycleSettingsSchema.parse(JSON.parse(row.settings)) };
}

/** For services that compute with the cycle's rules and criteria. */
export function cycleContext(ctx: CoreContext, cycleId: string): { cycle: CycleDetail; framework: Framework } {
  const cycle = getCycle(ctx, cycleId);
  return { cycle, framework: frameworkById(ctx, cycle.frameworkId) };
}

export async function createCycle(ctx: CoreContext, input: CreateCycleInput, call: CallContext): Promise<Cycle> {
  const frameworkId = await ensureBuiltInFrameworks(ctx);
  const id = audited(ctx, (record) => {
    const duplicate = ctx.db.prepare('SELECT 1 FROM cycles WHERE name = ?').get(input.name);
    if (duplicate) {
      throw new AppError('conflict', 'errors.cycles.duplicateName', { name: input.name }, [{ path: 'name', key: 'errors.cycles.duplicateName', params: { name: input.name } }]);
    }
    const now = ctx.clock().toISOString();
    const row = { id: randomUUID(), name: input.name, year: input.year, framework_id: frameworkId, settings: JSON.stringify(defaultCycleSettings()), created_at: now, updated_at: now };
    ctx.db.prepare('INSERT INTO cycles (id, name, year, framework_id, settings, created_at, updated_at) VALUES (@id, @name, @year, @framework_id, @settings, @created_at, @updated_at)').run(row);
    record({ actor: call.actor, action: 'cycle.create', entityType: 'cycle', entityId: row.id, payload: { ...input, frameworkId } });
    return row.id;
  });
  ctx.emit('data.changed', { entity: 'cycles' });
  return toCycle(ctx, cycleRow(ctx, id));
}

export function updateCycleSettings(ctx: CoreContext, cycleId: string, settings: CycleSettings, call: CallContext): CycleDetail {
  audited(ctx, (record) => {
    const before = cycleRow(ctx, cycleId);
    if (before.status === 'approved') throw new AppError('refused', 'errors.cycles.locked', { name: before.name });
    ctx.db.prepare('UPDATE cycles SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(settings), ctx.clock().toISOString(), cycleId);
    record({ actor: call.actor, action: 'cycle.updateSettings', entityType: 'cycle', entityId: cycleId, payload: { before: JSON.parse(before.settings), after: settings } });
  });
  return getCycle(ctx, cycleId);
}

/** The framework is frozen once any expert score exists: scores would otherwise change meaning. */
export async function setCycleFramework(ctx: CoreContext, cycleId: string, frameworkId: string, call: CallContext): Promise<CycleDetail> {
  await ensureBuiltInFrameworks(ctx);
  frameworkById(ctx, frameworkId);
  audited(ctx, (record) => {
    const before = cycleRow(ctx, cycleId);
    if (before.frozen === 1) throw new AppError('refused', 'errors.cycles.frameworkFrozen', { name: before.name });
    ctx.db.prepare('UPDATE cycles SET framework_id = ?, updated_at = ? WHERE id = ?').run(frameworkId, ctx.clock().toISOString(), cycleId);
    record({ actor: call.actor, action: 'cycle.setFramework', entityType: 'cycle', entityId: cycleId, payload: { before: before.framework_id, after: frameworkId } });
  });
  return getCycle(ctx, cycleId);
}
