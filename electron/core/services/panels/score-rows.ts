/** Reading score sheets (percents and comments) out of the workspace. */
import type { Citation, Comment } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { scoredItems, type Framework } from '../../../../shared/domain/frameworks';
import type { CoreContext } from '../../context';

export interface ScoreDbRow {
  expert_id: string;
  item_id: string;
  percent: number;
  entered_by: string;
  updated_at: string;
}

interface CommentDbRow {
  id: string;
  expert_id: string;
  item_id: string;
  kind: 'strength' | 'opportunity';
  text: string;
  citation: string | null;
  updated_at: string;
}

export interface ItemComments {
  strengths: Comment[];
  opportunities: Comment[];
  updatedAt: string | null;
}

export const parseCitation = (text: string | null): Citation | null => (text === null ? null : (JSON.parse(text) as Citation));

const key = (expertId: string, itemId: string) => `${expertId}\u0000${itemId}`;

export interface StageSheets {
  scores: Map<string, ScoreDbRow>;
  comments: Map<string, ItemComments>;
  score(expertId: string, itemId: string): ScoreDbRow | undefined;
  commentsOf(expertId: string, itemId: string): ItemComments;
}

/** Every sheet of one stage and applicant (or one expert's), indexed by expert and item. */
export function loadSheets(ctx: CoreContext, stage: StageId, applicantId: string, expertId?: string): StageSheets {
  const scoreRows = ctx.db
    .prepare('SELECT expert_id, item_id, percent, entered_by, updated_at FROM scores WHERE stage = ? AND applicant_id = ? AND (? IS NULL OR expert_id = ?)')
    .all(stage, applicantId, expertId ?? null, expertId ?? null) as ScoreDbRow[];
  const commentRows = ctx.db
    .prepare(
      `SELECT id, expert_id, item_id, kind, text, citation, updated_at FROM score_comments
       WHERE stage = ? AND applicant_id = ? AND (? IS NULL OR expert_id = ?) ORDER BY expert_id, item_id, kind, position`,
    )
    .all(stage, applicantId, expertId ?? null, expertId ?? null) as CommentDbRow[];
  const scores = new Map(scoreRows.map((r) => [key(r.expert_id, r.item_id), r]));
  const comments = new Map<string, ItemComments>();
  for (const r of commentRows) {
    const k = key(r.expert_id, r.item_id);
    let entry = comments.get(k);
    if (!entry) comments.set(k, (entry = { strengths: [], opportunities: [], updatedAt: null }));
    (r.kind === 'strength' ? entry.strengths : entry.opportunities).push({ id: r.id, text: r.text, citation: parseCitation(r.citation) });
    if (entry.updatedAt === null || r.updated_at > entry.updatedAt) entry.updatedAt = r.updated_at;
  }
  return {
    scores,
    comments,
    score: (e, i) => scores.get(key(e, i)),
    commentsOf: (e, i) => comments.get(key(e, i)) ?? { strengths: [], opportunities: [], updatedAt: null },
  };
}

/** One expert's items as the sheet shows them, in framework order. */
export function sheetItems(framework: Framework, sheets: StageSheets, expertId: string) {
  return scoredItems(framework).map((item) => {
    const score = sheets.score(expertId, item.id);
    const comments = sheets.commentsOf(expertId, item.id);
    const updated = [score?.updated_at, comments.updatedAt].filter((v): v is string => !!v).sort().at(-1) ?? null;
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      kind: item.kind,
      points: item.points,
      percent: score?.percent ?? null,
      strengths: comments.strengths,
      opportunities: comments.opportunities,
      enteredBy: score ? (score.entered_by === 'office' ? ('office' as const) : ('expert' as const)) : null,
      updatedAt: updated,
    };
  });
}

export function progressOf(ctx: CoreContext, framework: Framework, stage: StageId, applicantId: string, expertId: string): { scored: number; total: number } {
  const ids = new Set(scoredItems(framework).map((i) => i.id));
  const rows = ctx.db.prepare('SELECT item_id FROM scores WHERE stage = ? AND applicant_id = ? AND expert_id = ?').all(stage, applicantId, expertId) as { item_id: string }[];
  return { scored: rows.filter((r) => ids.has(r.item_id)).length, total: ids.size };
}
