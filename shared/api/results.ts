/**
 * Results, the committee's decision and documents (issue 7). Office channels: ranking with ties and
 * tiers, per-applicant detail for charts, rater severity, committee votes and decisions, final approval
 * (locks the cycle and numbers the certificates), Excel exports, batch printing as a background job,
 * and a demo workspace. Figures are exact (hundredths of a point as num/den) with display text.
 *
 * Jobs report through the `jobs.progress` event (shared/api/events.ts) and end with a download id
 * (delivered by the host like any other download) or, from the CLI, an output folder.
 */
import { z } from 'zod';
import { channel } from './define';
import { emptyInput, idSchema, isoTimestamp, languageSchema, textField, withoutControlChars } from './schemas';
import { messageSchema, stageSchema } from './panels';
import { exactPointsSchema, explanationSchema } from './scoring-sessions';
import { intakeIdSchema } from './exchange';
import { workspaceSummarySchema } from './workspaces';
import { tierNameSchema } from '../domain/cycle-settings';
import { isoDateSchema } from '../domain/eligibility';
import { INDUSTRY_SECTION_CODES } from '../domain/industries';

// --- Ranking ------------------------------------------------------------------------------------------

/** What the committee decided for one applicant: a tier id of the cycle, or not awarded. */
export const NOT_AWARDED = 'notAwarded' as const;
export const decisionOutcomeSchema = z.string().regex(/^(notAwarded|[a-z][a-zA-Z0-9-]{0,31})$/, { error: 'results.validation.outcome' });

export const votesSchema = z.object({
  for: z.number().int({ error: 'errors.field.integer' }).min(0, { error: 'errors.field.tooSmall' }).max(999, { error: 'errors.field.tooBig' }),
  against: z.number().int({ error: 'errors.field.integer' }).min(0, { error: 'errors.field.tooSmall' }).max(999, { error: 'errors.field.tooBig' }),
  abstain: z.number().int({ error: 'errors.field.integer' }).min(0, { error: 'errors.field.tooSmall' }).max(999, { error: 'errors.field.tooBig' }),
});
export type Votes = z.infer<typeof votesSchema>;

export const decisionSchema = z.object({
  applicantId: idSchema,
  votes: votesSchema,
  /** A tier id of the cycle, or 'notAwarded'. */
  outcome: decisionOutcomeSchema,
  note: z.string(),
  /** 审定会 date (ISO date): printed on the dossier; documents never use the wall clock. */
  meetingDate: z.string(),
  decidedBy: z.string(),
  decidedAt: isoTimestamp,
});
export type Decision = z.infer<typeof decisionSchema>;

/** Leave-one-expert-out: would the rank or tier move if any single expert were left out? */
export const stabilitySchema = z.object({
  rankChanges: z.boolean(),
  tierChanges: z.boolean(),
  /** Names of the experts whose absence moves the rank or tier. */
  changedBy: z.array(z.string()),
  minTotal: exactPointsSchema,
  maxTotal: exactPointsSchema,
  /** maxTotal − minTotal. */
  swing: exactPointsSchema,
});
export type Stability = z.infer<typeof stabilitySchema>;

export const rankingRowSchema = z.object({
  applicantId: idSchema,
  legalName: z.string(),
  creditCode: z.string(),
  /** GB/T 4754 section (门类) and division (大类). */
  section: z.string(),
  division: z.string(),
  region: z.string(),
  status: z.string(),
  /** One per stage in use, in stage order; null until that stage's total can be computed. */
  stageTotals: z.array(z.object({ stage: stageSchema, weightPercent: z.number().int(), total: exactPointsSchema.nullable() })),
  /** Stage-weighted total; null while a weighted stage is incomplete (then the applicant is unranked). */
  combined: exactPointsSchema.nullable(),
  /** Why the applicant is not ranked yet (panels namespace messages). */
  missing: z.array(messageSchema),
  /** Competition rank among all ranked applicants of the cycle (filters never change it); null when unranked. */
  rank: z.number().int().nullable(),
  /** How many share this rank (1 when not tied). */
  tiedWith: z.number().int(),
  /** The tier the arithmetic places the applicant in (before the committee's decision); null for none. */
  tierId: z.string().nullable(),
  /** Over every stage: items whose expert range reached the threshold, and the largest range in percent points. */
  disagreement: z.object({ flaggedItems: z.number().int(), maxSpread: z.number().int().nullable() }),
  /** null until computed (see `sensitivity` on the ranking). */
  stability: stabilitySchema.nullable(),
  decision: decisionSchema.nullable(),
  /** Assigned at approval, in rank order. */
  certificateNo: z.string().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const tierOutcomeSchema = z.object({
  tierId: z.string(),
  name: tierNameSchema,
  threshold: exactPointsSchema,
  quota: z.number().int().nullable(),
  /** Admitted by the arithmetic, best first. */
  members: z.array(idSchema),
  /** Nobody admitted: 空缺. */
  vacant: z.boolean(),
  /** Qualifying applicants the quota kept out (they moved on to lower tiers). */
  overflow: z.array(idSchema),
  /** A tie at the quota boundary: none of the tied group is admitted; the committee decides. */
  quotaTie: z.object({ rank: z.number().int(), applicantIds: z.array(idSchema), seatsLeft: z.number().int() }).nullable(),
});
export type TierOutcomeView = z.infer<typeof tierOutcomeSchema>;

export const sensitivityStateSchema = z.object({
  /** ready: every row carries stability; stale: scores changed since; running: a job is computing it. */
  state: z.enum(['ready', 'notComputed', 'stale', 'running']),
  jobId: z.string().nullable(),
  computedAt: isoTimestamp.nullable(),
});

export const rankingSchema = z.object({
  cycleId: idSchema,
  cycleName: z.string(),
  year: z.number().int(),
  status: z.enum(['open', 'approved']),
  approvedAt: isoTimestamp.nullable(),
  approvedBy: z.string().nullable(),
  method: z.enum(['consensus', 'mean', 'median', 'trimmedMean']),
  maxPoints: z.number().int(),
  stages: z.array(z.object({ stage: stageSchema, weightPercent: z.number().int() })),
  /** Applicants ranked / in the results (all of the cycle's applicants that reached document review). */
  rankedCount: z.number().int(),
  applicantCount: z.number().int(),
  /** After filters (section, region), in rank order; unranked applicants last, by name. */
  rows: z.array(rankingRowSchema),
  tiers: z.array(tierOutcomeSchema),
  /** The cycle's overall cap on winners; `totalQuotaExceeded` when the arithmetic places more. */
  totalQuota: z.number().int().nullable(),
  totalQuotaExceeded: z.boolean(),
  sensitivity: sensitivityStateSchema,
  /** Filter choices over the whole cycle: sections and regions present. */
  facets: z.object({ sections: z.array(z.string()), regions: z.array(z.string()) }),
});
export type Ranking = z.infer<typeof rankingSchema>;

// --- Applicant detail (charts) ------------------------------------------------------------------------

export const applicantDetailResultSchema = z.object({
  applicantId: idSchema,
  cycleId: idSchema,
  legalName: z.string(),
  maxPoints: z.number().int(),
  /** null until the combined total exists. */
  combined: exactPointsSchema.nullable(),
  rank: z.number().int().nullable(),
  tierId: z.string().nullable(),
  /** For a radar: per category, score and share of its points (percent, exact, with display text). */
  categories: z.array(
    z.object({
      categoryId: z.string(),
      kind: z.enum(['process', 'results']),
      points: z.number().int(),
      score: exactPointsSchema,
      percent: exactPointsSchema,
    }),
  ),
  /** For bars: per item, stage-weighted and per stage. `percent` is exact percent (num/den), text without trailing zeros. */
  items: z.array(
    z.object({
      itemId: z.string(),
      categoryId: z.string(),
      kind: z.enum(['process', 'results']),
      points: z.number().int(),
      score: exactPointsSchema,
      percent: exactPointsSchema,
      stages: z.array(z.object({ stage: stageSchema, percent: exactPointsSchema, score: exactPointsSchema, spread: z.number().int().nullable(), flagged: z.boolean() })),
    }),
  ),
  /** The engine's explanations (scoring namespace keys): total, rank, tier, sensitivity when known. */
  explanations: z.object({
    total: explanationSchema.nullable(),
    rank: explanationSchema.nullable(),
    tier: explanationSchema.nullable(),
    sensitivity: explanationSchema.nullable(),
    disagreements: z.array(z.object({ stage: stageSchema, explanation: explanationSchema })),
  }),
  missing: z.array(messageSchema),
});
export type ApplicantDetailResult = z.infer<typeof applicantDetailResultSchema>;

// --- Rater severity -------------------------------------------------------------------------------------

export const severitySchema = z.object({
  cycleId: idSchema,
  stage: stageSchema.nullable(),
  basis: z.enum(['consensus', 'mean', 'median', 'trimmedMean']),
  experts: z.array(
    z.object({
      expertId: idSchema,
      name: z.string(),
      count: z.number().int(),
      /** Mean signed deviation from the panel in percent points: > 0 lenient, < 0 severe. */
      meanDeviation: z.object({ num: z.number().int(), den: z.number().int(), text: z.string() }),
      mean: z.number(),
      standardDeviation: z.number(),
      explanation: explanationSchema,
    }),
  ),
  skipped: z.number().int(),
  panelMean: z.number(),
  panelStandardDeviation: z.number(),
});
export type SeverityView = z.infer<typeof severitySchema>;

// --- Documents and jobs ------------------------------------------------------------------------------------

export const DOCUMENT_KINDS = ['certificates', 'reports', 'feedback', 'dossiers', 'ranking', 'scoreSheets', 'publicNotice'] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);
export type PrintKind = z.infer<typeof documentKindSchema>;

export const printInputSchema = z
  .object({
    cycleId: idSchema,
    kind: documentKindSchema,
    language: languageSchema.default('zh-CN'),
    /** perApplicant: one PDF each (zipped for download); combined: one PDF. Ranking and public notice are always one. */
    mode: z.enum(['perApplicant', 'combined']).default('perApplicant'),
    /** Only these applicants (default: every applicant the kind applies to). */
    applicantIds: z.array(idSchema).max(5000).optional(),
    /** reports / scoreSheets: which stage (default: reports the last stage in use, score sheets every stage). */
    stage: stageSchema.optional(),
    /** scoreSheets: blank forms to fill by hand instead of the experts' recorded scores. */
    blank: z.boolean().default(false),
  })
  .strict();
export type PrintInput = z.output<typeof printInputSchema>;

export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export const jobSchema = z.object({
  jobId: z.string(),
  kind: z.string(),
  state: z.enum(JOB_STATES),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: isoTimestamp,
  finishedAt: isoTimestamp.nullable(),
  /** When done: the file to deliver (a PDF, or a .zip of per-applicant PDFs). */
  download: z.object({ downloadId: intakeIdSchema, fileName: z.string(), bytes: z.number().int() }).nullable(),
  /** Files written, for the record (names only). */
  files: z.array(z.string()),
  error: messageSchema.nullable(),
});
export type JobView = z.infer<typeof jobSchema>;

export const XLSX_EXPORTS = ['ranking', 'matrix', 'comments', 'publicNotice'] as const;

export const resultsChannels = {
  /**
   * Every applicant of the cycle with stage totals, combined total, rank with ties, tier (vacancies and
   * quota ties reported), disagreement summary and rank stability when computed. Filters only narrow the
   * rows; ranks are over the whole cycle. Fast: sensitivity over large cycles runs as a job.
   */
  'results.ranking': channel(
    z
      .object({
        cycleId: idSchema,
        section: z.enum(INDUSTRY_SECTION_CODES).optional(),
        region: withoutControlChars(z.string().max(100)).optional(),
      })
      .strict(),
    rankingSchema,
  ),
  /** Category and item figures for charts, with the engine's explanations. */
  'results.detail': channel(z.object({ applicantId: idSchema }).strict(), applicantDetailResultSchema),
  /** Rater severity (mean deviation from the panel) over the cycle, or one stage. */
  'results.severity': channel(z.object({ cycleId: idSchema, stage: stageSchema.optional() }).strict(), severitySchema),
  /** Starts leave-one-expert-out for the whole cycle in a background job; the ranking shows it when done. */
  'results.computeSensitivity': channel(z.object({ cycleId: idSchema }).strict(), z.object({ jobId: z.string() })),

  /** The committee's votes and decisions for the cycle, one per applicant that has one. */
  'decisions.list': channel(z.object({ cycleId: idSchema }).strict(), z.array(decisionSchema)),
  /** Records (or replaces) the votes and decision for an applicant; refused once the cycle is approved. Audited. */
  'decisions.record': channel(
    z
      .object({
        applicantId: idSchema,
        votes: votesSchema,
        outcome: decisionOutcomeSchema,
        note: withoutControlChars(z.string().trim().max(4000, { error: 'errors.field.tooLong' })).default(''),
        meetingDate: isoDateSchema,
      })
      .strict(),
    decisionSchema,
  ),
  /**
   * Final approval: every ranked applicant needs a decision. Locks scores, consensus and decisions of the
   * cycle (cycles.status = 'approved') and numbers certificates from the cycle's pattern in rank order.
   */
  'results.approve': channel(
    z.object({ cycleId: idSchema }).strict(),
    z.object({
      cycleId: idSchema,
      approvedAt: isoTimestamp,
      certificates: z.array(z.object({ applicantId: idSchema, legalName: z.string(), outcome: z.string(), certificateNo: z.string() })),
    }),
  ),
  /** Unlocks an approved cycle, with the reason (audited); certificate numbers are withdrawn until approved again. */
  'results.reopen': channel(z.object({ cycleId: idSchema, reason: textField(2000) }).strict(), z.object({ cycleId: idSchema, reopenedAt: isoTimestamp })),

  /** Excel workbooks: ranking with per-item scores; expert × item matrix per applicant; all comments; 公示名单. */
  'results.exportXlsx': channel(
    z.object({ cycleId: idSchema, kind: z.enum(XLSX_EXPORTS) }).strict(),
    z.object({ downloadId: intakeIdSchema, fileName: z.string(), bytes: z.number().int() }),
  ),

  /** Starts a background print job (worker thread); progress arrives as `jobs.progress` events. */
  'documents.print': channel(printInputSchema, z.object({ jobId: z.string(), total: z.number().int() })),
  'jobs.get': channel(z.object({ jobId: withoutControlChars(z.string().min(1).max(64)) }).strict(), jobSchema),
  'jobs.list': channel(emptyInput, z.array(jobSchema)),
  /** Stops a running job; files already written are removed. */
  'jobs.cancel': channel(z.object({ jobId: withoutControlChars(z.string().min(1).max(64)) }).strict(), z.object({ cancelled: z.boolean() })),

  /** A new office workspace holding a complete, approved demo cycle; the app switches to it. */
  'demo.create': channel(emptyInput, workspaceSummarySchema),
};
