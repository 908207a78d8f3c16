/**
 * Site-visit issues (现场评审问题清单): what the site-visit panel should verify (the strengths the
 * document review agreed) and clarify (its opportunities for improvement), item by item.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { SiteVisitIssue, Viewer } from '../../../../shared/api/scoring-sessions';
import { findItem } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { cycleContext } from '../cycles';
import { viewerIdentity, type ViewerIdentity } from './access';
import type { ScoringSessions } from './sessions';

interface IssueRow {
  id: string;
  applicant_id: string;
  item_id: string;
  kind: 'verify' | 'clarify';
  position: number;
  text: string;
  note: string;
  source_comment_id: string | null;
  updated_by: string;
  updated_at: string;
}

const toIssue = (row: IssueRow): SiteVisitIssue => ({
  id: row.id,
  applicantId: row.applicant_id,
  itemId: row.item_id,
  kind: row.kind,
  text: row.text,
  note: row.note,
  sourceCommentId: row.source_comment_id,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

function panelRoles(ctx: CoreContext, applicantId: string, expertId: string): { reviewLeader: boolean; siteLeader: boolean; siteMember: boolean } {
  const rows = ctx.db
    .prepare(
      `SELECT pa.stage AS stage, p.leader_expert_id AS leader, EXISTS (SELECT 1 FROM panel_members m WHERE m.panel_id = p.id AND m.expert_id = @expert) AS member
       FROM panel_applicants pa JOIN panels p ON p.id = pa.panel_id WHERE pa.applicant_id = @applicant`,
    )
    .all({ applicant: applicantId, expert: expertId }) as { stage: string; leader: string | null; member: number }[];
  const at = (stage: string) => rows.find((r) => r.stage === stage);
  return {
    reviewLeader: at('documentReview')?.leader === expertId,
    siteLeader: at('siteVisit')?.leader === expertId,
    siteMember: at('siteVisit')?.member === 1,
  };
}

/** Office always; the document-review leader and site-visit leader write; site-visit members read. */
function requireAccess(ctx: CoreContext, who: ViewerIdentity, applicantId: string, write: boolean): void {
  if (who.kind === 'office') return;
  const roles = panelRoles(ctx, applicantId, who.expertId);
  const allowed = roles.reviewLeader || roles.siteLeader || (!write && roles.siteMember);
  if (!allowed) throw new AppError('forbidden', 'panels.access.siteVisit', { applicant: applicantRow(ctx, applicantId).legal_name });
}

export function listIssues(ctx: CoreContext, sessions: ScoringSessions, viewer: Viewer, applicantId: string, call: CallContext): SiteVisitIssue[] {
  const who = viewerIdentity(sessions, viewer, call);
  applicantRow(ctx, applicantId);
  requireAccess(ctx, who, applicantId, false);
  return issuesOf(ctx, applicantId);
}

function issuesOf(ctx: CoreContext, applicantId: string, itemId?: string): SiteVisitIssue[] {
  const rows = ctx.db.prepare('SELECT * FROM site_visit_issues WHERE applicant_id = ? AND (? IS NULL OR item_id = ?) ORDER BY item_id, position').all(applicantId, itemId ?? null, itemId ?? null) as IssueRow[];
  // Framework order rather than string order (4.1.10 after 4.1.9) is the UI's job; ids sort well for GB/T 19580.
  return rows.map(toIssue);
}

/** Adds an issue for each document-review consensus comment not yet turned into one. */
export function generateIssues(ctx: CoreContext, sessions: ScoringSessions, viewer: Viewer, applicantId: string, call: CallContext): SiteVisitIssue[] {
  const who = viewerIdentity(sessions, viewer, call);
  applicantRow(ctx, applicantId);
  requireAccess(ctx, who, applicantId, true);
  const added = audited(ctx, (log) => {
    const comments = ctx.db
      .prepare(
        `SELECT c.id, c.item_id, c.kind, c.text FROM consensus_comments c
         WHERE c.stage = 'documentReview' AND c.applicant_id = ? AND NOT EXISTS (SELECT 1 FROM site_visit_issues i WHERE i.source_comment_id = c.id)
         ORDER BY c.item_id, c.kind = 'strength' DESC, c.position`,
      )
      .all(applicantId) as { id: string; item_id: string; kind: 'strength' | 'opportunity'; text: string }[];
    if (comments.length === 0) {
      const agreed = ctx.db.prepare(`SELECT 1 FROM consensus_items WHERE stage = 'documentReview' AND applicant_id = ? LIMIT 1`).get(applicantId);
      if (!agreed) throw new AppError('refused', 'panels.siteVisit.noConsensus', { applicant: applicantRow(ctx, applicantId).legal_name });
    }
    const nextPosition = ctx.db.prepare('SELECT coalesce(max(position) + 1, 0) AS n FROM site_visit_issues WHERE applicant_id = ? AND item_id = ?');
    const insert = ctx.db.prepare(
      `INSERT INTO site_visit_issues (id, applicant_id, item_id, kind, position, text, note, source_comment_id, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
    );
    const now = ctx.clock().toISOString();
    for (const c of comments) {
      const position = (nextPosition.get(applicantId, c.item_id) as { n: number }).n;
      insert.run(randomUUID(), applicantId, c.item_id, c.kind === 'strength' ? 'verify' : 'clarify', position, c.text, c.id, who.actor, now);
    }
    if (comments.length > 0) log({ actor: who.actor, action: 'siteVisit.generateIssues', entityType: 'applicant', entityId: applicantId, payload: { added: comments.length } });
    return comments.length;
  });
  if (added > 0) ctx.emit('data.changed', { entity: 'siteVisitIssues' });
  return issuesOf(ctx, applicantId);
}

export function saveIssues(
  ctx: CoreContext,
  sessions: ScoringSessions,
  input: { viewer: Viewer; applicantId: string; itemId: string; issues: { id?: string | undefined; kind: 'verify' | 'clarify'; text: string; note: string }[] },
  call: CallContext,
): SiteVisitIssue[] {
  const who = viewerIdentity(sessions, input.viewer, call);
  const applicant = applicantRow(ctx, input.applicantId);
  requireAccess(ctx, who, input.applicantId, true);
  const { framework } = cycleContext(ctx, applicant.cycle_id);
  if (!findItem(framework, input.itemId)) {
    throw new AppError('validation', 'panels.scores.unknownItem', { itemId: input.itemId }, [{ path: 'itemId', key: 'panels.scores.unknownItem', params: { itemId: input.itemId } }]);
  }
  audited(ctx, (log) => {
    const before = issuesOf(ctx, input.applicantId, input.itemId);
    const existing = new Map(before.map((i) => [i.id, i]));
    const kept = new Set<string>();
    const now = ctx.clock().toISOString();
    input.issues.forEach((issue, position) => {
      const previous = issue.id ? existing.get(issue.id) : undefined;
      if (previous && !kept.has(previous.id)) {
        kept.add(previous.id);
        ctx.db
          .prepare('UPDATE site_visit_issues SET kind = ?, position = ?, text = ?, note = ?, updated_by = ?, updated_at = ? WHERE id = ?')
          .run(issue.kind, position, issue.text, issue.note, who.actor, now, previous.id);
        return;
      }
      ctx.db
        .prepare(`INSERT INTO site_visit_issues (id, applicant_id, item_id, kind, position, text, note, source_comment_id, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`)
        .run(randomUUID(), input.applicantId, input.itemId, issue.kind, position, issue.text, issue.note, who.actor, now);
    });
    for (const id of existing.keys()) if (!kept.has(id)) ctx.db.prepare('DELETE FROM site_visit_issues WHERE id = ?').run(id);
    log({ actor: who.actor, action: 'siteVisit.saveIssues', entityType: 'applicant', entityId: input.applicantId, payload: { itemId: input.itemId, before, after: input.issues } });
  });
  ctx.emit('data.changed', { entity: 'siteVisitIssues' });
  return issuesOf(ctx, input.applicantId, input.itemId);
}
