import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { AssignmentPlan, Panel } from '../../../../shared/api/panels';
import { stagesInUse, type StageId } from '../../../../shared/domain/cycle-settings';
import { audited, type AuditRecorder, type CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { cycleContext } from '../cycles';
import { conflictRefusal } from './conflicts';
import { expertRecord, expertRow, type ExpertDbRow } from './experts';

export interface PanelDbRow {
  id: string;
  cycle_id: string;
  stage: StageId;
  name: string;
  leader_expert_id: string | null;
  created_at: string;
  updated_at: string;
}

export function panelRow(ctx: CoreContext, panelId: string): PanelDbRow {
  const row = ctx.db.prepare('SELECT * FROM panels WHERE id = ?').get(panelId) as PanelDbRow | undefined;
  if (!row) throw new AppError('notFound', 'panels.error.panelNotFound', { id: panelId });
  return row;
}

export function panelMemberIds(ctx: CoreContext, panelId: string): string[] {
  return (ctx.db.prepare('SELECT expert_id FROM panel_members WHERE panel_id = ? ORDER BY added_at, rowid').all(panelId) as { expert_id: string }[]).map((r) => r.expert_id);
}

export function toPanel(ctx: CoreContext, row: PanelDbRow): Panel {
  const applicants = ctx.db
    .prepare(
      `SELECT a.id AS applicantId, a.legal_name AS legalName, a.section AS section, pa.assigned_by AS assignedBy, pa.assigned_at AS assignedAt
       FROM panel_applicants pa JOIN applicants a ON a.id = pa.applicant_id WHERE pa.panel_id = ? ORDER BY a.legal_name`,
    )
    .all(row.id) as Panel['applicants'];
  const members = (ctx.db
    .prepare('SELECT e.* FROM panel_members m JOIN experts e ON e.id = m.expert_id WHERE m.panel_id = ? ORDER BY m.added_at, m.rowid')
    .all(row.id) as ExpertDbRow[]).map((expert) => ({
    expertId: expert.id,
    name: expert.name,
    organisation: expert.organisation,
    specialties: expertRecord(expert).specialties,
    isLeader: expert.id === row.leader_expert_id,
    load: applicants.length,
  }));
  return { id: row.id, cycleId: row.cycle_id, stage: row.stage, name: row.name, leaderExpertId: row.leader_expert_id, members, applicants, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listPanels(ctx: CoreContext, cycleId: string, stage?: StageId): Panel[] {
  cycleContext(ctx, cycleId);
  const rows = ctx.db
    .prepare(`SELECT * FROM panels WHERE cycle_id = ? AND (? IS NULL OR stage = ?) ORDER BY stage, name`)
    .all(cycleId, stage ?? null, stage ?? null) as PanelDbRow[];
  return rows.map((row) => toPanel(ctx, row));
}

export function getPanel(ctx: CoreContext, panelId: string): Panel {
  return toPanel(ctx, panelRow(ctx, panelId));
}

function refuseUnusedStage(ctx: CoreContext, cycleId: string, stage: StageId): void {
  const { cycle } = cycleContext(ctx, cycleId);
  if (!stagesInUse(cycle.settings.stages).includes(stage)) throw new AppError('refused', 'panels.error.stageNotInUse', { stage });
}

/** Inside the transaction. Every pairing this membership creates is checked against confirmed conflicts. */
function addMember(ctx: CoreContext, panel: PanelDbRow, expertId: string, call: CallContext, log: AuditRecorder): void {
  const expert = expertRow(ctx, expertId);
  const elsewhere = ctx.db
    .prepare('SELECT p.name FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE m.cycle_id = ? AND m.stage = ? AND m.expert_id = ?')
    .get(panel.cycle_id, panel.stage, expertId) as { name: string } | undefined;
  if (elsewhere) throw new AppError('conflict', 'panels.error.alreadyOnPanel', { expert: expert.name, panel: elsewhere.name });
  for (const { applicant_id } of ctx.db.prepare('SELECT applicant_id FROM panel_applicants WHERE panel_id = ?').all(panel.id) as { applicant_id: string }[]) {
    const refusal = conflictRefusal(ctx, expertId, applicant_id);
    if (refusal) throw refusal;
  }
  ctx.db
    .prepare('INSERT INTO panel_members (panel_id, expert_id, cycle_id, stage, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(panel.id, expertId, panel.cycle_id, panel.stage, call.actor, ctx.clock().toISOString());
  log({ actor: call.actor, action: 'panel.addMember', entityType: 'panel', entityId: panel.id, payload: { expertId } });
}

/** Inside the transaction: the conflict check and the insert commit together (a trigger backs the check). */
function assignApplicant(ctx: CoreContext, panel: PanelDbRow, applicantId: string, call: CallContext, log: AuditRecorder): void {
  const applicant = applicantRow(ctx, applicantId);
  if (applicant.cycle_id !== panel.cycle_id) throw new AppError('refused', 'panels.error.otherCycle', { applicant: applicant.legal_name });
  const current = ctx.db
    .prepare('SELECT p.name FROM panel_applicants pa JOIN panels p ON p.id = pa.panel_id WHERE pa.applicant_id = ? AND pa.stage = ?')
    .get(applicantId, panel.stage) as { name: string } | undefined;
  if (current) throw new AppError('conflict', 'panels.error.alreadyAssigned', { applicant: applicant.legal_name, panel: current.name });
  for (const expertId of panelMemberIds(ctx, panel.id)) {
    const refusal = conflictRefusal(ctx, expertId, applicantId);
    if (refusal) throw refusal;
  }
  ctx.db
    .prepare('INSERT INTO panel_applicants (panel_id, applicant_id, stage, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)')
    .run(panel.id, applicantId, panel.stage, call.actor, ctx.clock().toISOString());
  log({ actor: call.actor, action: 'panel.assign', entityType: 'panel', entityId: panel.id, payload: { applicantId } });
}

function setLeader(ctx: CoreContext, panel: PanelDbRow, leaderExpertId: string | null): void {
  if (leaderExpertId !== null && !panelMemberIds(ctx, panel.id).includes(leaderExpertId)) {
    throw new AppError('refused', 'panels.error.leaderNotMember', { expert: expertRow(ctx, leaderExpertId).name }, [{ path: 'leaderExpertId', key: 'panels.error.leaderNotMember' }]);
  }
  ctx.db.prepare('UPDATE panels SET leader_expert_id = ?, updated_at = ? WHERE id = ?').run(leaderExpertId, ctx.clock().toISOString(), panel.id);
}

function insertPanel(ctx: CoreContext, input: { cycleId: string; stage: StageId; name: string; leaderExpertId: string | null; memberIds: readonly string[] }, call: CallContext, log: AuditRecorder): PanelDbRow {
  refuseUnusedStage(ctx, input.cycleId, input.stage);
  if (ctx.db.prepare('SELECT 1 FROM panels WHERE cycle_id = ? AND stage = ? AND name = ?').get(input.cycleId, input.stage, input.name)) {
    throw new AppError('conflict', 'panels.error.duplicateName', { name: input.name }, [{ path: 'name', key: 'panels.error.duplicateName', params: { name: input.name } }]);
  }
  const now = ctx.clock().toISOString();
  const id = randomUUID();
  ctx.db.prepare('INSERT INTO panels (id, cycle_id, stage, name, leader_expert_id, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(id, input.cycleId, input.stage, input.name, now, now);
  log({ actor: call.actor, action: 'panel.create', entityType: 'panel', entityId: id, payload: input });
  const panel = panelRow(ctx, id);
  for (const expertId of new Set(input.memberIds)) addMember(ctx, panel, expertId, call, log);
  if (input.leaderExpertId !== null) setLeader(ctx, panel, input.leaderExpertId);
  return panel;
}

function changed<T>(ctx: CoreContext, work: () => T): T {
  const result = work();
  ctx.emit('data.changed', { entity: 'panels' });
  return result;
}

export function createPanel(ctx: CoreContext, input: { cycleId: string; stage: StageId; name: string; leaderExpertId: string | null; memberIds: string[] }, call: CallContext): Panel {
  const panel = changed(ctx, () => audited(ctx, (log) => insertPanel(ctx, input, call, log)));
  return getPanel(ctx, panel.id);
}

export function updatePanel(ctx: CoreContext, panelId: string, name: string, leaderExpertId: string | null, call: CallContext): Panel {
  changed(ctx, () =>
    audited(ctx, (log) => {
      const panel = panelRow(ctx, panelId);
      if (ctx.db.prepare('SELECT 1 FROM panels WHERE cycle_id = ? AND stage = ? AND name = ? AND id <> ?').get(panel.cycle_id, panel.stage, name, panelId)) {
        throw new AppError('conflict', 'panels.error.duplicateName', { name }, [{ path: 'name', key: 'panels.error.duplicateName', params: { name } }]);
      }
      ctx.db.prepare('UPDATE panels SET name = ?, updated_at = ? WHERE id = ?').run(name, ctx.clock().toISOString(), panelId);
      setLeader(ctx, panel, leaderExpertId);
      log({ actor: call.actor, action: 'panel.update', entityType: 'panel', entityId: panelId, payload: { before: { name: panel.name, leaderExpertId: panel.leader_expert_id }, after: { name, leaderExpertId } } });
    }),
  );
  return getPanel(ctx, panelId);
}

export function addPanelMember(ctx: CoreContext, panelId: string, expertId: string, call: CallContext): Panel {
  changed(ctx, () => audited(ctx, (log) => addMember(ctx, panelRow(ctx, panelId), expertId, call, log)));
  return getPanel(ctx, panelId);
}

/** Work already done is never silently dropped: a member who has scored, or a scored applicant, stays. */
function refuseIfScored(ctx: CoreContext, panel: PanelDbRow, where: { expertId?: string; applicantId?: string }): void {
  const scored = ctx.db
    .prepare(
      `SELECT 1 FROM panel_applicants pa JOIN panel_members m ON m.panel_id = pa.panel_id
       WHERE pa.panel_id = @panel AND (@expert IS NULL OR m.expert_id = @expert) AND (@applicant IS NULL OR pa.applicant_id = @applicant)
       AND (EXISTS (SELECT 1 FROM scores s WHERE s.stage = pa.stage AND s.applicant_id = pa.applicant_id AND s.expert_id = m.expert_id)
         OR EXISTS (SELECT 1 FROM score_comments c WHERE c.stage = pa.stage AND c.applicant_id = pa.applicant_id AND c.expert_id = m.expert_id))
       LIMIT 1`,
    )
    .get({ panel: panel.id, expert: where.expertId ?? null, applicant: where.applicantId ?? null });
  if (scored) throw new AppError('refused', 'panels.error.alreadyScored', { panel: panel.name });
}

export function removePanelMember(ctx: CoreContext, panelId: string, expertId: string, call: CallContext): Panel {
  changed(ctx, () =>
    audited(ctx, (log) => {
      const panel = panelRow(ctx, panelId);
      refuseIfScored(ctx, panel, { expertId });
      if (panel.leader_expert_id === expertId) setLeader(ctx, panel, null);
      const removed = ctx.db.prepare('DELETE FROM panel_members WHERE panel_id = ? AND expert_id = ?').run(panelId, expertId);
      if (removed.changes === 0) throw new AppError('notFound', 'panels.error.notMember', { expert: expertRow(ctx, expertId).name, panel: panel.name });
      log({ actor: call.actor, action: 'panel.removeMember', entityType: 'panel', entityId: panelId, payload: { expertId } });
    }),
  );
  return getPanel(ctx, panelId);
}

export function assignToPanel(ctx: CoreContext, panelId: string, applicantId: string, call: CallContext): Panel {
  changed(ctx, () => audited(ctx, (log) => assignApplicant(ctx, panelRow(ctx, panelId), applicantId, call, log)));
  return getPanel(ctx, panelId);
}

export function unassignFromPanel(ctx: CoreContext, panelId: string, applicantId: string, call: CallContext): Panel {
  changed(ctx, () =>
    audited(ctx, (log) => {
      const panel = panelRow(ctx, panelId);
      refuseIfScored(ctx, panel, { applicantId });
      const removed = ctx.db.prepare('DELETE FROM panel_applicants WHERE panel_id = ? AND applicant_id = ?').run(panelId, applicantId);
      if (removed.changes === 0) throw new AppError('notFound', 'panels.error.notAssigned', { applicant: applicantRow(ctx, applicantId).legal_name });
      log({ actor: call.actor, action: 'panel.unassign', entityType: 'panel', entityId: panelId, payload: { applicantId } });
    }),
  );
  return getPanel(ctx, panelId);
}

/** One transaction: new panels, then assignments; any refusal (a conflict, a full stage…) leaves nothing behind. */
export function applyPlan(ctx: CoreContext, cycleId: string, stage: StageId, plan: AssignmentPlan, call: CallContext): Panel[] {
  changed(ctx, () =>
    audited(ctx, (log) => {
      const created = new Map<string, PanelDbRow>();
      for (const p of plan.newPanels) {
        if (created.has(p.key)) throw new AppError('validation', 'panels.error.duplicatePlanKey', { key: p.key });
        created.set(p.key, insertPanel(ctx, { cycleId, stage, name: p.name, leaderExpertId: p.leaderExpertId, memberIds: p.memberIds }, call, log));
      }
      for (const a of plan.assignments) {
        const panel = a.panel.kind === 'new' ? created.get(a.panel.key) : panelRow(ctx, a.panel.panelId);
        if (!panel) throw new AppError('validation', 'panels.error.unknownPlanKey', { key: a.panel.kind === 'new' ? a.panel.key : '' });
        if (panel.cycle_id !== cycleId || panel.stage !== stage) throw new AppError('refused', 'panels.error.otherStage', { panel: panel.name });
        assignApplicant(ctx, panel, a.applicantId, call, log);
      }
      log({ actor: call.actor, action: 'panel.applyPlan', entityType: 'cycle', entityId: cycleId, payload: { stage, panels: plan.newPanels.length, assignments: plan.assignments.length } });
    }),
  );
  return listPanels(ctx, cycleId, stage);
}
