import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Attachment, ApplicationView } from '../../../shared/api/applications';
import type { CallContext } from '../../../shared/api/contract';
import { applicationCharacterCounts, checkCompleteness } from '../../../shared/domain/application';
import { findItem, percentChoices, scoredItems } from '../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../context';
import { applicantRow, assertCycleOpen } from './applicants';
import { cycleContext } from './cycles';
import { mediaTypeFor, readBlob, storeBlob } from './attachment-store';
import { checkAttachmentContent } from './applications-content';

interface AttachmentRow {
  id: string;
  applicant_id: string;
  item_id: string | null;
  file_name: string;
  media_type: string;
  sha256: string;
  size: number;
  created_at: string;
}

const toAttachment = (row: AttachmentRow): Attachment => ({
  id: row.id,
  itemId: row.item_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  size: row.size,
  sha256: row.sha256,
  createdAt: row.created_at,
});

export function getApplication(ctx: CoreContext, applicantId: string): ApplicationView {
  const applicant = applicantRow(ctx, applicantId);
  const { cycle, framework } = cycleContext(ctx, applicant.cycle_id);
  const profile = (ctx.db.prepare('SELECT profile FROM applications WHERE applicant_id = ?').get(applicantId) as { profile: string } | undefined)?.profile ?? '';
  const items = ctx.db.prepare('SELECT item_id, narrative, self_percent, updated_at FROM application_items WHERE applicant_id = ?').all(applicantId) as {
    item_id: string;
    narrative: string;
    self_percent: number | null;
    updated_at: string;
  }[];
  const narratives = Object.fromEntries(items.map((item) => [item.item_id, item.narrative]));
  const application = { profile, narratives };
  const counts = applicationCharacterCounts(application);
  const itemIds = scoredItems(framework).map((item) => item.id);
  const attachments = ctx.db.prepare('SELECT * FROM attachments WHERE applicant_id = ? ORDER BY created_at, file_name').all(applicantId) as AttachmentRow[];
  return {
    applicantId,
    cycleId: applicant.cycle_id,
    frameworkId: cycle.frameworkId,
    profile,
    items: items.map((item) => ({ itemId: item.item_id, narrative: item.narrative, selfPercent: item.self_percent, updatedAt: item.updated_at })),
    attachments: attachments.map(toAttachment),
    counts: { profile: counts.profile, total: counts.total, items: counts.items },
    limit: cycle.settings.selfAssessmentLimit,
    completeness: checkCompleteness(application, itemIds, cycle.settings.selfAssessmentLimit).map((issue) => ({
      kind: issue.kind,
      key: issue.key,
      ...(issue.params ? { params: issue.params } : {}),
      ...('itemId' in issue ? { itemId: issue.itemId } : {}),
    })),
  };
}

/**
 * Autosave writes are deliberately not audited one keystroke at a time: the application is the
 * enterprise's draft, and its submitted versions are what the award record keeps.
 */
export function saveProfile(ctx: CoreContext, applicantId: string, profile: string): { savedAt: string } {
  assertCycleOpen(ctx, applicantRow(ctx, applicantId).cycle_id);
  const savedAt = ctx.clock().toISOString();
  ctx.db
    .prepare('INSERT INTO applications (applicant_id, profile, updated_at) VALUES (?, ?, ?) ON CONFLICT(applicant_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at')
    .run(applicantId, profile, savedAt);
  return { savedAt };
}

export function saveItem(ctx: CoreContext, input: { applicantId: string; itemId: string; narrative: string; selfPercent: number | null }): { savedAt: string } {
  const applicant = applicantRow(ctx, input.applicantId);
  assertCycleOpen(ctx, applicant.cycle_id);
  const { framework } = cycleContext(ctx, applicant.cycle_id);
  if (!findItem(framework, input.itemId)) {
    throw new AppError('validation', 'errors.validation', undefined, [{ path: 'itemId', key: 'applicants.error.unknownItem', params: { itemId: input.itemId } }]);
  }
  if (input.selfPercent !== null && !percentChoices(framework).includes(input.selfPercent)) {
    throw new AppError('validation', 'errors.validation', undefined, [{ path: 'selfPercent', key: 'scoring.error.percentStep', params: { step: framework.scale.step } }]);
  }
  const savedAt = ctx.clock().toISOString();
  ctx.db
    .prepare(
      `INSERT INTO application_items (applicant_id, item_id, narrative, self_percent, updated_at) VALUES (@applicantId, @itemId, @narrative, @selfPercent, @savedAt)
       ON CONFLICT(applicant_id, item_id) DO UPDATE SET narrative = excluded.narrative, self_percent = excluded.self_percent, updated_at = excluded.updated_at`,
    )
    .run({ ...input, savedAt });
  return { savedAt };
}

export function addAttachment(
  ctx: CoreContext,
  input: { applicantId: string; itemId: string | null; fileName: string; contentBase64: string },
  call: CallContext,
): { attachment: Attachment; deduplicated: boolean } {
  const applicant = applicantRow(ctx, input.applicantId);
  assertCycleOpen(ctx, applicant.cycle_id);
  if (input.itemId !== null && !findItem(cycleContext(ctx, applicant.cycle_id).framework, input.itemId)) {
    throw new AppError('validation', 'errors.validation', undefined, [{ path: 'itemId', key: 'applicants.error.unknownItem', params: { itemId: input.itemId } }]);
  }
  const mediaType = mediaTypeFor(input.fileName);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  checkAttachmentContent(input.fileName, bytes);
  // The body is written before the row: a crash in between leaves an unreferenced file, never a row without its file.
  const { sha256, existed } = storeBlob(ctx.workspace.filesDir, bytes);
  const row: AttachmentRow = {
    id: randomUUID(),
    applicant_id: input.applicantId,
    item_id: input.itemId,
    file_name: input.fileName,
    media_type: mediaType,
    sha256,
    size: bytes.length,
    created_at: ctx.clock().toISOString(),
  };
  const deduplicated = audited(ctx, (log) => {
    const known = ctx.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
    if (!known) ctx.db.prepare('INSERT INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(sha256, bytes.length, row.created_at);
    ctx.db
      .prepare('INSERT INTO attachments (id, applicant_id, item_id, file_name, media_type, sha256, size, created_at) VALUES (@id, @applicant_id, @item_id, @file_name, @media_type, @sha256, @size, @created_at)')
      .run(row);
    log({ actor: call.actor, action: 'attachment.add', entityType: 'attachment', entityId: row.id, payload: { applicantId: row.applicant_id, itemId: row.item_id, fileName: row.file_name, sha256 } });
    return known || existed;
  });
  return { attachment: toAttachment(row), deduplicated };
}

/** Removes the reference; the body stays while any other attachment (or a backup's history) may point at it. */
export function removeAttachment(ctx: CoreContext, attachmentId: string, call: CallContext): { removed: boolean } {
  return audited(ctx, (log) => {
    const owner = ctx.db.prepare('SELECT a.cycle_id FROM attachments t JOIN applicants a ON a.id = t.applicant_id WHERE t.id = ?').get(attachmentId) as { cycle_id: string } | undefined;
    if (owner) assertCycleOpen(ctx, owner.cycle_id);
    const removed = ctx.db.prepare('DELETE FROM attachments WHERE id = ?').run(attachmentId).changes > 0;
    if (removed) log({ actor: call.actor, action: 'attachment.remove', entityType: 'attachment', entityId: attachmentId, payload: null });
    return { removed };
  });
}

export function attachmentContent(ctx: CoreContext, attachmentId: string): { fileName: string; mediaType: string; contentBase64: string } {
  const row = ctx.db.prepare('SELECT * FROM attachments WHERE id = ?').get(attachmentId) as AttachmentRow | undefined;
  if (!row) throw new AppError('notFound', 'applicants.attachment.notFound', { id: attachmentId });
  return { fileName: row.file_name, mediaType: row.media_type, contentBase64: readBlob(ctx.workspace.filesDir, row.sha256).toString('base64') };
}
