/**
 * Who is calling a scoring channel. A session token names the expert (the core looked it up; the
 * renderer cannot choose it); `office` is the host's own caller, who may act on an expert's behalf.
 */
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Scorer, Viewer } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { expertRow } from './experts';
import { panelMemberIds, panelRow, type PanelDbRow } from './panels';
import type { ScoringSessions } from './sessions';

/** The expert whose sheet is written, who writes it, and the audit actor. */
export interface ScorerIdentity {
  expertId: string;
  enteredBy: 'expert' | 'office';
  actor: string;
}

export type ViewerIdentity = { kind: 'expert'; expertId: string; actor: string } | { kind: 'office'; actor: string };

export const expertActor = (expertId: string) => `expert:${expertId}`;

export function scorerIdentity(sessions: ScoringSessions, as: Scorer, call: CallContext): ScorerIdentity {
  if (as.kind === 'session') {
    const { expertId } = sessions.resolve(as.sessionToken);
    return { expertId, enteredBy: 'expert', actor: expertActor(expertId) };
  }
  return { expertId: as.onBehalfOf, enteredBy: 'office', actor: call.actor };
}

export function viewerIdentity(sessions: ScoringSessions, viewer: Viewer, call: CallContext): ViewerIdentity {
  if (viewer.kind === 'session') {
    const { expertId } = sessions.resolve(viewer.sessionToken);
    return { kind: 'expert', expertId, actor: expertActor(expertId) };
  }
  return { kind: 'office', actor: call.actor };
}

export interface PanelContext {
  panel: PanelDbRow;
  memberIds: string[];
  applicant: ReturnType<typeof applicantRow>;
}

/** The panel that scores this applicant in this stage. */
export function panelFor(ctx: CoreContext, stage: StageId, applicantId: string): PanelContext {
  const applicant = applicantRow(ctx, applicantId);
  const row = ctx.db.prepare('SELECT panel_id FROM panel_applicants WHERE applicant_id = ? AND stage = ?').get(applicantId, stage) as { panel_id: string } | undefined;
  if (!row) throw new AppError('notFound', 'panels.error.noPanelForApplicant', { applicant: applicant.legal_name, stage });
  const panel = panelRow(ctx, row.panel_id);
  return { panel, memberIds: panelMemberIds(ctx, panel.id), applicant };
}

/** An expert reaches only the applicants of the panels they sit on (the office too, when acting for one). */
export function requireMember(ctx: CoreContext, context: PanelContext, expertId: string): void {
  if (!context.memberIds.includes(expertId)) {
    throw new AppError('forbidden', 'panels.access.notMember', { expert: expertRow(ctx, expertId).name, applicant: context.applicant.legal_name });
  }
}

export function isSubmitted(ctx: CoreContext, stage: StageId, applicantId: string, expertId: string): string | null {
  const row = ctx.db.prepare('SELECT submitted_at FROM score_submissions WHERE stage = ? AND applicant_id = ? AND expert_id = ?').get(stage, applicantId, expertId) as
    | { submitted_at: string }
    | undefined;
  return row?.submitted_at ?? null;
}

/**
 * Independence: until an expert has submitted their own sheet for an applicant, nothing of the other
 * experts' work on it is shown to them. The office always sees everything.
 */
export function requireMaySeeOthers(ctx: CoreContext, viewer: ViewerIdentity, context: PanelContext): void {
  if (viewer.kind === 'office') return;
  requireMember(ctx, context, viewer.expertId);
  if (isSubmitted(ctx, context.panel.stage, context.applicant.id, viewer.expertId) === null) {
    throw new AppError('forbidden', 'panels.access.submitFirst', { applicant: context.applicant.legal_name });
  }
}
