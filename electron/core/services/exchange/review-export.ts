/**
 * Office side: one expert's assignments in a cycle as a review package: the expert's identity, the
 * assigned applications with their attachments, the cycle's criteria (definition and band guide),
 * the cycle settings, and a fresh enrolment whose secret lets the expert workspace made from the
 * package prove itself when its scores come back (docs/packages.md §5).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Download } from '../../../../shared/api/exchange';
import { applicantSchema } from '../../../../shared/domain/applicant';
import type { StageId } from '../../../../shared/domain/cycle-settings';
import type { CoreContext } from '../../context';
import { createEnrolment } from '../../packages';
import { applicantRow } from '../applicants';
import { getApplication } from '../applications';
import { blobPath } from '../attachment-store';
import { cycleContext } from '../cycles';
import { beginExport, writeExport } from './export-common';
import { payloadPath } from './package-files';
import { PAYLOAD_FORMAT_VERSION, REVIEW_BAND_GUIDE_PATH, REVIEW_FRAMEWORK_PATH, REVIEW_PATH, type ReviewApplicant, type ReviewPayload } from './payloads';
import { requireRole } from './roles';

interface AssignmentRow {
  panel_id: string;
  stage: StageId;
  panel_name: string;
  leader_expert_id: string | null;
  applicant_id: string;
}

export function expertBasics(ctx: CoreContext, expertId: string): { id: string; name: string; organisation: string } {
  const row = ctx.db.prepare('SELECT id, name, organisation FROM experts WHERE id = ?').get(expertId) as { id: string; name: string; organisation: string } | undefined;
  if (!row) throw new AppError('notFound', 'exchange.review.expertNotFound', { id: expertId });
  return row;
}

/** The same expert workspace id for every review package of one expert in one cycle, so later ones update it. */
function expertWorkspaceId(ctx: CoreContext, cycleId: string, expertId: string): string {
  const row = ctx.db
    .prepare('SELECT expert_workspace_id FROM exchange_enrolments WHERE cycle_id = ? AND expert_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get(cycleId, expertId) as { expert_workspace_id: string } | undefined;
  return row?.expert_workspace_id ?? randomUUID();
}

export async function exportReview(ctx: CoreContext, input: { cycleId: string; expertId: string; dueDate?: string | undefined }, call: CallContext): Promise<Download & { applicantCount: number }> {
  requireRole(ctx, 'office');
  const { cycle, framework } = cycleContext(ctx, input.cycleId);
  const expert = expertBasics(ctx, input.expertId);
  const rows = ctx.db
    .prepare(
      `SELECT p.id AS panel_id, p.stage, p.name AS panel_name, p.leader_expert_id, pa.applicant_id
       FROM panel_members m JOIN panels p ON p.id = m.panel_id JOIN panel_applicants pa ON pa.panel_id = p.id
       WHERE m.expert_id = ? AND p.cycle_id = ? ORDER BY p.stage, p.name, pa.applicant_id`,
    )
    .all(input.expertId, input.cycleId) as AssignmentRow[];
  if (rows.length === 0) throw new AppError('refused', 'exchange.review.nothingAssigned', { expert: expert.name, cycle: cycle.name });

  const panels = [...new Map(rows.map((row) => [row.panel_id, { id: row.panel_id, stage: row.stage, name: row.panel_name, isLeader: row.leader_expert_id === expert.id }])).values()];
  const applicantIds = [...new Set(rows.map((row) => row.applicant_id))];
  const bodies: { path: string; sha256: string }[] = [];
  const applicants: ReviewApplicant[] = applicantIds.map((applicantId) => {
    const row = applicantRow(ctx, applicantId);
    const application = getApplication(ctx, applicantId);
    const used = new Set<string>();
    const attachments = application.attachments.map((attachment) => {
      const path = payloadPath(used, `submissions/${applicantId}`, attachment.fileName, attachment.sha256);
      bodies.push({ path, sha256: attachment.sha256 });
      return { ...attachment, path };
    });
    return {
      id: row.id,
      legalName: row.legal_name,
      creditCode: row.credit_code,
      section: row.section,
      division: row.division,
      region: row.region,
      employees: row.employees,
      status: row.status,
      record: row.record === 'null' ? null : applicantSchema.parse(JSON.parse(row.record)),
      profile: application.profile,
      items: application.items.map((item) => ({ itemId: item.itemId, narrative: item.narrative, selfPercent: item.selfPercent })),
      attachments,
    };
  });
  const frameworkRow = ctx.db.prepare('SELECT scoring_fingerprint, definition FROM frameworks WHERE id = ?').get(cycle.frameworkId) as { scoring_fingerprint: string; definition: string };

  const enrolment = createEnrolment();
  const workspaceId = expertWorkspaceId(ctx, input.cycleId, input.expertId);
  const start = beginExport(ctx, call, 'review', (log, { key, packageId }) => {
    ctx.db
      .prepare(
        `INSERT INTO exchange_enrolments (enrolment_id, expert_id, cycle_id, secret, office_key_id, expert_workspace_id, review_package_id, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(enrolment.enrolmentId, expert.id, input.cycleId, enrolment.secret, key.keyId, workspaceId, packageId, ctx.clock().toISOString(), call.actor);
    // The secret stays out of the audit log: it is only ever in this table and in the package.
    log({ actor: call.actor, action: 'package.enrol', entityType: 'expert', entityId: expert.id, payload: { enrolmentId: enrolment.enrolmentId, cycleId: input.cycleId, reviewPackageId: packageId, expertWorkspaceId: workspaceId } });
  });

  const title = (ctx.db.prepare(`SELECT value FROM meta WHERE key = 'title'`).get() as { value: string } | undefined)?.value ?? '';
  const payload: ReviewPayload = {
    formatVersion: PAYLOAD_FORMAT_VERSION,
    office: { workspaceId: ctx.workspace.id, title },
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year, settings: cycle.settings },
    framework: { id: cycle.frameworkId, scoringFingerprint: frameworkRow.scoring_fingerprint },
    expert: { id: expert.id, name: expert.name, organisation: expert.organisation, workspaceId },
    panels,
    assignments: rows.map((row) => ({ panelId: row.panel_id, applicantId: row.applicant_id })),
    applicants,
    dueDate: input.dueDate ?? null,
  };
  const download = await writeExport(
    ctx,
    call,
    {
      kind: 'review',
      cycleId: input.cycleId,
      senderWorkspaceId: ctx.workspace.id,
      sequence: start.sequence,
      packageId: start.packageId,
      header: { expert: { name: expert.name, workspaceId }, enrolment, applicantCount: applicants.length, ...(input.dueDate ? { dueDate: input.dueDate } : {}) },
      privateKey: start.key.privateKey,
      files: [
        { path: REVIEW_PATH, source: Buffer.from(JSON.stringify(payload, null, 2), 'utf8') },
        { path: REVIEW_FRAMEWORK_PATH, source: Buffer.from(frameworkRow.definition, 'utf8') },
        { path: REVIEW_BAND_GUIDE_PATH, source: Buffer.from(JSON.stringify(framework.bands, null, 2), 'utf8') },
        ...bodies.map((body) => ({ path: body.path, source: blobPath(ctx.workspace.filesDir, body.sha256) })),
      ],
    },
    `${expert.name}-review-${start.sequence}.qadpkg`,
    { name: expert.name, entityType: 'expert', entityId: expert.id },
    bodies,
  );
  return { ...download, applicantCount: applicants.length };
}
