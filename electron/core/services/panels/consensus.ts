/**
 * The consensus meeting (评审组合议): the item × expert matrix with each item's spread, flagged items
 * first in the engine's agenda order, and per item the agreed percent, its rationale and the final
 * strengths and OFIs composed from the experts' entries. Totals always come from the scoring engine.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ConsensusView, FinalComment, Viewer } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { findItem, percentChoices, scoredItems, type Framework } from '../../../../shared/domain/frameworks';
import {
  analyseDisagreement,
  computeApplicantResult,
  explainTotal,
  formatPoints,
  integer,
  itemScoreHundredths,
  sum,
  type ExpertItemScore,
  type Rational,
} from '../../../../shared/domain/scoring';
import { audited, type CoreContext } from '../../context';
import { cycleContext } from '../cycles';
import { isSubmitted, panelFor, requireMaySeeOthers, viewerIdentity, type PanelContext, type ViewerIdentity } from './access';
import { expertRow } from './experts';
import { loadSheets, parseCitation } from './score-rows';
import type { ScoringSessions } from './sessions';

export const exactPoints = (value: Rational) => ({ num: value.num, den: value.den, text: formatPoints(value) });

interface ConsensusItemRow {
  item_id: string;
  percent: number;
  rationale: string;
  decided_by: string;
  decided_at: string;
}

interface ConsensusCommentRow {
  id: string;
  item_id: string;
  kind: 'strength' | 'opportunity';
  text: string;
  citation: string | null;
  source_comment_id: string | null;
  source_expert_id: string | null;
}

/** Submitted sheets only: a draft is not yet an expert's score. */
export function submittedScores(ctx: CoreContext, context: PanelContext): { submitted: string[]; expertScores: ExpertItemScore[] } {
  const stage = context.panel.stage;
  const submitted = context.memberIds.filter((id) => isSubmitted(ctx, stage, context.applicant.id, id) !== null);
  const sheets = loadSheets(ctx, stage, context.applicant.id);
  const expertScores = [...sheets.scores.values()]
    .filter((row) => submitted.includes(row.expert_id))
    .map((row) => ({ expertId: row.expert_id, itemId: row.item_id, percent: row.percent }));
  return { submitted, expertScores };
}

export function agreedPercents(ctx: CoreContext, stage: StageId, applicantId: string): Record<string, number> {
  const rows = ctx.db.prepare('SELECT item_id, percent FROM consensus_items WHERE stage = ? AND applicant_id = ?').all(stage, applicantId) as { item_id: string; percent: number }[];
  return Object.fromEntries(rows.map((r) => [r.item_id, r.percent]));
}

/** The stage's consensus total from the engine once every item is agreed (null before). */
export function consensusResult(framework: Framework, applicantId: string, stage: StageId, expertScores: ExpertItemScore[], agreed: Record<string, number>) {
  const complete = scoredItems(framework).every((item) => agreed[item.id] !== undefined);
  if (!complete) return null;
  return computeApplicantResult(framework, { applicantId, stages: [{ stageId: stage, expertScores, consensus: agreed }] }, { aggregation: { kind: 'consensus' } });
}

function canEdit(context: PanelContext, who: ViewerIdentity): boolean {
  return who.kind === 'office' || context.panel.leader_expert_id === who.expertId;
}

function buildView(ctx: CoreContext, context: PanelContext, who: ViewerIdentity): ConsensusView {
  const stage = context.panel.stage;
  const applicantId = context.applicant.id;
  const { cycle, framework } = cycleContext(ctx, context.applicant.cycle_id);
  const { submitted, expertScores } = submittedScores(ctx, context);
  const threshold = cycle.settings.disagreementThreshold;
  const report = analyseDisagreement(framework, { stageId: stage, expertScores }, { threshold });
  const byItem = new Map(report.items.map((i) => [i.itemId, i]));
  const sheets = loadSheets(ctx, stage, applicantId);
  const decided = new Map(
    (ctx.db.prepare('SELECT * FROM consensus_items WHERE stage = ? AND applicant_id = ?').all(stage, applicantId) as ConsensusItemRow[]).map((r) => [r.item_id, r]),
  );
  const finals = ctx.db.prepare('SELECT * FROM consensus_comments WHERE stage = ? AND applicant_id = ? ORDER BY item_id, kind, position').all(stage, applicantId) as ConsensusCommentRow[];
  const finalOf = (itemId: string, kind: ConsensusCommentRow['kind']): FinalComment[] =>
    finals
      .filter((c) => c.item_id === itemId && c.kind === kind)
      .map((c) => ({ id: c.id, text: c.text, citation: parseCitation(c.citation), sourceCommentId: c.source_comment_id, sourceExpertId: c.source_expert_id }));

  const agendaIds = report.agenda.map((i) => i.itemId);
  const ordered = [...agendaIds.map((id) => findItem(framework, id)!), ...scoredItems(framework).filter((i) => !agendaIds.includes(i.id))];
  const items = ordered.map((item) => {
    const analysis = byItem.get(item.id);
    const row = decided.get(item.id);
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      kind: item.kind,
      points: item.points,
      percents: context.memberIds.map((expertId) => ({ expertId, percent: submitted.includes(expertId) ? (sheets.score(expertId, item.id)?.percent ?? null) : null })),
      min: analysis?.min ?? null,
      max: analysis?.max ?? null,
      range: analysis?.range ?? null,
      standardDeviation: analysis?.standardDeviation ?? null,
      flagged: analysis?.flagged ?? false,
      priority: analysis?.priority ?? 0,
      expertComments: submitted.map((expertId) => {
        const comments = sheets.commentsOf(expertId, item.id);
        return { expertId, strengths: comments.strengths, opportunities: comments.opportunities };
      }),
      consensus: row
        ? { percent: row.percent, rationale: row.rationale, strengths: finalOf(item.id, 'strength'), opportunities: finalOf(item.id, 'opportunity'), decidedBy: row.decided_by, decidedAt: row.decided_at }
        : null,
    };
  });

  const agreed = Object.fromEntries([...decided.values()].map((r) => [r.item_id, r.percent]));
  const running = sum(scoredItems(framework).filter((i) => agreed[i.id] !== undefined).map((i) => integer(itemScoreHundredths(i.points, agreed[i.id]!))));
  const result = consensusResult(framework, applicantId, stage, expertScores, agreed);
  const themes = ctx.db.prepare('SELECT * FROM consensus_themes WHERE stage = ? AND applicant_id = ?').get(stage, applicantId) as
    | { themes: string; decided_by: string; decided_at: string }
    | undefined;
  const allSubmitted = submitted.length === context.memberIds.length && context.memberIds.length > 0;
  return {
    stage,
    applicantId,
    applicantName: context.applicant.legal_name,
    panelId: context.panel.id,
    leaderExpertId: context.panel.leader_expert_id,
    canEdit: canEdit(context, who) && allSubmitted,
    allSubmitted,
    threshold,
    experts: context.memberIds.map((expertId) => ({ expertId, name: expertRow(ctx, expertId).name, submittedAt: isSubmitted(ctx, stage, applicantId, expertId) })),
    items,
    agenda: agendaIds,
    themes: themes ? { themes: JSON.parse(themes.themes) as string[], decidedBy: themes.decided_by, decidedAt: themes.decided_at } : null,
    total: {
      agreedItems: decided.size,
      totalItems: scoredItems(framework).length,
      runningTotal: exactPoints(running),
      total: result ? exactPoints(result.total) : null,
      explanation: result ? explainTotal(result) : null,
    },
  };
}

export function getConsensus(ctx: CoreContext, sessions: ScoringSessions, viewer: Viewer, stage: StageId, applicantId: string, call: CallContext): ConsensusView {
  const who = viewerIdentity(sessions, viewer, call);
  const context = panelFor(ctx, stage, applicantId);
  requireMaySeeOthers(ctx, who, context);
  return buildView(ctx, context, who);
}

/** Leader or office, once every member has submitted (consensus follows independent scoring). */
function requireEditor(ctx: CoreContext, context: PanelContext, who: ViewerIdentity): void {
  requireMaySeeOthers(ctx, who, context);
  if (!canEdit(context, who)) throw new AppError('forbidden', 'panels.access.leaderOnly', { applicant: context.applicant.legal_name });
  const pending = context.memberIds.filter((id) => isSubmitted(ctx, context.panel.stage, context.applicant.id, id) === null);
  if (pending.length > 0 || context.memberIds.length === 0) {
    throw new AppError('refused', 'panels.consensus.notAllSubmitted', { pending: pending.map((id) => expertRow(ctx, id).name).join('、') || '-' });
  }
}

export interface ConsensusItemInput {
  viewer: Viewer;
  stage: StageId;
  applicantId: string;
  itemId: string;
  percent: number;
  rationale: string;
  strengths: { id?: string | undefined; text: string; citation: FinalComment['citation']; sourceCommentId: string | null }[];
  opportunities: ConsensusItemInput['strengths'];
}

export function saveConsensusItem(ctx: CoreContext, sessions: ScoringSessions, input: ConsensusItemInput, call: CallContext): ConsensusView {
  const who = viewerIdentity(sessions, input.viewer, call);
  const context = panelFor(ctx, input.stage, input.applicantId);
  const { framework } = cycleContext(ctx, context.applicant.cycle_id);
  if (!findItem(framework, input.itemId)) {
    throw new AppError('validation', 'panels.scores.unknownItem', { itemId: input.itemId }, [{ path: 'itemId', key: 'panels.scores.unknownItem', params: { itemId: input.itemId } }]);
  }
  if (!percentChoices(framework).includes(input.percent)) {
    const params = { percent: input.percent, min: framework.scale.min, max: framework.scale.max, step: framework.scale.step };
    throw new AppError('validation', 'panels.scores.percentStep', params, [{ path: 'percent', key: 'panels.scores.percentStep', params }]);
  }
  audited(ctx, (log) => {
    requireEditor(ctx, context, who);
    const now = ctx.clock().toISOString();
    const before = ctx.db.prepare('SELECT percent, rationale FROM consensus_items WHERE stage = ? AND applicant_id = ? AND item_id = ?').get(input.stage, input.applicantId, input.itemId);
    ctx.db
      .prepare(
        `INSERT INTO consensus_items (stage, applicant_id, item_id, percent, rationale, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stage, applicant_id, item_id) DO UPDATE SET percent = excluded.percent, rationale = excluded.rationale, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      )
      .run(input.stage, input.applicantId, input.itemId, input.percent, input.rationale, who.actor, now);
    const existing = new Set(
      (ctx.db.prepare('SELECT id FROM consensus_comments WHERE stage = ? AND applicant_id = ? AND item_id = ?').all(input.stage, input.applicantId, input.itemId) as { id: string }[]).map((r) => r.id),
    );
    ctx.db.prepare('DELETE FROM consensus_comments WHERE stage = ? AND applicant_id = ? AND item_id = ?').run(input.stage, input.applicantId, input.itemId);
    const source = ctx.db.prepare('SELECT expert_id FROM score_comments WHERE id = ? AND stage = ? AND applicant_id = ?');
    const insert = ctx.db.prepare(
      'INSERT INTO consensus_comments (id, stage, applicant_id, item_id, kind, position, text, citation, source_comment_id, source_expert_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const used = new Set<string>();
    const write = (kind: 'strength' | 'opportunity', list: ConsensusItemInput['strengths'], field: string) =>
      list.forEach((entry, position) => {
        let sourceExpert: string | null = null;
        if (entry.sourceCommentId !== null) {
          const row = source.get(entry.sourceCommentId, input.stage, input.applicantId) as { expert_id: string } | undefined;
          if (!row) {
            const params = { id: entry.sourceCommentId };
            throw new AppError('validation', 'panels.consensus.unknownSource', params, [{ path: `${field}.${position}.sourceCommentId`, key: 'panels.consensus.unknownSource', params }]);
          }
          sourceExpert = row.expert_id;
        }
        const id = entry.id && existing.has(entry.id) && !used.has(entry.id) ? entry.id : randomUUID();
        used.add(id);
        insert.run(id, input.stage, input.applicantId, input.itemId, kind, position, entry.text, entry.citation ? JSON.stringify(entry.citation) : null, entry.sourceCommentId, sourceExpert);
      });
    write('strength', input.strengths, 'strengths');
    write('opportunity', input.opportunities, 'opportunities');
    log({
      actor: who.actor,
      action: 'consensus.saveItem',
      entityType: 'applicant',
      entityId: input.applicantId,
      payload: { stage: input.stage, itemId: input.itemId, before: before ?? null, after: { percent: input.percent, rationale: input.rationale }, strengths: input.strengths, opportunities: input.opportunities },
    });
  });
  ctx.emit('data.changed', { entity: 'consensus' });
  return buildView(ctx, context, who);
}

export function saveConsensusThemes(ctx: CoreContext, sessions: ScoringSessions, viewer: Viewer, stage: StageId, applicantId: string, themes: string[], call: CallContext): ConsensusView {
  const who = viewerIdentity(sessions, viewer, call);
  const context = panelFor(ctx, stage, applicantId);
  audited(ctx, (log) => {
    requireEditor(ctx, context, who);
    ctx.db
      .prepare(
        `INSERT INTO consensus_themes (stage, applicant_id, themes, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (stage, applicant_id) DO UPDATE SET themes = excluded.themes, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      )
      .run(stage, applicantId, JSON.stringify(themes), who.actor, ctx.clock().toISOString());
    log({ actor: who.actor, action: 'consensus.saveThemes', entityType: 'applicant', entityId: applicantId, payload: { stage, themes } });
  });
  ctx.emit('data.changed', { entity: 'consensus' });
  return buildView(ctx, context, who);
}
