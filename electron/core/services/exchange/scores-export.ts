/**
 * Expert side: the expert's sheets for one stage as a scores package, signed with this workspace's
 * key and carrying the enrolment proof made when the workspace was created from the review package.
 * `final` says every assigned sheet of the stage is submitted; anything less is a progress save.
 */
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Download } from '../../../../shared/api/exchange';
import { citationSchema } from '../../../../shared/api/scoring-sessions';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import { scoredItems } from '../../../../shared/domain/frameworks';
import type { CoreContext } from '../../context';
import { cycleContext } from '../cycles';
import { beginExport, writeExport } from './export-common';
import { PAYLOAD_FORMAT_VERSION, SCORES_PATH, type ScoresPayload } from './payloads';
import { requireRole } from './roles';

export interface ExpertIdentityRow {
  expert_id: string;
  cycle_id: string;
  office_workspace_id: string;
  office_key_id: string;
  enrolment_id: string;
  proof: string;
  review_package_id: string;
}

export function expertIdentity(ctx: CoreContext): ExpertIdentityRow | undefined {
  return ctx.db.prepare('SELECT * FROM exchange_expert_identity WHERE slot = 1').get() as ExpertIdentityRow | undefined;
}

type Sheet = ScoresPayload['sheets'][number];

function sheetFor(ctx: CoreContext, itemIds: readonly string[], stage: StageId, applicantId: string, expertId: string): Sheet {
  const scores = new Map(
    (ctx.db.prepare('SELECT item_id, percent FROM scores WHERE stage = ? AND applicant_id = ? AND expert_id = ?').all(stage, applicantId, expertId) as { item_id: string; percent: number }[]).map(
      (row) => [row.item_id, row.percent],
    ),
  );
  const comments = ctx.db
    .prepare('SELECT id, item_id, kind, text, citation FROM score_comments WHERE stage = ? AND applicant_id = ? AND expert_id = ? ORDER BY item_id, kind, position')
    .all(stage, applicantId, expertId) as { id: string; item_id: string; kind: 'strength' | 'opportunity'; text: string; citation: string | null }[];
  const submitted = ctx.db.prepare('SELECT submitted_at FROM score_submissions WHERE stage = ? AND applicant_id = ? AND expert_id = ?').get(stage, applicantId, expertId) as
    | { submitted_at: string }
    | undefined;
  const items = itemIds
    .map((itemId) => {
      const own = comments.filter((comment) => comment.item_id === itemId);
      const entry = (comment: (typeof own)[number]) => ({ id: comment.id, text: comment.text, citation: comment.citation === null ? null : citationSchema.parse(JSON.parse(comment.citation)) });
      return {
        itemId,
        percent: scores.get(itemId) ?? null,
        strengths: own.filter((comment) => comment.kind === 'strength').map(entry),
        opportunities: own.filter((comment) => comment.kind === 'opportunity').map(entry),
      };
    })
    .filter((item) => item.percent !== null || item.strengths.length > 0 || item.opportunities.length > 0);
  return { applicantId, submittedAt: submitted?.submitted_at ?? null, items };
}

export async function exportScores(ctx: CoreContext, stage: StageId, call: CallContext): Promise<Download & { final: boolean; sheets: number }> {
  requireRole(ctx, 'expert');
  const identity = expertIdentity(ctx);
  if (!identity) throw new AppError('refused', 'exchange.scores.noEnrolment');
  const applicantIds = (
    ctx.db
      .prepare(
        `SELECT DISTINCT pa.applicant_id FROM panel_applicants pa JOIN panels p ON p.id = pa.panel_id JOIN panel_members m ON m.panel_id = p.id
         JOIN applicants a ON a.id = pa.applicant_id
         WHERE m.expert_id = ? AND p.cycle_id = ? AND p.stage = ? ORDER BY a.legal_name, a.id`,
      )
      .all(identity.expert_id, identity.cycle_id, stage) as { applicant_id: string }[]
  ).map((row) => row.applicant_id);
  if (applicantIds.length === 0) throw new AppError('refused', 'exchange.scores.nothingAssigned', { stage });

  const { framework } = cycleContext(ctx, identity.cycle_id);
  const itemIds = scoredItems(framework).map((item) => item.id);
  const sheets = applicantIds.map((applicantId) => sheetFor(ctx, itemIds, stage, applicantId, identity.expert_id));
  const final = sheets.every((sheet) => sheet.submittedAt !== null);
  const payload: ScoresPayload = { formatVersion: PAYLOAD_FORMAT_VERSION, expertId: identity.expert_id, cycleId: identity.cycle_id, stage, sheets };
  const expert = ctx.db.prepare('SELECT name FROM experts WHERE id = ?').get(identity.expert_id) as { name: string };

  const start = beginExport(ctx, call, 'scores');
  const download = await writeExport(
    ctx,
    call,
    {
      kind: 'scores',
      cycleId: identity.cycle_id,
      senderWorkspaceId: ctx.workspace.id,
      sequence: start.sequence,
      packageId: start.packageId,
      header: { enrolment: { enrolmentId: identity.enrolment_id, proof: identity.proof }, reviewPackageId: identity.review_package_id, final },
      privateKey: start.key.privateKey,
      files: [{ path: SCORES_PATH, source: Buffer.from(JSON.stringify(payload, null, 2), 'utf8') }],
    },
    `${expert.name}-scores-${stage}-${start.sequence}.qadpkg`,
    { name: expert.name, entityType: 'expert', entityId: identity.expert_id },
  );
  return { ...download, final, sheets: sheets.length };
}
