/**
 * Expert side: a verified review package fills an expert workspace with exactly that expert's
 * assignments: the cycle (settings and frozen criteria), the expert, the assigned applications with
 * their attachments, and the panels the expert sits on (with the office's ids, so scores map back).
 * The workspace makes its own key pair, proves it holds the enrolment secret (enrolFromReview) and
 * keeps only the proof; the office key is pinned for later review packages.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ImportSummary } from '../../../../shared/api/exchange';
import type { PreparedImport } from './prepared-import';
import type { ManifestOf } from '../../../../shared/api/package-manifest';
import { parseFramework } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { loaded } from '../../frameworks/loaded-framework';
import { enrolFromReview, keyFingerprint, trustedKey, type TrustedKey, type VerifiedPackage } from '../../packages';
import { mediaTypeFor } from '../attachment-store';
import { acceptSequence, logExchange } from './bookkeeping';
import { ensureOwnKey } from './own-key';
import { readPayload, stagedBody, stagedFiles, withStoredBodies } from './package-files';
import { REVIEW_BAND_GUIDE_PATH, REVIEW_FRAMEWORK_PATH, REVIEW_PATH, reviewPayloadSchema, type ReviewPayload } from './payloads';
import { expertIdentity } from './scores-export';

/** Later review packages must come from the office key pinned when the workspace was made. */
export function pinnedOfficeKeys(ctx: CoreContext): TrustedKey[] {
  const rows = ctx.db.prepare(`SELECT public_key, sender_workspace_id FROM exchange_pinned_keys WHERE purpose = 'office'`).all() as { public_key: Buffer; sender_workspace_id: string }[];
  return rows.map((row) => trustedKey(row.public_key, row.sender_workspace_id, ['review']));
}

function readFramework(pkg: VerifiedPackage, payload: ReviewPayload) {
  const file = stagedFiles(pkg).get(REVIEW_FRAMEWORK_PATH);
  if (!file) throw new AppError('refused', 'exchange.payload.missing', { path: REVIEW_FRAMEWORK_PATH });
  let framework;
  try {
    framework = loaded(parseFramework(JSON.parse(readFileSync(file.stagedPath, 'utf8'))), { kind: 'json', file: REVIEW_FRAMEWORK_PATH });
  } catch {
    throw new AppError('refused', 'exchange.payload.invalid', { path: REVIEW_FRAMEWORK_PATH, detail: 'framework' });
  }
  // The criteria are identified by their content: what arrived must be exactly what the cycle names.
  if (framework.fingerprint !== payload.framework.id || framework.scoringFingerprint !== payload.framework.scoringFingerprint) {
    throw new AppError('refused', 'exchange.review.frameworkMismatch');
  }
  return framework;
}

/** Checks everything the package claims against itself before a byte is written. */
function checkReview(pkg: VerifiedPackage, payload: ReviewPayload, workspaceId: string) {
  const manifest = pkg.manifest as ManifestOf<'review'>;
  const header = manifest.header;
  if (
    payload.cycle.id !== manifest.cycleId ||
    payload.office.workspaceId !== manifest.senderWorkspaceId ||
    payload.expert.workspaceId !== header.expert.workspaceId ||
    payload.expert.name !== header.expert.name ||
    payload.applicants.length !== header.applicantCount
  ) {
    throw new AppError('refused', 'exchange.payload.headerMismatch', { path: REVIEW_PATH });
  }
  if (header.expert.workspaceId !== workspaceId) throw new AppError('refused', 'exchange.review.otherWorkspace');
  const panels = new Map(payload.panels.map((panel) => [panel.id, panel]));
  const applicants = new Set(payload.applicants.map((applicant) => applicant.id));
  const perStage = new Set<string>();
  for (const assignment of payload.assignments) {
    const panel = panels.get(assignment.panelId);
    const key = `${panel?.stage}\u0000${assignment.applicantId}`;
    if (!panel || !applicants.has(assignment.applicantId) || perStage.has(key)) throw new AppError('refused', 'exchange.payload.invalid', { path: REVIEW_PATH, detail: 'assignments' });
    perStage.add(key);
  }
  const listed = new Set([REVIEW_PATH, REVIEW_FRAMEWORK_PATH, REVIEW_BAND_GUIDE_PATH]);
  const bodies = payload.applicants.flatMap((applicant) =>
    applicant.attachments.map((attachment) => {
      mediaTypeFor(attachment.fileName);
      listed.add(attachment.path);
      return stagedBody(pkg, attachment.path, attachment);
    }),
  );
  for (const path of stagedFiles(pkg).keys()) if (!listed.has(path)) throw new AppError('refused', 'exchange.payload.unlisted', { path });
  return bodies;
}

export function prepareReview(ctx: CoreContext, pkg: VerifiedPackage, context: { sha256: string; fileName: string }, call: CallContext): PreparedImport {
  const manifest = pkg.manifest as ManifestOf<'review'>;
  const payload = readPayload(pkg, REVIEW_PATH, reviewPayloadSchema);
  const framework = readFramework(pkg, payload);
  const bodies = checkReview(pkg, payload, ctx.workspace.id);
  const identity = expertIdentity(ctx);
  if (identity && (identity.expert_id !== payload.expert.id || identity.cycle_id !== payload.cycle.id)) throw new AppError('refused', 'exchange.review.otherExpert');

  return () => {
    const summary = withStoredBodies(ctx.workspace.filesDir, bodies.map((body) => body.stagedPath), () => audited(ctx, (log) => {
      acceptSequence(ctx, manifest.senderWorkspaceId, 'review', manifest.sequence);
      const now = ctx.clock().toISOString();
      const { expert, cycle } = payload;
      const scored = ctx.db.prepare('SELECT 1 FROM scores WHERE cycle_id = ? LIMIT 1').get(cycle.id) !== undefined;
      const before = ctx.db.prepare('SELECT framework_id FROM cycles WHERE id = ?').get(cycle.id) as { framework_id: string } | undefined;
      if (scored && before && before.framework_id !== payload.framework.id) throw new AppError('refused', 'errors.cycles.frameworkFrozen', { name: cycle.name });

      ctx.db
        .prepare(
          `INSERT OR IGNORE INTO frameworks (id, code, version, revision, scoring_fingerprint, definition, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, 'json', ?)`,
        )
        .run(framework.fingerprint, framework.framework.code, framework.framework.version, framework.framework.revision, framework.scoringFingerprint, JSON.stringify(framework.framework), now);
      ctx.db
        .prepare(
          `INSERT INTO cycles (id, name, year, framework_id, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, year = excluded.year, framework_id = excluded.framework_id, settings = excluded.settings, updated_at = excluded.updated_at`,
        )
        .run(cycle.id, cycle.name, cycle.year, payload.framework.id, JSON.stringify(cycle.settings), now, now);
      ctx.db
        .prepare(
          `INSERT INTO experts (id, name, organisation, record, created_at, updated_at) VALUES (?, ?, ?, '{}', ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation, updated_at = excluded.updated_at`,
        )
        .run(expert.id, expert.name, expert.organisation, now, now);

      let attachmentCount = 0;
      let itemCount = 0;
      for (const applicant of payload.applicants) {
        ctx.db
          .prepare(
            `INSERT INTO applicants (id, cycle_id, legal_name, credit_code, section, division, region, employees, status, record, created_at, updated_at)
             VALUES (@id, @cycleId, @legalName, @creditCode, @section, @division, @region, @employees, @status, @record, @now, @now)
             ON CONFLICT(id) DO UPDATE SET legal_name = excluded.legal_name, credit_code = excluded.credit_code, section = excluded.section, division = excluded.division,
               region = excluded.region, employees = excluded.employees, status = excluded.status, record = excluded.record, updated_at = excluded.updated_at`,
          )
          .run({
            id: applicant.id,
            cycleId: cycle.id,
            legalName: applicant.legalName,
            creditCode: applicant.creditCode,
            section: applicant.section,
            division: applicant.division,
            region: applicant.region,
            employees: applicant.employees,
            status: applicant.status,
            record: JSON.stringify(applicant.record),
            now,
          });
        ctx.db
          .prepare('INSERT INTO applications (applicant_id, profile, updated_at) VALUES (?, ?, ?) ON CONFLICT(applicant_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at')
          .run(applicant.id, applicant.profile, now);
        ctx.db.prepare('DELETE FROM application_items WHERE applicant_id = ?').run(applicant.id);
        for (const item of applicant.items) {
          ctx.db.prepare('INSERT INTO application_items (applicant_id, item_id, narrative, self_percent, updated_at) VALUES (?, ?, ?, ?, ?)').run(applicant.id, item.itemId, item.narrative, item.selfPercent, now);
        }
        ctx.db.prepare('DELETE FROM attachments WHERE applicant_id = ?').run(applicant.id);
        for (const attachment of applicant.attachments) {
          ctx.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)').run(attachment.sha256, attachment.size, now);
          ctx.db
            .prepare('INSERT INTO attachments (id, applicant_id, item_id, file_name, media_type, sha256, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(attachment.id, applicant.id, attachment.itemId, attachment.fileName, mediaTypeFor(attachment.fileName), attachment.sha256, attachment.size, attachment.createdAt);
        }
        attachmentCount += applicant.attachments.length;
        itemCount += applicant.items.length;
      }

      const panelStage = new Map(payload.panels.map((panel) => [panel.id, panel.stage]));
      for (const panel of payload.panels) {
        ctx.db
          .prepare(
            `INSERT INTO panels (id, cycle_id, stage, name, leader_expert_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, leader_expert_id = excluded.leader_expert_id, updated_at = excluded.updated_at`,
          )
          .run(panel.id, cycle.id, panel.stage, panel.name, panel.isLeader ? expert.id : null, now, now);
        ctx.db
          .prepare('INSERT OR IGNORE INTO panel_members (panel_id, expert_id, cycle_id, stage, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(panel.id, expert.id, cycle.id, panel.stage, call.actor, now);
      }
      for (const assignment of payload.assignments) {
        ctx.db
          .prepare('INSERT OR IGNORE INTO panel_applicants (panel_id, applicant_id, stage, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)')
          .run(assignment.panelId, assignment.applicantId, panelStage.get(assignment.panelId)!, call.actor, now);
      }

      const own = ensureOwnKey(ctx);
      const { enrolmentId, proof } = enrolFromReview(manifest, own.publicKey);
      ctx.db
        .prepare(
          `INSERT INTO exchange_expert_identity (slot, expert_id, cycle_id, office_workspace_id, office_key_id, enrolment_id, proof, review_package_id, updated_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(slot) DO UPDATE SET enrolment_id = excluded.enrolment_id, proof = excluded.proof, review_package_id = excluded.review_package_id, updated_at = excluded.updated_at`,
        )
        .run(expert.id, cycle.id, manifest.senderWorkspaceId, pkg.signer.keyId, enrolmentId, proof, manifest.packageId, now);
      const firstContact = ctx.db.prepare(`SELECT 1 FROM exchange_pinned_keys WHERE purpose = 'office' AND key_id = ?`).get(pkg.signer.keyId) === undefined;
      if (firstContact) {
        ctx.db
          .prepare(`INSERT INTO exchange_pinned_keys (id, purpose, key_id, public_key, sender_workspace_id, pinned_at, pinned_by) VALUES (?, 'office', ?, ?, ?, ?, ?)`)
          .run(randomUUID(), pkg.signer.keyId, Buffer.from(manifest.senderPublicKey, 'base64'), manifest.senderWorkspaceId, now, call.actor);
        log({ actor: call.actor, action: 'package.pinKey', entityType: 'workspace', entityId: manifest.senderWorkspaceId, payload: { keyId: pkg.signer.keyId, purpose: 'office' } });
      }
      ctx.db.prepare(`INSERT INTO meta (key, value) VALUES ('title', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(`${expert.name} · ${cycle.name}`);

      const result: ImportSummary = {
        outcome: 'imported',
        kind: 'review',
        packageId: manifest.packageId,
        cycleId: cycle.id,
        sequence: manifest.sequence,
        senderWorkspaceId: manifest.senderWorkspaceId,
        senderFingerprint: keyFingerprint(pkg.signer.keyId),
        keyPinned: firstContact,
        applicant: null,
        expert: { id: expert.id, name: expert.name },
        version: null,
        stage: null,
        final: null,
        counts: { applicants: payload.applicants.length, items: itemCount, attachments: attachmentCount, scores: 0, comments: 0, submittedSheets: 0 },
        at: now,
      };
      logExchange(ctx, {
        direction: 'import',
        kind: 'review',
        packageId: manifest.packageId,
        packageSha256: context.sha256,
        cycleId: cycle.id,
        senderWorkspaceId: manifest.senderWorkspaceId,
        sequence: manifest.sequence,
        fileName: context.fileName,
        summary: { subject: expert.name, version: null, import: result },
        actor: call.actor,
      });
      log({
        actor: call.actor,
        action: 'package.import',
        entityType: 'expert',
        entityId: expert.id,
        payload: { kind: 'review', packageId: manifest.packageId, sha256: context.sha256, sequence: manifest.sequence, enrolmentId, officeKeyId: pkg.signer.keyId, applicants: payload.applicants.length },
      });
      return result;
    }));
    ctx.emit('data.changed', { entity: 'workspace' });
    return summary;
  };
}
