/**
 * Scoring in the office workspace (issue 5): an expert signs in with the PIN the office set and gets a
 * session token; every expert-side channel takes that token and the core derives the expert from it
 * (an expert id sent by the renderer is never trusted). Office staff act as `{ kind: 'office' }`:
 * they see everything, and can enter a paper score sheet on an expert's behalf.
 */
import { z } from 'zod';
import { channel } from './define';
import { idSchema, isoTimestamp, textField, withoutControlChars } from './schemas';
import { messageSchema, pinSchema, stageSchema } from './panels';

/** 32 random bytes, base64url: returned by sessions.signIn, held only in the core's memory. */
export const sessionTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'panels.session.invalidToken' });

/** Who writes a score sheet: the signed-in expert, or the office entering a paper sheet for an expert. */
export const scorerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionToken: sessionTokenSchema }).strict(),
  z.object({ kind: z.literal('office'), onBehalfOf: idSchema }).strict(),
]);
export type Scorer = z.infer<typeof scorerSchema>;

/** Who reads: a signed-in expert (what they may see is decided by the core), or the office (everything). */
export const viewerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionToken: sessionTokenSchema }).strict(),
  z.object({ kind: z.literal('office') }).strict(),
]);
export type Viewer = z.infer<typeof viewerSchema>;

/** Where a comment points in the application: a page, a figure or table label, an attachment. */
export const citationSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).nullable().default(null),
    figure: withoutControlChars(z.string().trim().max(100)).nullable().default(null),
    attachmentId: idSchema.nullable().default(null),
  })
  .strict();
export type Citation = z.output<typeof citationSchema>;

/** One strength (优势) or opportunity for improvement (改进机会); `id` keeps an entry's identity across autosaves. */
export const commentInputSchema = z
  .object({ id: idSchema.optional(), text: textField(4000), citation: citationSchema.nullable().default(null) })
  .strict();
export type CommentInput = z.output<typeof commentInputSchema>;

export const commentSchema = z.object({ id: idSchema, text: z.string(), citation: citationSchema.nullable() });
export type Comment = z.infer<typeof commentSchema>;

const commentList = z.array(commentInputSchema).max(50, { error: 'errors.field.tooBig' }).default([]);

/** A consensus comment: picked from an expert's entry (sourceCommentId) and possibly edited, or written afresh. */
export const finalCommentInputSchema = z
  .object({
    /** Keeps the entry's identity (site-visit issues point at it). */
    id: idSchema.optional(),
    text: textField(4000),
    citation: citationSchema.nullable().default(null),
    sourceCommentId: idSchema.nullable().default(null),
  })
  .strict();
export const finalCommentSchema = commentSchema.extend({ sourceCommentId: idSchema.nullable(), sourceExpertId: idSchema.nullable() });
export type FinalComment = z.infer<typeof finalCommentSchema>;

const progressSchema = z.object({ scored: z.number().int(), total: z.number().int() });

/** Exact value in hundredths of a point (num/den, reduced), plus display text rounded to 2 decimals. */
export const exactPointsSchema = z.object({ num: z.number().int(), den: z.number().int(), text: z.string() });

export interface ExplanationData {
  key: string;
  params: Record<string, string | number>;
  value?: { num: number; den: number } | undefined;
  inputs: readonly { key: string; params?: Record<string, string | number> | undefined }[];
  parts: readonly ExplanationData[];
}
/** The engine's Explanation (shared/domain/scoring/explain.ts) as plain data: keys in the scoring namespace. */
export const explanationSchema: z.ZodType<ExplanationData> = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    value: z.object({ num: z.number().int(), den: z.number().int() }).optional(),
    inputs: z.array(messageSchema),
    parts: z.array(explanationSchema),
  }),
);

// --- Sessions -------------------------------------------------------------------------------------------

export const sessionSchema = z.object({
  sessionToken: sessionTokenSchema,
  expertId: idSchema,
  expertName: z.string(),
  /** Sliding: every call with the token extends it. */
  expiresAt: isoTimestamp,
});

const tokenInput = z.object({ sessionToken: sessionTokenSchema }).strict();

// --- Score sheets ---------------------------------------------------------------------------------------

export const sheetItemSchema = z.object({
  itemId: z.string(),
  categoryId: z.string(),
  kind: z.enum(['process', 'results']),
  points: z.number().int(),
  percent: z.number().int().nullable(),
  strengths: z.array(commentSchema),
  opportunities: z.array(commentSchema),
  /** 'office' when the office typed it from a paper sheet. */
  enteredBy: z.enum(['expert', 'office']).nullable(),
  updatedAt: isoTimestamp.nullable(),
});

export const scoreSheetSchema = z.object({
  stage: stageSchema,
  applicantId: idSchema,
  applicantName: z.string(),
  expertId: idSchema,
  expertName: z.string(),
  panelId: idSchema,
  submittedAt: isoTimestamp.nullable(),
  /** Percents the framework allows (0, 5, … 100). */
  percentChoices: z.array(z.number().int()),
  items: z.array(sheetItemSchema),
  progress: progressSchema,
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

const sheetRef = { stage: stageSchema, applicantId: idSchema };

export const myAssignmentSchema = z.object({
  cycleId: idSchema,
  stage: stageSchema,
  panelId: idSchema,
  panelName: z.string(),
  applicantId: idSchema,
  applicantName: z.string(),
  isLeader: z.boolean(),
  progress: progressSchema,
  submittedAt: isoTimestamp.nullable(),
});

export const panelScoresSchema = z.object({
  stage: stageSchema,
  applicantId: idSchema,
  experts: z.array(
    z.object({
      expertId: idSchema,
      name: z.string(),
      submittedAt: isoTimestamp.nullable(),
      /** Empty for an expert who has not submitted, unless the viewer is the office. */
      items: z.array(sheetItemSchema),
    }),
  ),
});

// --- Consensus --------------------------------------------------------------------------------------------

export const consensusItemSchema = z.object({
  itemId: z.string(),
  categoryId: z.string(),
  kind: z.enum(['process', 'results']),
  points: z.number().int(),
  /** One entry per panel expert, in the panel's expert order; null where the expert left it unscored. */
  percents: z.array(z.object({ expertId: idSchema, percent: z.number().int().nullable() })),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  /** max − min in percent points (the disagreement). */
  range: z.number().int().nullable(),
  standardDeviation: z.number().nullable(),
  /** range ≥ the cycle's disagreement threshold. */
  flagged: z.boolean(),
  /** range × points: the engine's agenda priority. */
  priority: z.number().int(),
  expertComments: z.array(z.object({ expertId: idSchema, strengths: z.array(commentSchema), opportunities: z.array(commentSchema) })),
  consensus: z
    .object({
      percent: z.number().int(),
      rationale: z.string(),
      strengths: z.array(finalCommentSchema),
      opportunities: z.array(finalCommentSchema),
      decidedBy: z.string(),
      decidedAt: isoTimestamp,
    })
    .nullable(),
});

export const consensusTotalSchema = z.object({
  agreedItems: z.number().int(),
  totalItems: z.number().int(),
  /** Σ points × agreed percent over the items agreed so far (hundredths of a point). */
  runningTotal: exactPointsSchema,
  /** The engine's stage total once every item is agreed; null before. */
  total: exactPointsSchema.nullable(),
  explanation: explanationSchema.nullable(),
});

export const consensusViewSchema = z.object({
  stage: stageSchema,
  applicantId: idSchema,
  applicantName: z.string(),
  panelId: idSchema,
  leaderExpertId: idSchema.nullable(),
  /** The viewer may record consensus (panel leader or office, once every member has submitted). */
  canEdit: z.boolean(),
  allSubmitted: z.boolean(),
  threshold: z.number().int(),
  experts: z.array(z.object({ expertId: idSchema, name: z.string(), submittedAt: isoTimestamp.nullable() })),
  /** Discussion order: flagged items in the engine's agenda order, then the rest in framework order. */
  items: z.array(consensusItemSchema),
  /** Flagged item ids, agenda order. */
  agenda: z.array(z.string()),
  themes: z.object({ themes: z.array(z.string()), decidedBy: z.string(), decidedAt: isoTimestamp }).nullable(),
  total: consensusTotalSchema,
});
export type ConsensusView = z.infer<typeof consensusViewSchema>;

// --- Site visit issues ------------------------------------------------------------------------------------

export const siteVisitIssueKindSchema = z.enum(['verify', 'clarify']);
export const siteVisitIssueSchema = z.object({
  id: idSchema,
  applicantId: idSchema,
  itemId: z.string(),
  kind: siteVisitIssueKindSchema,
  text: z.string(),
  note: z.string(),
  /** The document-review consensus comment it came from; null when written by hand. */
  sourceCommentId: idSchema.nullable(),
  updatedBy: z.string(),
  updatedAt: isoTimestamp,
});
export type SiteVisitIssue = z.infer<typeof siteVisitIssueSchema>;

// --- Results ---------------------------------------------------------------------------------------------

export const applicantResultSchema = z.object({
  applicantId: idSchema,
  cycleId: idSchema,
  method: z.enum(['consensus', 'mean', 'median', 'trimmedMean']),
  stages: z.array(
    z.object({
      stage: stageSchema,
      weightPercent: z.number().int(),
      complete: z.boolean(),
      /** Why the stage cannot be totalled yet (missing consensus, unsubmitted experts…). */
      missing: z.array(messageSchema),
      total: exactPointsSchema.nullable(),
      explanation: explanationSchema.nullable(),
    }),
  ),
  /** Σ weight × stage total / 100, from the engine; null until every weighted stage is complete. */
  combined: z.object({ total: exactPointsSchema, explanation: explanationSchema }).nullable(),
});
export type ApplicantResultView = z.infer<typeof applicantResultSchema>;

export const scoringSessionChannels = {
  /** The sign-in picker: panels of the stage with their members (names only). */
  'sessions.roster': channel(
    z.object({ cycleId: idSchema, stage: stageSchema }).strict(),
    z.array(
      z.object({
        panelId: idSchema,
        panelName: z.string(),
        members: z.array(z.object({ expertId: idSchema, name: z.string(), isLeader: z.boolean(), hasPin: z.boolean() })),
      }),
    ),
  ),
  /** Wrong PIN: code 'unauthorized' (panels.session.wrongPin, with attempts left); after 5 wrong PINs, 'refused' for 60 s. */
  'sessions.signIn': channel(z.object({ expertId: idSchema, pin: pinSchema }).strict(), sessionSchema),
  /**
   * An examiner's own workspace (made from a review package) belongs to one expert: the review room opens
   * for that expert without a PIN, as the machine's login already guards it. Refused in other workspaces.
   */
  'sessions.openOwn': channel(z.object({}).strict(), sessionSchema),
  'sessions.current': channel(tokenInput, sessionSchema),
  'sessions.signOut': channel(tokenInput, z.object({ signedOut: z.boolean() })),

  /** The signed-in expert's applicants, with progress (items scored / total). */
  'scores.myAssignments': channel(tokenInput, z.array(myAssignmentSchema)),
  /** One expert's own sheet for one applicant (the office may open any member's sheet). */
  'scores.sheet': channel(z.object({ as: scorerSchema, ...sheetRef }).strict(), scoreSheetSchema),
  /** Autosave target: one item, one small transaction. Percent must be on the framework's step. Refused once submitted. */
  'scores.saveItem': channel(
    z
      .object({
        as: scorerSchema,
        ...sheetRef,
        itemId: withoutControlChars(z.string().min(1).max(40)),
        percent: z.number().int().min(0).max(100).nullable(),
        strengths: commentList,
        opportunities: commentList,
      })
      .strict(),
    z.object({ savedAt: isoTimestamp, progress: progressSchema, strengths: z.array(commentSchema), opportunities: z.array(commentSchema) }),
  ),
  /** Locks the expert's scores for this stage and applicant; every item must have a percent. */
  'scores.submit': channel(z.object({ as: scorerSchema, ...sheetRef }).strict(), z.object({ submittedAt: isoTimestamp })),
  /** Office only: reopens a submitted sheet, with the reason (audited). */
  'scores.unlock': channel(
    z.object({ ...sheetRef, expertId: idSchema, reason: textField(2000) }).strict(),
    z.object({ unlockedAt: isoTimestamp }),
  ),
  /** Every panel expert's scores and comments. An expert sees them only after submitting their own for the applicant. */
  'scores.panel': channel(z.object({ viewer: viewerSchema, ...sheetRef }).strict(), panelScoresSchema),
  /** Office overview: per panel applicant, each member's progress and submission. */
  'scores.progress': channel(
    z.object({ cycleId: idSchema, stage: stageSchema }).strict(),
    z.array(
      z.object({
        panelId: idSchema,
        panelName: z.string(),
        applicantId: idSchema,
        applicantName: z.string(),
        experts: z.array(z.object({ expertId: idSchema, name: z.string(), progress: progressSchema, submittedAt: isoTimestamp.nullable() })),
      }),
    ),
  ),

  /** The consensus matrix for the panel leader or the office (members who have submitted may read it). */
  'consensus.get': channel(z.object({ viewer: viewerSchema, ...sheetRef }).strict(), consensusViewSchema),
  /** Panel leader or office, after every member submitted: the agreed percent, rationale and final comments. */
  'consensus.saveItem': channel(
    z
      .object({
        viewer: viewerSchema,
        ...sheetRef,
        itemId: withoutControlChars(z.string().min(1).max(40)),
        percent: z.number().int().min(0).max(100),
        rationale: withoutControlChars(z.string().trim().max(4000)).default(''),
        strengths: z.array(finalCommentInputSchema).max(50).default([]),
        opportunities: z.array(finalCommentInputSchema).max(50).default([]),
      })
      .strict(),
    consensusViewSchema,
  ),
  /** Key themes (关键主题) for the applicant, in order. */
  'consensus.saveThemes': channel(
    z.object({ viewer: viewerSchema, ...sheetRef, themes: z.array(textField(1000)).max(20) }).strict(),
    consensusViewSchema,
  ),

  /** From the document-review consensus: strengths become issues to verify, OFIs issues to clarify (adds only what is new). */
  'siteVisit.generateIssues': channel(z.object({ viewer: viewerSchema, applicantId: idSchema }).strict(), z.array(siteVisitIssueSchema)),
  'siteVisit.issues': channel(z.object({ viewer: viewerSchema, applicantId: idSchema }).strict(), z.array(siteVisitIssueSchema)),
  /** Replaces one item's issues (entries with an id are kept and edited). */
  'siteVisit.saveIssues': channel(
    z
      .object({
        viewer: viewerSchema,
        applicantId: idSchema,
        itemId: withoutControlChars(z.string().min(1).max(40)),
        issues: z
          .array(z.object({ id: idSchema.optional(), kind: siteVisitIssueKindSchema, text: textField(4000), note: withoutControlChars(z.string().trim().max(4000)).default('') }).strict())
          .max(100),
      })
      .strict(),
    z.array(siteVisitIssueSchema),
  ),

  /** Stage totals and the stage-weighted combined total, with the engine's explanations. */
  'results.applicant': channel(z.object({ applicantId: idSchema }).strict(), applicantResultSchema),
};
