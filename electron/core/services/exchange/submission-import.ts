/**
 * Office side: a verified submission package creates or updates the applicant (matched by credit
 * code within the target cycle), stores the attachments content-addressed, and records a new
 * version; earlier versions stay in submission_versions. Trust: the first key that submits for a
 * credit code in a cycle is pinned; a different key later is refused unless the office confirms it
 * (docs/packages.md, "Workspace exchange").
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ImportSummary } from '../../../../shared/api/exchange';
import type { PreparedImport } from './prepared-import';
import type { ManifestOf, PackageManifest } from '../../../../shared/api/package-manifest';
import { checkCompleteness } from '../../../../shared/domain/application';
import { findItem, percentChoices, scoredItems } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { keyFingerprint, trustedKey, type TrustedKey, type VerifiedPackage } from '../../packages';
import { insertApplicant } from '../applicants';
import { MAX_ATTACHMENT_BYTES, mediaTypeFor } from '../attachment-store';
import { ATTACHMENT_SIGNATURE_BYTES, checkAttachmentContent } from '../applications-content';
import { cycleContext } from '../cycles';
import { acceptSequence, logExchange } from './bookkeeping';
import { readPayload, stagedBody, stagedFiles, withStoredBodies } from './package-files';
import { applicationPayloadSchema, SUBMISSION_APPLICATION_PATH } from './payloads';

export interface SubmissionOptions {
  targetCycleId?: string | undefined;
  confirmKeyChange?: boolean | undefined;
}

/**
 * The office cycle a submission goes into: the one named by the office, else the package's own cycle
 * if this workspace has it, else the only open cycle. Enterprise workspaces make their own cycle ids,
 * so usually the office names it or there is just one open cycle.
 */
export function targetCycle(ctx: CoreContext, manifestCycleId: string, targetCycleId: string | undefined): string {
  const cycles = ctx.db.prepare('SELECT id, status FROM cycles').all() as { id: string; status: string }[];
  const pick = targetCycleId ?? (cycles.some((cycle) => cycle.id === manifestCycleId) ? manifestCycleId : undefined);
  const open = cycles.filter((cycle) => cycle.status === 'open');
  const id = pick ?? (open.length === 1 ? open[0]!.id : undefined);
  if (id === undefined) throw new AppError('refused', 'exchange.submission.chooseCycle', { count: open.length });
  const cycle = cycles.find((candidate) => candidate.id === id);
  if (!cycle) throw new AppError('notFound', 'errors.cycles.notFound', { id });
  if (cycle.status !== 'open') throw new AppError('refused', 'exchange.submission.cycleClosed');
  return id;
}

interface PinRow {
  key_id: string;
  public_key: Buffer;
  sender_workspace_id: string;
}

function pinnedSubmitterKey(ctx: CoreContext, cycleId: string, creditCode: string): PinRow | undefined {
  return ctx.db
    .prepare(`SELECT key_id, public_key, sender_workspace_id FROM exchange_pinned_keys WHERE purpose = 'submitter' AND cycle_id = ? AND credit_code = ?`)
    .get(cycleId, creditCode) as PinRow | undefined;
}

/** Trust on first use per credit code and cycle; a changed key needs the office's confirmation. */
export function submitterTrust(ctx: CoreContext, manifest: PackageManifest, options: SubmissionOptions): TrustedKey {
  if (manifest.kind !== 'submission') throw new TypeError('submission manifests only');
  const cycleId = targetCycle(ctx, manifest.cycleId, options.targetCycleId);
  const carried = trustedKey(Buffer.from(manifest.senderPublicKey, 'base64'), manifest.senderWorkspaceId, ['submission']);
  const pinned = pinnedSubmitterKey(ctx, cycleId, manifest.header.applicant.creditCode);
  if (!pinned || options.confirmKeyChange) return carried;
  if (pinned.key_id === carried.keyId) return trustedKey(pinned.public_key, pinned.sender_workspace_id, ['submission']);
  throw new AppError('refused', 'exchange.submission.keyChanged', {
    name: manifest.header.applicant.name,
    creditCode: manifest.header.applicant.creditCode,
    pinned: keyFingerprint(pinned.key_id),
    presented: keyFingerprint(carried.keyId),
  });
}

const IMPORTABLE_STATUSES = new Set(['draft', 'submitted']);

export function prepareSubmission(ctx: CoreContext, pkg: VerifiedPackage, context: { sha256: string; fileName: string; options: SubmissionOptions }, call: CallContext): PreparedImport {
  const manifest = pkg.manifest as ManifestOf<'submission'>;
  const cycleId = targetCycle(ctx, manifest.cycleId, context.options.targetCycleId);
  const payload = readPayload(pkg, SUBMISSION_APPLICATION_PATH, applicationPayloadSchema);
  const { record } = payload;
  if (record.creditCode !== manifest.header.applicant.creditCode || record.legalName !== manifest.header.applicant.name || payload.submissionId !== manifest.header.submissionId) {
    throw new AppError('refused', 'exchange.payload.headerMismatch', { path: SUBMISSION_APPLICATION_PATH });
  }

  const { cycle, framework } = cycleContext(ctx, cycleId);
  const choices = percentChoices(framework);
  const seenItems = new Set<string>();
  for (const item of payload.items) {
    if (!findItem(framework, item.itemId) || seenItems.has(item.itemId)) throw new AppError('refused', 'exchange.submission.unknownItem', { itemId: item.itemId });
    seenItems.add(item.itemId);
    if (item.selfPercent !== null && !choices.includes(item.selfPercent)) throw new AppError('refused', 'exchange.submission.percentStep', { itemId: item.itemId, percent: item.selfPercent });
  }
  // The sender's export checks completeness, but a package can be made by other means: the office's
  // own rules (its framework, its length cap) decide what it accepts, with the same reasons.
  const narratives = Object.fromEntries(payload.items.map((item) => [item.itemId, item.narrative]));
  const incomplete = checkCompleteness({ profile: payload.profile, narratives }, scoredItems(framework).map((item) => item.id), cycle.settings.selfAssessmentLimit);
  if (incomplete.length > 0) {
    throw new AppError(
      'refused',
      'exchange.submission.incompleteImport',
      { count: incomplete.length },
      incomplete.map((issue) => ({ path: 'itemId' in issue ? `items.${issue.itemId}` : issue.kind, key: issue.key, ...(issue.params ? { params: issue.params } : {}) })),
    );
  }
  const listed = new Set<string>([SUBMISSION_APPLICATION_PATH]);
  const bodies = payload.attachments.map((attachment) => {
    if (attachment.itemId !== null && !findItem(framework, attachment.itemId)) throw new AppError('refused', 'exchange.submission.unknownItem', { itemId: attachment.itemId });
    if (attachment.size > MAX_ATTACHMENT_BYTES) throw new AppError('refused', 'applicants.attachment.tooLarge', { size: attachment.size, max: MAX_ATTACHMENT_BYTES });
    const mediaType = mediaTypeFor(attachment.fileName);
    listed.add(attachment.path);
    const staged = stagedBody(pkg, attachment.path, attachment);
    // The enterprise's app checked the evidence too, but a package may come from anywhere: check again here.
    checkAttachmentContent(attachment.fileName, fileHead(staged.stagedPath, ATTACHMENT_SIGNATURE_BYTES));
    return { attachment, mediaType, staged };
  });
  for (const path of stagedFiles(pkg).keys()) if (!listed.has(path)) throw new AppError('refused', 'exchange.payload.unlisted', { path });

  const existing = ctx.db.prepare('SELECT id, status, legal_name FROM applicants WHERE cycle_id = ? AND credit_code = ?').get(cycleId, record.creditCode) as
    | { id: string; status: string; legal_name: string }
    | undefined;
  if (existing && !IMPORTABLE_STATUSES.has(existing.status)) {
    throw new AppError('refused', 'exchange.submission.locked', { name: existing.legal_name, status: existing.status });
  }

  // Bodies first, rows after: a crash in between leaves an unreferenced file, never a row without its body.
  const pin = pinnedSubmitterKey(ctx, cycleId, record.creditCode);
  const keyPinned = !pin || pin.key_id !== pkg.signer.keyId;
  const stagedPaths = bodies.map((body) => body.staged.stagedPath);
  return () => {
    const summary = withStoredBodies(ctx.workspace.filesDir, stagedPaths, () => audited(ctx, (log) => {
      acceptSequence(ctx, manifest.senderWorkspaceId, 'submission', manifest.sequence);
      const now = ctx.clock().toISOString();
      let applicantId: string;
      const current = ctx.db.prepare('SELECT id, status FROM applicants WHERE cycle_id = ? AND credit_code = ?').get(cycleId, record.creditCode) as { id: string; status: string } | undefined;
      if (current) {
        if (!IMPORTABLE_STATUSES.has(current.status)) throw new AppError('refused', 'exchange.submission.locked', { name: record.legalName, status: current.status });
        applicantId = current.id;
        ctx.db
          .prepare(
            `UPDATE applicants SET legal_name = ?, section = ?, division = ?, region = ?, employees = ?, record = ?, status = 'submitted', updated_at = ? WHERE id = ?`,
          )
          .run(record.legalName, record.industry.section, record.industry.division, record.region, record.employees, JSON.stringify(record), now, applicantId);
      } else {
        applicantId = insertApplicant(ctx, cycleId, record, call, log);
        ctx.db.prepare(`UPDATE applicants SET status = 'submitted' WHERE id = ?`).run(applicantId);
      }
      ctx.db
        .prepare('INSERT INTO applications (applicant_id, profile, updated_at) VALUES (?, ?, ?) ON CONFLICT(applicant_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at')
        .run(applicantId, payload.profile, now);
      ctx.db.prepare('DELETE FROM application_items WHERE applicant_id = ?').run(applicantId);
      const insertItem = ctx.db.prepare('INSERT INTO application_items (applicant_id, item_id, narrative, self_percent, updated_at) VALUES (?, ?, ?, ?, ?)');
      for (const item of payload.items) insertItem.run(applicantId, item.itemId, item.narrative, item.selfPercent, now);
      ctx.db.prepare('DELETE FROM attachments WHERE applicant_id = ?').run(applicantId);
      const insertBlob = ctx.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)');
      const insertAttachment = ctx.db.prepare(
        'INSERT INTO attachments (id, applicant_id, item_id, file_name, media_type, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const { attachment, mediaType } of bodies) {
        insertBlob.run(attachment.sha256, attachment.size, now);
        insertAttachment.run(randomUUID(), applicantId, attachment.itemId, attachment.fileName, mediaType, attachment.sha256, attachment.size, now);
      }

      const version = ((ctx.db.prepare('SELECT max(version) AS v FROM submission_versions WHERE applicant_id = ?').get(applicantId) as { v: number | null }).v ?? 0) + 1;
      const snapshot = { submissionId: payload.submissionId, frameworkId: payload.frameworkId, record, profile: payload.profile, items: payload.items, attachments: payload.attachments.map(({ path: _path, ...rest }) => rest) };
      ctx.db
        .prepare(
          `INSERT INTO submission_versions (applicant_id, version, submission_id, package_id, package_sha256, sender_workspace_id, sender_key_id, sequence, received_at, received_by, snapshot)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(applicantId, version, payload.submissionId, manifest.packageId, context.sha256, manifest.senderWorkspaceId, pkg.signer.keyId, manifest.sequence, now, call.actor, JSON.stringify(snapshot));

      if (keyPinned) {
        ctx.db.prepare(`DELETE FROM exchange_pinned_keys WHERE purpose = 'submitter' AND cycle_id = ? AND credit_code = ?`).run(cycleId, record.creditCode);
        ctx.db
          .prepare(
            `INSERT INTO exchange_pinned_keys (id, purpose, key_id, public_key, sender_workspace_id, cycle_id, credit_code, pinned_at, pinned_by) VALUES (?, 'submitter', ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(randomUUID(), pkg.signer.keyId, Buffer.from(manifest.senderPublicKey, 'base64'), manifest.senderWorkspaceId, cycleId, record.creditCode, now, call.actor);
        log({
          actor: call.actor,
          action: pin ? 'package.replaceKey' : 'package.pinKey',
          entityType: 'applicant',
          entityId: applicantId,
          payload: { creditCode: record.creditCode, keyId: pkg.signer.keyId, previousKeyId: pin?.key_id ?? null },
        });
      }

      const result: ImportSummary = {
        outcome: 'imported',
        kind: 'submission',
        packageId: manifest.packageId,
        cycleId,
        sequence: manifest.sequence,
        senderWorkspaceId: manifest.senderWorkspaceId,
        senderFingerprint: keyFingerprint(pkg.signer.keyId),
        keyPinned,
        applicant: { id: applicantId, name: record.legalName, creditCode: record.creditCode, created: !current },
        expert: null,
        version,
        stage: null,
        final: null,
        counts: { applicants: 1, items: payload.items.length, attachments: payload.attachments.length, scores: 0, comments: 0, submittedSheets: 0 },
        at: now,
      };
      logExchange(ctx, {
        direction: 'import',
        kind: 'submission',
        packageId: manifest.packageId,
        packageSha256: context.sha256,
        cycleId,
        senderWorkspaceId: manifest.senderWorkspaceId,
        sequence: manifest.sequence,
        fileName: context.fileName,
        summary: { subject: record.legalName, version, import: result },
        actor: call.actor,
      });
      log({
        actor: call.actor,
        action: 'package.import',
        entityType: 'applicant',
        entityId: applicantId,
        payload: { kind: 'submission', packageId: manifest.packageId, sha256: context.sha256, sequence: manifest.sequence, version, senderWorkspaceId: manifest.senderWorkspaceId, keyId: pkg.signer.keyId },
      });
      return result;
    }));
    ctx.emit('data.changed', { entity: 'applicants' });
    return summary;
  };
}

function fileHead(path: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
