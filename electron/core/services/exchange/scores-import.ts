/**
 * Office side: a scores package is accepted only from the key enrolled with the review package it
 * answers (trustEnrolledExperts), only for applicants that expert is assigned to in that stage, and
 * never over a newer package (sequence). Submitted sheets arrive locked; a sheet the office already
 * holds as submitted is left alone when unchanged and refused when different (the office unlocks it first).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ImportSummary } from '../../../../shared/api/exchange';
import type { PreparedImport } from './prepared-import';
import type { ManifestOf } from '../../../../shared/api/package-manifest';
import { percentChoices, scoredItems } from '../../../../shared/domain/frameworks';
import { audited, type CoreContext } from '../../context';
import { keyFingerprint, type EnrolmentRecord, type VerifiedPackage } from '../../packages';
import { cycleContext } from '../cycles';
import { conflictRefusal } from '../panels/conflicts';
import { acceptSequence, logExchange } from './bookkeeping';
import { readPayload, stagedFiles } from './package-files';
import { SCORES_PATH, scoresPayloadSchema, type ScoresPayload } from './payloads';

interface EnrolmentRow {
  enrolment_id: string;
  expert_id: string;
  cycle_id: string;
  secret: string;
  office_key_id: string;
  expert_workspace_id: string;
  review_package_id: string;
  pinned_key_id: string | null;
}

function enrolmentRow(ctx: CoreContext, enrolmentId: string): EnrolmentRow | undefined {
  return ctx.db.prepare('SELECT * FROM exchange_enrolments WHERE enrolment_id = ?').get(enrolmentId) as EnrolmentRow | undefined;
}

/** What trustEnrolledExperts needs to know about an enrolment this office made. */
export function enrolmentRecord(ctx: CoreContext, enrolmentId: string): EnrolmentRecord | undefined {
  const row = enrolmentRow(ctx, enrolmentId);
  if (!row) return undefined;
  return {
    enrolmentId: row.enrolment_id,
    secret: row.secret,
    cycleId: row.cycle_id,
    officeKeyId: row.office_key_id,
    expertWorkspaceId: row.expert_workspace_id,
    reviewPackageId: row.review_package_id,
    ...(row.pinned_key_id ? { pinnedKeyId: row.pinned_key_id } : {}),
  };
}

/** Comment ids in the office are derived from the expert's, so they stay stable across re-imports and never collide between experts. */
const officeCommentId = (expertId: string, commentId: string) => createHash('sha256').update(`${expertId}\u0000${commentId}`, 'utf8').digest('base64url');

type Sheet = ScoresPayload['sheets'][number];

function applicantName(ctx: CoreContext, applicantId: string): string {
  return (ctx.db.prepare('SELECT legal_name FROM applicants WHERE id = ?').get(applicantId) as { legal_name: string } | undefined)?.legal_name ?? applicantId;
}

/** Everything about the sheets that can be checked before writing; any failure refuses the whole package. */
function checkSheets(ctx: CoreContext, payload: ScoresPayload, enrolment: EnrolmentRow): void {
  const { framework } = cycleContext(ctx, enrolment.cycle_id);
  const items = new Set(scoredItems(framework).map((item) => item.id));
  const choices = percentChoices(framework);
  const assigned = ctx.db.prepare(
    `SELECT 1 FROM panel_members m JOIN panels p ON p.id = m.panel_id JOIN panel_applicants pa ON pa.panel_id = p.id
     WHERE m.expert_id = ? AND pa.applicant_id = ? AND p.stage = ? AND p.cycle_id = ?`,
  );
  const seenApplicants = new Set<string>();
  const seenComments = new Set<string>();
  for (const sheet of payload.sheets) {
    if (seenApplicants.has(sheet.applicantId)) throw new AppError('refused', 'exchange.payload.invalid', { path: SCORES_PATH, detail: `sheets: ${sheet.applicantId}` });
    seenApplicants.add(sheet.applicantId);
    // A confirmed conflict is named as such: the office may have moved the expert off after the review package went out.
    const conflict = conflictRefusal(ctx, enrolment.expert_id, sheet.applicantId);
    if (conflict) throw conflict;
    if (!assigned.get(enrolment.expert_id, sheet.applicantId, payload.stage, enrolment.cycle_id)) {
      throw new AppError('refused', 'exchange.scores.notAssigned', { applicant: applicantName(ctx, sheet.applicantId), stage: payload.stage });
    }
    const seenItems = new Set<string>();
    for (const item of sheet.items) {
      if (!items.has(item.itemId) || seenItems.has(item.itemId)) throw new AppError('refused', 'exchange.scores.unknownItem', { itemId: item.itemId });
      seenItems.add(item.itemId);
      if (item.percent !== null && !choices.includes(item.percent)) throw new AppError('refused', 'exchange.scores.percentStep', { itemId: item.itemId, percent: item.percent });
      for (const comment of [...item.strengths, ...item.opportunities]) {
        if (seenComments.has(comment.id)) throw new AppError('refused', 'exchange.payload.invalid', { path: SCORES_PATH, detail: `comment ${comment.id}` });
        seenComments.add(comment.id);
      }
    }
    if (sheet.submittedAt !== null && [...items].some((itemId) => !sheet.items.some((item) => item.itemId === itemId && item.percent !== null))) {
      throw new AppError('refused', 'exchange.scores.incompleteSheet', { applicant: applicantName(ctx, sheet.applicantId) });
    }
  }
}

/** The office's copy of one sheet in the shape of the package, to tell whether a locked sheet would change. */
function storedSheet(ctx: CoreContext, stage: string, applicantId: string, expertId: string) {
  const scores = ctx.db.prepare('SELECT item_id, percent FROM scores WHERE stage = ? AND applicant_id = ? AND expert_id = ? ORDER BY item_id').all(stage, applicantId, expertId);
  const comments = ctx.db
    .prepare('SELECT id, item_id, kind, text, citation FROM score_comments WHERE stage = ? AND applicant_id = ? AND expert_id = ? ORDER BY item_id, kind, position')
    .all(stage, applicantId, expertId);
  return JSON.stringify({ scores, comments });
}

function sheetRows(sheet: Sheet, expertId: string) {
  const scores = sheet.items
    .filter((item) => item.percent !== null)
    .map((item) => ({ item_id: item.itemId, percent: item.percent! }))
    .sort((a, b) => (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0));
  const comments = sheet.items.flatMap((item) =>
    (['strength', 'opportunity'] as const).flatMap((kind) =>
      (kind === 'strength' ? item.strengths : item.opportunities).map((comment, position) => ({
        id: officeCommentId(expertId, comment.id),
        item_id: item.itemId,
        kind,
        position,
        text: comment.text,
        citation: comment.citation ? JSON.stringify(comment.citation) : null,
      })),
    ),
  );
  comments.sort((a, b) => (a.item_id === b.item_id ? (a.kind === b.kind ? a.position - b.position : a.kind < b.kind ? -1 : 1) : a.item_id < b.item_id ? -1 : 1));
  return { scores, comments };
}

export function prepareScores(ctx: CoreContext, pkg: VerifiedPackage, context: { sha256: string; fileName: string }, call: CallContext): PreparedImport {
  const manifest = pkg.manifest as ManifestOf<'scores'>;
  const enrolment = enrolmentRow(ctx, manifest.header.enrolment.enrolmentId);
  if (!enrolment) throw new AppError('refused', 'packages.refused.enrolmentUnknown', { enrolmentId: manifest.header.enrolment.enrolmentId });
  const payload = readPayload(pkg, SCORES_PATH, scoresPayloadSchema);
  if (payload.expertId !== enrolment.expert_id || payload.cycleId !== enrolment.cycle_id || manifest.cycleId !== enrolment.cycle_id) {
    throw new AppError('refused', 'exchange.payload.headerMismatch', { path: SCORES_PATH });
  }
  for (const path of stagedFiles(pkg).keys()) if (path !== SCORES_PATH && !path.startsWith('attachments/')) throw new AppError('refused', 'exchange.payload.unlisted', { path });
  checkSheets(ctx, payload, enrolment);
  const expert = ctx.db.prepare('SELECT id, name FROM experts WHERE id = ?').get(enrolment.expert_id) as { id: string; name: string };
  const actor = `expert:${expert.id}`;

  return () => {
    const summary = audited(ctx, (log) => {
      acceptSequence(ctx, manifest.senderWorkspaceId, 'scores', manifest.sequence);
      const now = ctx.clock().toISOString();
      let scoreCount = 0;
      let commentCount = 0;
      let submitted = 0;
      const unchanged: string[] = [];
      for (const sheet of payload.sheets) {
        const key = [payload.stage, sheet.applicantId, expert.id] as const;
        const rows = sheetRows(sheet, expert.id);
        const locked = ctx.db.prepare('SELECT submitted_at FROM score_submissions WHERE stage = ? AND applicant_id = ? AND expert_id = ?').get(...key) as { submitted_at: string } | undefined;
        if (locked) {
          const incoming = JSON.stringify({ scores: rows.scores, comments: rows.comments.map(({ position: _position, ...rest }) => rest) });
          if (storedSheet(ctx, ...key) !== incoming || sheet.submittedAt === null) {
            throw new AppError('refused', 'exchange.scores.sheetLocked', { applicant: applicantName(ctx, sheet.applicantId) });
          }
          unchanged.push(sheet.applicantId);
          submitted += 1;
          continue;
        }
        ctx.db.prepare('DELETE FROM scores WHERE stage = ? AND applicant_id = ? AND expert_id = ?').run(...key);
        ctx.db.prepare('DELETE FROM score_comments WHERE stage = ? AND applicant_id = ? AND expert_id = ?').run(...key);
        const insertScore = ctx.db.prepare(`INSERT INTO scores (cycle_id, stage, applicant_id, expert_id, item_id, percent, entered_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'expert', ?)`);
        for (const score of rows.scores) insertScore.run(enrolment.cycle_id, payload.stage, sheet.applicantId, expert.id, score.item_id, score.percent, now);
        const insertComment = ctx.db.prepare(
          'INSERT INTO score_comments (id, stage, applicant_id, expert_id, item_id, kind, position, text, citation, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        for (const c of rows.comments) insertComment.run(c.id, payload.stage, sheet.applicantId, expert.id, c.item_id, c.kind, c.position, c.text, c.citation, now);
        if (sheet.submittedAt !== null) {
          ctx.db.prepare('INSERT INTO score_submissions (stage, applicant_id, expert_id, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)').run(...key, actor, sheet.submittedAt);
          submitted += 1;
        }
        scoreCount += rows.scores.length;
        commentCount += rows.comments.length;
      }

      let keyPinned = false;
      if (enrolment.pinned_key_id === null) {
        ctx.db.prepare('UPDATE exchange_enrolments SET pinned_key_id = ?, pinned_at = ? WHERE enrolment_id = ? AND pinned_key_id IS NULL').run(pkg.signer.keyId, now, enrolment.enrolment_id);
        log({ actor: call.actor, action: 'package.pinKey', entityType: 'expert', entityId: expert.id, payload: { enrolmentId: enrolment.enrolment_id, keyId: pkg.signer.keyId } });
        keyPinned = true;
      }
      const result: ImportSummary = {
        outcome: 'imported',
        kind: 'scores',
        packageId: manifest.packageId,
        cycleId: enrolment.cycle_id,
        sequence: manifest.sequence,
        senderWorkspaceId: manifest.senderWorkspaceId,
        senderFingerprint: keyFingerprint(pkg.signer.keyId),
        keyPinned,
        applicant: null,
        expert: { id: expert.id, name: expert.name },
        version: null,
        stage: payload.stage,
        final: manifest.header.final,
        counts: { applicants: payload.sheets.length, items: 0, attachments: 0, scores: scoreCount, comments: commentCount, submittedSheets: submitted },
        at: now,
      };
      logExchange(ctx, {
        direction: 'import',
        kind: 'scores',
        packageId: manifest.packageId,
        packageSha256: context.sha256,
        cycleId: enrolment.cycle_id,
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
        payload: { kind: 'scores', packageId: manifest.packageId, sha256: context.sha256, sequence: manifest.sequence, stage: payload.stage, final: manifest.header.final, unchanged, keyId: pkg.signer.keyId },
      });
      return result;
    });
    ctx.emit('data.changed', { entity: 'scores' });
    return summary;
  };
}
