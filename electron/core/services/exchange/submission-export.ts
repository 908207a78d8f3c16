/**
 * Enterprise side: the workspace's one application as a signed submission package. Refused, with
 * every missing piece listed, while the organisation record or any part of the self-assessment is
 * missing: the office should never receive an application it would have to send back for that.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type FieldError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Download } from '../../../../shared/api/exchange';
import { applicantSchema } from '../../../../shared/domain/applicant';
import type { CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { getApplication } from '../applications';
import { blobPath } from '../attachment-store';
import { cycleContext } from '../cycles';
import { beginExport, writeExport } from './export-common';
import { payloadPath } from './package-files';
import { PAYLOAD_FORMAT_VERSION, SUBMISSION_APPLICATION_PATH, type ApplicationPayload } from './payloads';
import { requireRole } from './roles';

function submissionIdFor(ctx: CoreContext, applicantId: string): string {
  const row = ctx.db.prepare('SELECT submission_id FROM exchange_submission_ids WHERE applicant_id = ?').get(applicantId) as { submission_id: string } | undefined;
  if (row) return row.submission_id;
  const id = randomUUID();
  ctx.db.prepare('INSERT INTO exchange_submission_ids (applicant_id, submission_id, created_at) VALUES (?, ?, ?)').run(applicantId, id, ctx.clock().toISOString());
  return id;
}

/** Everything that keeps the application from being handed in, as one list. */
export function submissionProblems(ctx: CoreContext, applicantId: string): FieldError[] {
  const applicant = applicantRow(ctx, applicantId);
  const problems: FieldError[] = [];
  if (applicant.record === 'null' || !applicantSchema.safeParse(JSON.parse(applicant.record)).success) {
    problems.push({ path: 'record', key: 'exchange.submission.recordMissing' });
  }
  for (const issue of getApplication(ctx, applicantId).completeness) {
    problems.push({ path: issue.itemId ? `items.${issue.itemId}` : issue.kind, key: issue.key, ...(issue.params ? { params: issue.params } : {}) });
  }
  return problems;
}

export async function exportSubmission(ctx: CoreContext, applicantId: string, call: CallContext): Promise<Download> {
  requireRole(ctx, 'enterprise');
  const applicant = applicantRow(ctx, applicantId);
  const problems = submissionProblems(ctx, applicantId);
  if (problems.length > 0) throw new AppError('refused', 'exchange.submission.incomplete', { count: problems.length }, problems);

  const record = applicantSchema.parse(JSON.parse(applicant.record));
  const application = getApplication(ctx, applicantId);
  const { cycle } = cycleContext(ctx, applicant.cycle_id);
  const used = new Set<string>();
  const attachments = application.attachments.map((attachment) => ({
    path: payloadPath(used, `attachments/${attachment.itemId ?? 'general'}`, attachment.fileName, attachment.sha256),
    itemId: attachment.itemId,
    fileName: attachment.fileName,
    size: attachment.size,
    sha256: attachment.sha256,
  }));

  let submissionId = '';
  const start = beginExport(ctx, call, 'submission', () => {
    submissionId = submissionIdFor(ctx, applicantId);
  });
  const payload: ApplicationPayload = {
    formatVersion: PAYLOAD_FORMAT_VERSION,
    submissionId,
    frameworkId: application.frameworkId,
    cycle: { name: cycle.name, year: cycle.year },
    record,
    profile: application.profile,
    items: application.items.map((item) => ({ itemId: item.itemId, narrative: item.narrative, selfPercent: item.selfPercent })),
    attachments,
  };
  const download = await writeExport(
    ctx,
    call,
    {
      kind: 'submission',
      cycleId: applicant.cycle_id,
      senderWorkspaceId: ctx.workspace.id,
      sequence: start.sequence,
      packageId: start.packageId,
      header: { applicant: { name: record.legalName, creditCode: record.creditCode }, submissionId },
      privateKey: start.key.privateKey,
      files: [
        { path: SUBMISSION_APPLICATION_PATH, source: Buffer.from(JSON.stringify(payload, null, 2), 'utf8') },
        ...attachments.map((attachment) => ({ path: attachment.path, source: blobPath(ctx.workspace.filesDir, attachment.sha256) })),
      ],
    },
    `${record.legalName}-submission-${start.sequence}.qadpkg`,
    { name: record.legalName, entityType: 'applicant', entityId: applicantId },
    attachments,
  );
  return download;
}
