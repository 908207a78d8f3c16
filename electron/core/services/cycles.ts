import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Cycle, CreateCycleInput } from '../../../shared/api/cycles';
import type { CallContext } from '../../../shared/api/contract';
import { audited, type CoreContext } from '../context';

interface CycleRow {
  id: string;
  name: string;
  year: number;
  created_at: string;
  updated_at: string;
}

const toCycle = (row: CycleRow): Cycle => ({
  id: row.id,
  name: row.name,
  year: row.year,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function listCycles(ctx: CoreContext): Cycle[] {
  const rows = ctx.db.prepare('SELECT * FROM cycles ORDER BY year DESC, created_at DESC').all() as CycleRow[];
  return rows.map(toCycle);
}

export function createCycle(ctx: CoreContext, input: CreateCycleInput, call: CallContext): Cycle {
  const cycle = audited(ctx, (record) => {
    const duplicate = ctx.db.prepare('SELECT 1 FROM cycles WHERE name = ?').get(input.name);
    if (duplicate) throw new AppError('conflict', 'errors.cycles.duplicateName', { name: input.name }, [
      { path: 'name', key: 'errors.cycles.duplicateName', params: { name: input.name } },
    ]);
    const now = ctx.clock().toISOString();
    const row: CycleRow = { id: randomUUID(), name: input.name, year: input.year, created_at: now, updated_at: now };
    ctx.db.prepare('INSERT INTO cycles (id, name, year, created_at, updated_at) VALUES (@id, @name, @year, @created_at, @updated_at)').run(row);
    record({ actor: call.actor, action: 'cycle.create', entityType: 'cycle', entityId: row.id, payload: input });
    return toCycle(row);
  });
  ctx.emit('data.changed', { entity: 'cycles' });
  return cycle;
}
