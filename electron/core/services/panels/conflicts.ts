import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Conflict, ConflictKind, ConflictRule, ConflictStatus } from '../../../../shared/api/panels';
import { audited, type CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { cycleContext } from '../cycles';
import { suggestConflicts } from './conflict-rules';
import { expertRecord, expertRow, type ExpertDbRow } from './experts';

interface ConflictDbRow {
  id: string;
  expert_id: string;
  applicant_id: string;
  kind: ConflictKind;
  valid_from: string | null;
  valid_to: string | null;
  note: string;
  status: ConflictStatus;
  rule: ConflictRule | null;
  evidence: string | null;
  created_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string;
  expert_name: string;
  applicant_name: string;
  cycle_id: string;
}

const SELECT_CONFLICT = `
  SELECT c.*, e.name AS expert_name, a.legal_name AS applicant_name, a.cycle_id AS cycle_id
  FROM conflicts c JOIN experts e ON e.id = c.expert_id JOIN applicants a ON a.id = c.applicant_id`;

const toConflict = (row: ConflictDbRow): Conflict => ({
  id: row.id,
  cycleId: row.cycle_id,
  expertId: row.expert_id,
  expertName: row.expert_name,
  applicantId: row.applicant_id,
  applicantName: row.applicant_name,
  kind: row.kind,
  from: row.valid_from,
  to: row.valid_to,
  note: row.note,
  status: row.status,
  rule: row.rule,
  evidence: row.evidence === null ? null : (JSON.parse(row.evidence) as Conflict['evidence']),
  createdBy: row.created_by,
  createdAt: row.created_at,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  decisionReason: row.decision_reason,
});

function conflictRow(ctx: CoreContext, conflictId: string): ConflictDbRow {
  const row = ctx.db.prepare(`${SELECT_CONFLICT} WHERE c.id = ?`).get(conflictId) as ConflictDbRow | undefined;
  if (!row) throw new AppError('notFound', 'panels.error.conflictNotFound', { id: conflictId });
  return row;
}

export function listConflicts(ctx: CoreContext, filter: { cycleId: string; status?: ConflictStatus | undefined; expertId?: string | undefined; applicantId?: string | undefined }): Conflict[] {
  const rows = ctx.db
    .prepare(
      `${SELECT_CONFLICT} WHERE a.cycle_id = @cycleId AND (@status IS NULL OR c.status = @status)
       AND (@expertId IS NULL OR c.expert_id = @expertId) AND (@applicantId IS NULL OR c.applicant_id = @applicantId)
       ORDER BY c.status = 'suggested' DESC, a.legal_name, e.name, c.created_at`,
    )
    .all({ cycleId: filter.cycleId, status: filter.status ?? null, expertId: filter.expertId ?? null, applicantId: filter.applicantId ?? null }) as ConflictDbRow[];
  return rows.map(toConflict);
}

/**
 * The confirmed conflict that forbids this expert from scoring this applicant, as a refusal naming
 * expert, applicant and kind. Call it inside the transaction that would create the pairing.
 */
export function conflictRefusal(ctx: CoreContext, expertId: string, applicantId: string): AppError | null {
  const row = ctx.db.prepare(`${SELECT_CONFLICT} WHERE c.expert_id = ? AND c.applicant_id = ? AND c.status = 'confirmed' ORDER BY c.created_at LIMIT 1`).get(expertId, applicantId) as
    | ConflictDbRow
    | undefined;
  if (!row) return null;
  return new AppError('refused', 'panels.conflict.blocksAssignment', { expert: row.expert_name, applicant: row.applicant_name, kind: row.kind, conflictId: row.id });
}

/** Refuses to confirm a conflict while the pair already sits together on a panel (move one of them first). */
function refuseIfAssignedTogether(ctx: CoreContext, row: ConflictDbRow): void {
  const panel = ctx.db
    .prepare(
      `SELECT p.name FROM panel_members m JOIN panel_applicants a ON a.panel_id = m.panel_id JOIN panels p ON p.id = m.panel_id
       WHERE m.expert_id = ? AND a.applicant_id = ? LIMIT 1`,
    )
    .get(row.expert_id, row.applicant_id) as { name: string } | undefined;
  if (panel) throw new AppError('refused', 'panels.conflict.alreadyTogether', { expert: row.expert_name, applicant: row.applicant_name, panel: panel.name });
}

export function declareConflict(
  ctx: CoreContext,
  input: { expertId: string; applicantId: string; kind: ConflictKind; from: string | null; to: string | null; note: string },
  call: CallContext,
): Conflict {
  const id = audited(ctx, (log) => {
    const expert = expertRow(ctx, input.expertId);
    const applicant = applicantRow(ctx, input.applicantId);
    refuseBadDates(input.from, input.to);
    const now = ctx.clock().toISOString();
    const id = randomUUID();
    refuseIfAssignedTogether(ctx, { expert_id: expert.id, applicant_id: applicant.id, expert_name: expert.name, applicant_name: applicant.legal_name } as ConflictDbRow);
    ctx.db
      .prepare(
        `INSERT INTO conflicts (id, expert_id, applicant_id, kind, valid_from, valid_to, note, status, rule, evidence, created_by, created_at, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'confirmed', NULL, NULL, ?, ?, ?, ?)`,
      )
      .run(id, input.expertId, input.applicantId, input.kind, input.from, input.to, input.note, call.actor, now, call.actor, now);
    log({ actor: call.actor, action: 'conflict.declare', entityType: 'conflict', entityId: id, payload: input });
    return id;
  });
  ctx.emit('data.changed', { entity: 'conflicts' });
  return toConflict(conflictRow(ctx, id));
}

function refuseBadDates(from: string | null | undefined, to: string | null | undefined): void {
  if (from && to && from > to) {
    throw new AppError('validation', 'panels.validation.datesOrder', { from, to }, [{ path: 'to', key: 'panels.validation.datesOrder', params: { from, to } }]);
  }
}

/** Adds the suggestions not made before (per pair and rule), so a dismissed suggestion stays dismissed. */
export function runConflictSuggestions(ctx: CoreContext, cycleId: string, call: CallContext): { added: Conflict[]; pending: number } {
  cycleContext(ctx, cycleId);
  const experts = (ctx.db.prepare('SELECT * FROM experts').all() as ExpertDbRow[]).map((row) => {
    const record = expertRecord(row);
    return { id: row.id, organisation: record.organisation, organisationCreditCode: record.organisationCreditCode, formerEmployers: record.formerEmployers, groupName: record.groupName };
  });
  const applicants = ctx.db.prepare('SELECT id, legal_name AS legalName, credit_code AS creditCode FROM applicants WHERE cycle_id = ?').all(cycleId) as {
    id: string;
    legalName: string;
    creditCode: string;
  }[];
  const ids = audited(ctx, (log) => {
    const exists = ctx.db.prepare('SELECT 1 FROM conflicts WHERE expert_id = ? AND applicant_id = ? AND rule = ?');
    const insert = ctx.db.prepare(
      `INSERT INTO conflicts (id, expert_id, applicant_id, kind, valid_from, valid_to, note, status, rule, evidence, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, '', 'suggested', ?, ?, ?, ?)`,
    );
    const now = ctx.clock().toISOString();
    const added: string[] = [];
    for (const s of suggestConflicts(experts, applicants)) {
      if (exists.get(s.expertId, s.applicantId, s.rule)) continue;
      const id = randomUUID();
      insert.run(id, s.expertId, s.applicantId, s.kind, s.from, s.to, s.rule, JSON.stringify(s.evidence), call.actor, now);
      added.push(id);
    }
    if (added.length > 0) log({ actor: call.actor, action: 'conflict.suggest', entityType: 'cycle', entityId: cycleId, payload: { added } });
    return added;
  });
  if (ids.length > 0) ctx.emit('data.changed', { entity: 'conflicts' });
  const pending = (ctx.db.prepare(`SELECT count(*) AS n FROM conflicts c JOIN applicants a ON a.id = c.applicant_id WHERE a.cycle_id = ? AND c.status = 'suggested'`).get(cycleId) as { n: number }).n;
  return { added: ids.map((id) => toConflict(conflictRow(ctx, id))), pending };
}

export function decideConflict(
  ctx: CoreContext,
  input: { conflictId: string; decision: 'confirm' | 'dismiss'; reason: string; kind?: ConflictKind | undefined; from?: string | null | undefined; to?: string | null | undefined },
  call: CallContext,
): Conflict {
  audited(ctx, (log) => {
    const before = conflictRow(ctx, input.conflictId);
    const kind = input.kind ?? before.kind;
    const from = input.from === undefined ? before.valid_from : input.from;
    const to = input.to === undefined ? before.valid_to : input.to;
    refuseBadDates(from, to);
    const status: ConflictStatus = input.decision === 'confirm' ? 'confirmed' : 'dismissed';
    // Dismissing a confirmed conflict lifts a block: the office must say why.
    if (status === 'dismissed' && before.status === 'confirmed' && input.reason === '') {
      throw new AppError('validation', 'panels.conflict.reasonRequired', {}, [{ path: 'reason', key: 'panels.conflict.reasonRequired' }]);
    }
    if (status === 'confirmed') refuseIfAssignedTogether(ctx, before);
    ctx.db
      .prepare('UPDATE conflicts SET status = ?, kind = ?, valid_from = ?, valid_to = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?')
      .run(status, kind, from, to, call.actor, ctx.clock().toISOString(), input.reason, input.conflictId);
    log({
      actor: call.actor,
      action: `conflict.${input.decision}`,
      entityType: 'conflict',
      entityId: input.conflictId,
      payload: { expertId: before.expert_id, applicantId: before.applicant_id, before: { status: before.status, kind: before.kind }, after: { status, kind, from, to }, reason: input.reason },
    });
  });
  ctx.emit('data.changed', { entity: 'conflicts' });
  return toConflict(conflictRow(ctx, input.conflictId));
}

/** Confirmed conflicts of a cycle, for the assignment planner. */
export function confirmedConflicts(ctx: CoreContext, cycleId: string): { expertId: string; applicantId: string }[] {
  return ctx.db
    .prepare(`SELECT c.expert_id AS expertId, c.applicant_id AS applicantId FROM conflicts c JOIN applicants a ON a.id = c.applicant_id WHERE a.cycle_id = ? AND c.status = 'confirmed'`)
    .all(cycleId) as { expertId: string; applicantId: string }[];
}
