/**
 * The award committee's deliberation (审定): votes and a decision per applicant, then final approval,
 * which locks the cycle (services refuse, and triggers in 0060-decisions stop whatever slips past)
 * and numbers the certificates from the cycle's pattern in rank order.
 */
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import { NOT_AWARDED, type Decision, type Votes } from '../../../../shared/api/results';
import { formatCertificateNumber } from '../../../../shared/domain/cycle-settings';
import { audited, type CoreContext } from '../../context';
import { applicantRow } from '../applicants';
import { getCycle } from '../cycles';
import { loadCycleData } from './cycle-data';
import { computeOutcome } from './outcome';

interface DecisionDbRow {
  applicant_id: string;
  cycle_id: string;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  outcome: string;
  note: string;
  meeting_date: string;
  decided_by: string;
  decided_at: string;
}

const toDecision = (row: DecisionDbRow): Decision => ({
  applicantId: row.applicant_id,
  votes: { for: row.votes_for, against: row.votes_against, abstain: row.votes_abstain },
  outcome: row.outcome,
  note: row.note,
  meetingDate: row.meeting_date,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
});

export interface ApprovalState {
  status: 'open' | 'approved';
  approvedAt: string | null;
  approvedBy: string | null;
}

export function approvalState(ctx: CoreContext, cycleId: string): ApprovalState {
  const status = getCycle(ctx, cycleId).status;
  if (status !== 'approved') return { status, approvedAt: null, approvedBy: null };
  const row = ctx.db.prepare(`SELECT acted_at, acted_by FROM cycle_approvals WHERE cycle_id = ? AND action = 'approve' ORDER BY seq DESC LIMIT 1`).get(cycleId) as
    | { acted_at: string; acted_by: string }
    | undefined;
  return { status, approvedAt: row?.acted_at ?? null, approvedBy: row?.acted_by ?? null };
}

/** Every service that writes results data of a cycle calls this inside its transaction. */
export function assertCycleOpen(ctx: CoreContext, cycleId: string): void {
  const cycle = getCycle(ctx, cycleId);
  if (cycle.status === 'approved') throw new AppError('refused', 'results.locked', { name: cycle.name });
}

export function listDecisions(ctx: CoreContext, cycleId: string): Decision[] {
  getCycle(ctx, cycleId);
  const rows = ctx.db
    .prepare('SELECT d.* FROM decisions d JOIN applicants a ON a.id = d.applicant_id WHERE d.cycle_id = ? ORDER BY a.legal_name, a.id')
    .all(cycleId) as DecisionDbRow[];
  return rows.map(toDecision);
}

export function decisionsByApplicant(ctx: CoreContext, cycleId: string): Map<string, Decision> {
  return new Map(listDecisions(ctx, cycleId).map((d) => [d.applicantId, d]));
}

export interface RecordDecisionInput {
  applicantId: string;
  votes: Votes;
  outcome: string;
  note: string;
  meetingDate: string;
}

export function recordDecision(ctx: CoreContext, input: RecordDecisionInput, call: CallContext): Decision {
  const applicant = applicantRow(ctx, input.applicantId);
  audited(ctx, (log) => {
    assertCycleOpen(ctx, applicant.cycle_id);
    const cycle = getCycle(ctx, applicant.cycle_id);
    if (input.outcome !== NOT_AWARDED) {
      if (!cycle.settings.tiers.some((tier) => tier.id === input.outcome)) {
        const params = { outcome: input.outcome };
        throw new AppError('validation', 'results.decision.unknownTier', params, [{ path: 'outcome', key: 'results.decision.unknownTier', params }]);
      }
      const data = loadCycleData(ctx, applicant.cycle_id, [input.applicantId]);
      if (!data.applicants[0]?.ready) throw new AppError('refused', 'results.decision.notRanked', { applicant: applicant.legal_name });
    }
    const before = ctx.db.prepare('SELECT * FROM decisions WHERE applicant_id = ?').get(input.applicantId) as DecisionDbRow | undefined;
    ctx.db
      .prepare(
        `INSERT INTO decisions (applicant_id, cycle_id, votes_for, votes_against, votes_abstain, outcome, note, meeting_date, decided_by, decided_at)
         VALUES (@applicant_id, @cycle_id, @votes_for, @votes_against, @votes_abstain, @outcome, @note, @meeting_date, @decided_by, @decided_at)
         ON CONFLICT (applicant_id) DO UPDATE SET votes_for = excluded.votes_for, votes_against = excluded.votes_against, votes_abstain = excluded.votes_abstain,
           outcome = excluded.outcome, note = excluded.note, meeting_date = excluded.meeting_date, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      )
      .run({
        applicant_id: input.applicantId,
        cycle_id: applicant.cycle_id,
        votes_for: input.votes.for,
        votes_against: input.votes.against,
        votes_abstain: input.votes.abstain,
        outcome: input.outcome,
        note: input.note,
        meeting_date: input.meetingDate,
        decided_by: call.actor,
        decided_at: ctx.clock().toISOString(),
      });
    log({
      actor: call.actor,
      action: 'decision.record',
      entityType: 'applicant',
      entityId: input.applicantId,
      payload: { before: before ? toDecision(before) : null, after: { votes: input.votes, outcome: input.outcome, note: input.note, meetingDate: input.meetingDate } },
    });
  });
  ctx.emit('data.changed', { entity: 'decisions' });
  return toDecision(ctx.db.prepare('SELECT * FROM decisions WHERE applicant_id = ?').get(input.applicantId) as DecisionDbRow);
}

export interface CertificateRow {
  applicantId: string;
  seq: number;
  certificateNo: string;
  outcome: string;
  issuedAt: string;
}

export function certificatesOf(ctx: CoreContext, cycleId: string): Map<string, CertificateRow> {
  const rows = ctx.db.prepare('SELECT applicant_id, seq, certificate_no, outcome, issued_at FROM certificates WHERE cycle_id = ? ORDER BY seq').all(cycleId) as {
    applicant_id: string;
    seq: number;
    certificate_no: string;
    outcome: string;
    issued_at: string;
  }[];
  return new Map(rows.map((r) => [r.applicant_id, { applicantId: r.applicant_id, seq: r.seq, certificateNo: r.certificate_no, outcome: r.outcome, issuedAt: r.issued_at }]));
}

/**
 * Every ranked applicant needs a decision; awarded applicants are numbered 1, 2, 3 … in rank order
 * (tied ranks in the ranking's stable order: legal name, then id), so the same results always give
 * the same numbers.
 */
export function approveCycle(ctx: CoreContext, cycleId: string, call: CallContext) {
  const result = audited(ctx, (log) => {
    const cycle = getCycle(ctx, cycleId);
    if (cycle.status === 'approved') throw new AppError('refused', 'results.alreadyApproved', { name: cycle.name });
    const outcome = computeOutcome(loadCycleData(ctx, cycleId));
    const decisions = decisionsByApplicant(ctx, cycleId);
    const undecided = outcome.ranking.filter((r) => !decisions.has(r.applicantId));
    if (outcome.ranking.length === 0) throw new AppError('refused', 'results.approve.nothingRanked', { name: cycle.name });
    if (undecided.length > 0) {
      const names = undecided.map((r) => outcome.data.applicants.find((a) => a.applicant.id === r.applicantId)!.applicant.legalName);
      throw new AppError('refused', 'results.approve.undecided', { count: undecided.length, applicants: names.slice(0, 5).join('、') });
    }
    const now = ctx.clock().toISOString();
    const nameOf = new Map(outcome.data.applicants.map((a) => [a.applicant.id, a.applicant.legalName]));
    const awarded = outcome.ranking.filter((r) => decisions.get(r.applicantId)!.outcome !== NOT_AWARDED);
    const insert = ctx.db.prepare('INSERT INTO certificates (applicant_id, cycle_id, seq, certificate_no, outcome, issued_at) VALUES (?, ?, ?, ?, ?, ?)');
    const certificates = awarded.map((r, index) => {
      const certificateNo = formatCertificateNumber(cycle.settings.certificate.numberPattern, { year: cycle.year, seq: index + 1 });
      const decided = decisions.get(r.applicantId)!.outcome;
      insert.run(r.applicantId, cycleId, index + 1, certificateNo, decided, now);
      return { applicantId: r.applicantId, legalName: nameOf.get(r.applicantId) ?? '', outcome: decided, certificateNo };
    });
    ctx.db.prepare(`INSERT INTO cycle_approvals (cycle_id, action, reason, acted_by, acted_at) VALUES (?, 'approve', '', ?, ?)`).run(cycleId, call.actor, now);
    ctx.db.prepare(`UPDATE cycles SET status = 'approved', updated_at = ? WHERE id = ?`).run(now, cycleId);
    log({ actor: call.actor, action: 'results.approve', entityType: 'cycle', entityId: cycleId, payload: { certificates } });
    return { cycleId, approvedAt: now, certificates };
  });
  ctx.emit('data.changed', { entity: 'cycles' });
  return result;
}

export function reopenCycle(ctx: CoreContext, cycleId: string, reason: string, call: CallContext) {
  const result = audited(ctx, (log) => {
    const cycle = getCycle(ctx, cycleId);
    if (cycle.status !== 'approved') throw new AppError('refused', 'results.notApproved', { name: cycle.name });
    const now = ctx.clock().toISOString();
    const withdrawn = [...certificatesOf(ctx, cycleId).values()].map((c) => ({ applicantId: c.applicantId, certificateNo: c.certificateNo }));
    ctx.db.prepare(`UPDATE cycles SET status = 'open', updated_at = ? WHERE id = ?`).run(now, cycleId);
    ctx.db.prepare('DELETE FROM certificates WHERE cycle_id = ?').run(cycleId);
    ctx.db.prepare(`INSERT INTO cycle_approvals (cycle_id, action, reason, acted_by, acted_at) VALUES (?, 'reopen', ?, ?, ?)`).run(cycleId, reason, call.actor, now);
    log({ actor: call.actor, action: 'results.reopen', entityType: 'cycle', entityId: cycleId, payload: { reason, withdrawn } });
    return { cycleId, reopenedAt: now };
  });
  ctx.emit('data.changed', { entity: 'cycles' });
  return result;
}
