import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { ApplicantDetail, ApplicantRow } from '../../../shared/api/applicants';
import type { CallContext } from '../../../shared/api/contract';
import { applicantSchema, canTransition, eligibilityFacts, nextStatuses, transitionRefusal, type Applicant, type ApplicantStatus } from '../../../shared/domain/applicant';
import { checkEligibility, isEligible } from '../../../shared/domain/eligibility';
import { audited, type AuditRecorder, type CoreContext } from '../context';
import { cycleContext } from './cycles';

interface ApplicantDbRow {
  id: string;
  cycle_id: string;
  legal_name: string;
  credit_code: string;
  section: string;
  division: string;
  region: string;
  employees: number;
  status: ApplicantStatus;
  record: string;
  created_at: string;
  updated_at: string;
}

const toRow = (row: ApplicantDbRow): ApplicantRow => ({
  id: row.id,
  cycleId: row.cycle_id,
  legalName: row.legal_name,
  creditCode: row.credit_code,
  section: row.section,
  division: row.division,
  region: row.region,
  status: row.status,
  employees: row.employees,
  updatedAt: row.updated_at,
});

export function applicantRow(ctx: CoreContext, applicantId: string): ApplicantDbRow {
  const row = ctx.db.prepare('SELECT * FROM applicants WHERE id = ?').get(applicantId) as ApplicantDbRow | undefined;
  if (!row) throw new AppError('notFound', 'applicants.error.notFound', { id: applicantId });
  return row;
}

export function listApplicants(ctx: CoreContext, filter: { cycleId: string; search?: string | undefined; status?: ApplicantStatus | undefined; section?: string | undefined; region?: string | undefined }): ApplicantRow[] {
  const where = ['cycle_id = @cycleId'];
  if (filter.search) where.push(`(legal_name LIKE @search ESCAPE '\\' OR credit_code LIKE @search ESCAPE '\\')`);
  if (filter.status) where.push('status = @status');
  if (filter.section) where.push('section = @section');
  if (filter.region) where.push('region = @region');
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = ctx.db
    .prepare(`SELECT * FROM applicants WHERE ${where.join(' AND ')} ORDER BY legal_name`)
    .all({ cycleId: filter.cycleId, search, status: filter.status, section: filter.section, region: filter.region }) as ApplicantDbRow[];
  return rows.map(toRow);
}

export function getApplicant(ctx: CoreContext, applicantId: string): ApplicantDetail {
  const row = applicantRow(ctx, applicantId);
  const decision = ctx.db.prepare('SELECT * FROM eligibility_decisions WHERE applicant_id = ?').get(applicantId) as
    | { decision: 'eligible' | 'ineligible'; note: string; decided_by: string; decided_at: string }
    | undefined;
  return {
    ...toRow(row),
    record: row.record === 'null' ? null : applicantSchema.parse(JSON.parse(row.record)),
    eligibility: decision ? { decision: decision.decision, note: decision.note, decidedBy: decision.decided_by, decidedAt: decision.decided_at } : null,
    nextStatuses: [...nextStatuses(row.status)],
  };
}

function duplicateCode(creditCode: string): AppError {
  return new AppError('conflict', 'applicants.error.duplicateCreditCode', { creditCode }, [
    { path: 'record.creditCode', key: 'applicants.error.duplicateCreditCode', params: { creditCode } },
  ]);
}

function columns(record: Applicant) {
  return {
    legal_name: record.legalName,
    credit_code: record.creditCode,
    section: record.industry.section,
    division: record.industry.division,
    region: record.region,
    employees: record.employees,
    record: JSON.stringify(record),
  };
}

/**
 * Once a cycle's results are approved, its applicants are part of the award record: nothing about
 * them may change until the approval is withdrawn (the same lock cycle settings and scores obey).
 */
export function assertCycleOpen(ctx: CoreContext, cycleId: string): void {
  const cycle = ctx.db.prepare('SELECT name, status FROM cycles WHERE id = ?').get(cycleId) as { name: string; status: string } | undefined;
  if (!cycle) throw new AppError('notFound', 'errors.cycles.notFound', { id: cycleId });
  if (cycle.status === 'approved') throw new AppError('refused', 'errors.cycles.locked', { name: cycle.name });
}

/** Eligibility is decided while the application is submitted; afterwards only the note may be amended. */
const DECIDABLE: readonly ApplicantStatus[] = ['submitted', 'eligible', 'ineligible'];

/** Inside an open transaction: used by create and by the all-or-nothing Excel import. */
export function insertApplicant(ctx: CoreContext, cycleId: string, record: Applicant, call: CallContext, log: AuditRecorder): string {
  assertCycleOpen(ctx, cycleId);
  if (ctx.db.prepare('SELECT 1 FROM applicants WHERE cycle_id = ? AND credit_code = ?').get(cycleId, record.creditCode)) throw duplicateCode(record.creditCode);
  const now = ctx.clock().toISOString();
  const id = randomUUID();
  ctx.db
    .prepare(
      `INSERT INTO applicants (id, cycle_id, legal_name, credit_code, section, division, region, employees, status, record, created_at, updated_at)
       VALUES (@id, @cycle_id, @legal_name, @credit_code, @section, @division, @region, @employees, 'draft', @record, @now, @now)`,
    )
    .run({ id, cycle_id: cycleId, ...columns(record), now });
  ctx.db.prepare(`INSERT INTO applications (applicant_id, profile, updated_at) VALUES (?, '', ?)`).run(id, now);
  log({ actor: call.actor, action: 'applicant.create', entityType: 'applicant', entityId: id, payload: { cycleId, record } });
  return id;
}

export function createApplicant(ctx: CoreContext, cycleId: string, record: Applicant, call: CallContext): ApplicantDetail {
  const id = audited(ctx, (log) => insertApplicant(ctx, cycleId, record, call, log));
  ctx.emit('data.changed', { entity: 'applicants' });
  return getApplicant(ctx, id);
}

export function updateApplicant(ctx: CoreContext, applicantId: string, record: Applicant, call: CallContext): ApplicantDetail {
  audited(ctx, (log) => {
    const before = applicantRow(ctx, applicantId);
    assertCycleOpen(ctx, before.cycle_id);
    const clash = ctx.db.prepare('SELECT 1 FROM applicants WHERE cycle_id = ? AND credit_code = ? AND id <> ?').get(before.cycle_id, record.creditCode, applicantId);
    if (clash) throw duplicateCode(record.creditCode);
    const beforeRecord: unknown = JSON.parse(before.record);
    ctx.db
      .prepare(
        `UPDATE applicants SET legal_name = @legal_name, credit_code = @credit_code, section = @section, division = @division,
         region = @region, employees = @employees, record = @record, updated_at = @now WHERE id = @id`,
      )
      .run({ id: applicantId, ...columns(record), now: ctx.clock().toISOString() });
    log({ actor: call.actor, action: 'applicant.update', entityType: 'applicant', entityId: applicantId, payload: { before: beforeRecord, after: record } });
  });
  ctx.emit('data.changed', { entity: 'applicants' });
  return getApplicant(ctx, applicantId);
}

/** Judged as of the application deadline when the cycle has one, otherwise today. */
export function runEligibility(ctx: CoreContext, applicantId: string) {
  const row = applicantRow(ctx, applicantId);
  const { cycle } = cycleContext(ctx, row.cycle_id);
  const asOf = cycle.settings.deadlines.applicationCloses ?? ctx.clock().toISOString().slice(0, 10);
  if (row.record === 'null') throw new AppError('refused', 'applicants.error.recordMissing', { name: row.legal_name });
  const results = checkEligibility(eligibilityFacts(applicantSchema.parse(JSON.parse(row.record))), cycle.settings.eligibility, asOf);
  return {
    asOf,
    eligible: isEligible(results),
    results: results.map((result) => ({ rule: result.rule, passed: result.passed, reason: result.reason })),
  };
}

export function transitionApplicant(ctx: CoreContext, applicantId: string, to: ApplicantStatus, call: CallContext): ApplicantDetail {
  audited(ctx, (log) => moveStatus(ctx, applicantId, to, call, log));
  ctx.emit('data.changed', { entity: 'applicants' });
  return getApplicant(ctx, applicantId);
}

function moveStatus(ctx: CoreContext, applicantId: string, to: ApplicantStatus, call: CallContext, log: AuditRecorder): void {
  const row = applicantRow(ctx, applicantId);
  assertCycleOpen(ctx, row.cycle_id);
  if (row.status === to) return;
  if (!canTransition(row.status, to)) {
    const refusal = transitionRefusal(row.status, to);
    throw new AppError('refused', refusal.key, refusal.params);
  }
  ctx.db.prepare('UPDATE applicants SET status = ?, updated_at = ? WHERE id = ?').run(to, ctx.clock().toISOString(), applicantId);
  log({ actor: call.actor, action: 'applicant.transition', entityType: 'applicant', entityId: applicantId, payload: { from: row.status, to } });
}

/** The office's decision is recorded with its note, and moves a submitted applicant to the matching status. */
export function decideEligibility(ctx: CoreContext, applicantId: string, decision: 'eligible' | 'ineligible', note: string, call: CallContext): ApplicantDetail {
  audited(ctx, (log) => {
    const row = applicantRow(ctx, applicantId);
    assertCycleOpen(ctx, row.cycle_id);
    // A decision that disagreed with the status would leave two answers on record.
    const settled = row.status === 'eligible' || row.status === 'ineligible';
    if (!DECIDABLE.includes(row.status) || (settled && decision !== row.status)) {
      throw new AppError('refused', 'applicants.error.eligibilityClosed', { name: row.legal_name, status: row.status });
    }
    const now = ctx.clock().toISOString();
    ctx.db
      .prepare(
        `INSERT INTO eligibility_decisions (applicant_id, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(applicant_id) DO UPDATE SET decision = excluded.decision, note = excluded.note, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
      )
      .run(applicantId, decision, note, call.actor, now);
    log({ actor: call.actor, action: 'applicant.decideEligibility', entityType: 'applicant', entityId: applicantId, payload: { decision, note } });
    if (canTransition(row.status, decision)) moveStatus(ctx, applicantId, decision, call, log);
  });
  ctx.emit('data.changed', { entity: 'applicants' });
  return getApplicant(ctx, applicantId);
}

/** An enterprise workspace starts with its own organisation as the one applicant, facts still to fill in. */
export function insertOwnApplicant(ctx: CoreContext, cycleId: string, organisationName: string, call: CallContext, log: AuditRecorder): string {
  const now = ctx.clock().toISOString();
  const id = randomUUID();
  ctx.db
    .prepare(
      `INSERT INTO applicants (id, cycle_id, legal_name, credit_code, section, division, region, employees, status, record, created_at, updated_at)
       VALUES (?, ?, ?, '', '', '', '', 0, 'draft', 'null', ?, ?)`,
    )
    .run(id, cycleId, organisationName, now, now);
  ctx.db.prepare(`INSERT INTO applications (applicant_id, profile, updated_at) VALUES (?, '', ?)`).run(id, now);
  log({ actor: call.actor, action: 'applicant.create', entityType: 'applicant', entityId: id, payload: { cycleId, organisationName } });
  return id;
}
