/**
 * Independent scoring: each expert's own sheet per stage and applicant, autosaved item by item,
 * submitted (locked) as a whole; only the office unlocks, with a reason. Visibility of the other
 * experts' work is decided here, never by the UI.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Comment, CommentInput, Scorer, ScoreSheet, Viewer } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { findItem, percentChoices, scoredItems } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { cycleContext } from '../cycles';
import { isSubmitted, panelFor, requireMaySeeOthers, requireMember, scorerIdentity, viewerIdentity, type PanelContext } from './access';
import { expertRow } from './experts';
import { progressOf, sheetItems, loadSheets } from './score-rows';
import type { ScoringSessions } from './sessions';

function frameworkOf(ctx: CoreContext, context: PanelContext) {
  return cycleContext(ctx, context.applicant.cycle_id).framework;
}

export function getSheet(ctx: CoreContext, sessions: ScoringSessions, as: Scorer, stage: StageId, applicantId: string, call: CallContext): ScoreSheet {
  const who = scorerIdentity(sessions, as, call);
  const context = panelFor(ctx, stage, applicantId);
  requireMember(ctx, context, who.expertId);
  return sheetOf(ctx, context, who.expertId);
}

function sheetOf(ctx: CoreContext, context: PanelContext, expertId: string): ScoreSheet {
  const framework = frameworkOf(ctx, context);
  const stage = context.panel.stage;
  const sheets = loadSheets(ctx, stage, context.applicant.id, expertId);
  const items = sheetItems(framework, sheets, expertId);
  return {
    stage,
    applicantId: context.applicant.id,
    applicantName: context.applicant.legal_name,
    expertId,
    expertName: expertRow(ctx, expertId).name,
    panelId: context.panel.id,
    submittedAt: isSubmitted(ctx, stage, context.applicant.id, expertId),
    percentChoices: percentChoices(framework),
    items,
    progress: { scored: items.filter((i) => i.percent !== null).length, total: items.length },
  };
}

/**
 * Replaces one list of comments, keeping the identity of entries that carry their id (so consensus can
 * point at them), inside the caller's transaction.
 */
function writeComments(
  ctx: CoreContext,
  where: { stage: StageId; applicantId: string; expertId: string; itemId: string },
  kind: 'strength' | 'opportunity',
  entries: readonly CommentInput[],
  now: string,
): Comment[] {
  const existing = new Set(
    (ctx.db
      .prepare('SELECT id FROM score_comments WHERE stage = ? AND applicant_id = ? AND expert_id = ? AND item_id = ? AND kind = ?')
      .all(where.stage, where.applicantId, where.expertId, where.itemId, kind) as { id: string }[]).map((r) => r.id),
  );
  const kept = new Set<string>();
  const saved: Comment[] = [];
  entries.forEach((entry, position) => {
    const citation = entry.citation && (entry.citation.page !== null || entry.citation.figure || entry.citation.attachmentId) ? entry.citation : null;
    const citationText = citation ? JSON.stringify(citation) : null;
    if (entry.id && existing.has(entry.id) && !kept.has(entry.id)) {
      kept.add(entry.id);
      ctx.db.prepare('UPDATE score_comments SET position = ?, text = ?, citation = ?, updated_at = ? WHERE id = ?').run(position, entry.text, citationText, now, entry.id);
      saved.push({ id: entry.id, text: entry.text, citation });
      return;
    }
    const id = randomUUID();
    ctx.db
      .prepare('INSERT INTO score_comments (id, stage, applicant_id, expert_id, item_id, kind, position, text, citation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, where.stage, where.applicantId, where.expertId, where.itemId, kind, position, entry.text, citationText, now);
    saved.push({ id, text: entry.text, citation });
  });
  for (const id of existing) if (!kept.has(id)) ctx.db.prepare('DELETE FROM score_comments WHERE id = ?').run(id);
  return saved;
}

function refuseIfSubmitted(ctx: CoreContext, context: PanelContext, expertId: string): void {
  if (isSubmitted(ctx, context.panel.stage, context.applicant.id, expertId) !== null) {
    throw new AppError('refused', 'panels.scores.submitted', { applicant: context.applicant.legal_name });
  }
}

export interface SaveItemInput {
  as: Scorer;
  stage: StageId;
  applicantId: string;
  itemId: string;
  percent: number | null;
  strengths: CommentInput[];
  opportunities: CommentInput[];
}

/** One item, one small transaction (autosave); the percent must be one the framework offers. */
export function saveScoreItem(ctx: CoreContext, sessions: ScoringSessions, input: SaveItemInput, call: CallContext) {
  const who = scorerIdentity(sessions, input.as, call);
  const context = panelFor(ctx, input.stage, input.applicantId);
  requireMember(ctx, context, who.expertId);
  const framework = frameworkOf(ctx, context);
  if (!findItem(framework, input.itemId)) {
    throw new AppError('validation', 'panels.scores.unknownItem', { itemId: input.itemId }, [{ path: 'itemId', key: 'panels.scores.unknownItem', params: { itemId: input.itemId } }]);
  }
  const choices = percentChoices(framework);
  if (input.percent !== null && !choices.includes(input.percent)) {
    const params = { percent: input.percent, min: framework.scale.min, max: framework.scale.max, step: framework.scale.step };
    throw new AppError('validation', 'panels.scores.percentStep', params, [{ path: 'percent', key: 'panels.scores.percentStep', params }]);
  }
  const where = { stage: input.stage, applicantId: input.applicantId, expertId: who.expertId, itemId: input.itemId };
  const saved = audited(ctx, (log) => {
    refuseIfSubmitted(ctx, context, who.expertId);
    const now = ctx.clock().toISOString();
    if (input.percent === null) {
      ctx.db.prepare('DELETE FROM scores WHERE stage = ? AND applicant_id = ? AND expert_id = ? AND item_id = ?').run(where.stage, where.applicantId, where.expertId, where.itemId);
    } else {
      ctx.db
        .prepare(
          `INSERT INTO scores (cycle_id, stage, applicant_id, expert_id, item_id, percent, entered_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (stage, applicant_id, expert_id, item_id) DO UPDATE SET percent = excluded.percent, entered_by = excluded.entered_by, updated_at = excluded.updated_at`,
        )
        .run(context.applicant.cycle_id, where.stage, where.applicantId, where.expertId, where.itemId, input.percent, who.enteredBy, now);
    }
    const strengths = writeComments(ctx, where, 'strength', input.strengths, now);
    const opportunities = writeComments(ctx, where, 'opportunity', input.opportunities, now);
    log({
      actor: who.actor,
      action: 'score.saveItem',
      entityType: 'applicant',
      entityId: input.applicantId,
      payload: { ...where, percent: input.percent, enteredBy: who.enteredBy, onBehalfOf: who.enteredBy === 'office' ? who.expertId : null, strengths, opportunities },
    });
    return { savedAt: now, strengths, opportunities };
  });
  return { ...saved, progress: progressOf(ctx, framework, input.stage, input.applicantId, who.expertId) };
}

/** Locks the sheet: every item needs a percent first. */
export function submitSheet(ctx: CoreContext, sessions: ScoringSessions, as: Scorer, stage: StageId, applicantId: string, call: CallContext): { submittedAt: string } {
  const who = scorerIdentity(sessions, as, call);
  const context = panelFor(ctx, stage, applicantId);
  requireMember(ctx, context, who.expertId);
  const framework = frameworkOf(ctx, context);
  const submittedAt = audited(ctx, (log) => {
    refuseIfSubmitted(ctx, context, who.expertId);
    const sheets = loadSheets(ctx, stage, applicantId, who.expertId);
    const missing = scoredItems(framework).filter((item) => !sheets.score(who.expertId, item.id));
    if (missing.length > 0) {
      throw new AppError('refused', 'panels.scores.incomplete', { missing: missing.length, items: missing.map((i) => i.id).join(', ') });
    }
    const now = ctx.clock().toISOString();
    ctx.db.prepare('INSERT INTO score_submissions (stage, applicant_id, expert_id, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)').run(stage, applicantId, who.expertId, who.actor, now);
    log({ actor: who.actor, action: 'score.submit', entityType: 'applicant', entityId: applicantId, payload: { stage, expertId: who.expertId, enteredBy: who.enteredBy } });
    return now;
  });
  ctx.emit('data.changed', { entity: 'scores' });
  return { submittedAt };
}

/** Office only (the channel takes no session): reopens a submitted sheet, recording why. */
export function unlockSheet(ctx: CoreContext, input: { stage: StageId; applicantId: string; expertId: string; reason: string }, call: CallContext): { unlockedAt: string } {
  const context = panelFor(ctx, input.stage, input.applicantId);
  requireMember(ctx, context, input.expertId);
  const unlockedAt = audited(ctx, (log) => {
    const submittedAt = isSubmitted(ctx, input.stage, input.applicantId, input.expertId);
    if (submittedAt === null) throw new AppError('refused', 'panels.scores.notSubmitted', { expert: expertRow(ctx, input.expertId).name, applicant: context.applicant.legal_name });
    ctx.db.prepare('DELETE FROM score_submissions WHERE stage = ? AND applicant_id = ? AND expert_id = ?').run(input.stage, input.applicantId, input.expertId);
    log({ actor: call.actor, action: 'score.unlock', entityType: 'applicant', entityId: input.applicantId, payload: { ...input, submittedAt } });
    return ctx.clock().toISOString();
  });
  ctx.emit('data.changed', { entity: 'scores' });
  return { unlockedAt };
}

/** Every panel expert's sheet; other experts' work only once the viewing expert submitted, and only what they submitted. */
export function panelScores(ctx: CoreContext, sessions: ScoringSessions, viewer: Viewer, stage: StageId, applicantId: string, call: CallContext) {
  const who = viewerIdentity(sessions, viewer, call);
  const context = panelFor(ctx, stage, applicantId);
  requireMaySeeOthers(ctx, who, context);
  const framework = frameworkOf(ctx, context);
  const sheets = loadSheets(ctx, stage, applicantId);
  return {
    stage,
    applicantId,
    experts: context.memberIds.map((expertId) => {
      const submittedAt = isSubmitted(ctx, stage, applicantId, expertId);
      const visible = who.kind === 'office' || expertId === who.expertId || submittedAt !== null;
      return { expertId, name: expertRow(ctx, expertId).name, submittedAt, items: visible ? sheetItems(framework, sheets, expertId) : [] };
    }),
  };
}

/** The signed-in expert's applicants across panels, with progress. */
export function myAssignments(ctx: CoreContext, sessions: ScoringSessions, sessionToken: string) {
  const { expertId } = sessions.resolve(sessionToken);
  const rows = ctx.db
    .prepare(
      `SELECT p.id AS panelId, p.name AS panelName, p.cycle_id AS cycleId, p.stage AS stage, p.leader_expert_id AS leader, a.id AS applicantId, a.legal_name AS applicantName
       FROM panel_members m JOIN panels p ON p.id = m.panel_id JOIN panel_applicants pa ON pa.panel_id = p.id JOIN applicants a ON a.id = pa.applicant_id
       WHERE m.expert_id = ? ORDER BY p.stage, a.legal_name`,
    )
    .all(expertId) as { panelId: string; panelName: string; cycleId: string; stage: StageId; leader: string | null; applicantId: string; applicantName: string }[];
  return rows.map((row) => ({
    cycleId: row.cycleId,
    stage: row.stage,
    panelId: row.panelId,
    panelName: row.panelName,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    isLeader: row.leader === expertId,
    progress: progressOf(ctx, cycleContext(ctx, row.cycleId).framework, row.stage, row.applicantId, expertId),
    submittedAt: isSubmitted(ctx, row.stage, row.applicantId, expertId),
  }));
}

/** Office overview of a stage. */
export function stageProgress(ctx: CoreContext, cycleId: string, stage: StageId) {
  const { framework } = cycleContext(ctx, cycleId);
  const rows = ctx.db
    .prepare(
      `SELECT p.id AS panelId, p.name AS panelName, a.id AS applicantId, a.legal_name AS applicantName
       FROM panels p JOIN panel_applicants pa ON pa.panel_id = p.id JOIN applicants a ON a.id = pa.applicant_id
       WHERE p.cycle_id = ? AND p.stage = ? ORDER BY p.name, a.legal_name`,
    )
    .all(cycleId, stage) as { panelId: string; panelName: string; applicantId: string; applicantName: string }[];
  return rows.map((row) => {
    const members = ctx.db
      .prepare('SELECT e.id, e.name FROM panel_members m JOIN experts e ON e.id = m.expert_id WHERE m.panel_id = ? ORDER BY m.added_at, m.rowid')
      .all(row.panelId) as { id: string; name: string }[];
    return {
      ...row,
      experts: members.map((m) => ({
        expertId: m.id,
        name: m.name,
        progress: progressOf(ctx, framework, stage, row.applicantId, m.id),
        submittedAt: isSubmitted(ctx, stage, row.applicantId, m.id),
      })),
    };
  });
}
