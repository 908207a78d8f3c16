/**
 * Expert registry, conflicts of interest and panels (issue 5). Office channels: the host's actor is the
 * office; experts never call these (they reach the core through scoring sessions, scoring-sessions.ts).
 */
import { z } from 'zod';
import { channel } from './define';
import { emptyInput, idSchema, isoTimestamp, textField, withoutControlChars } from './schemas';
import { uploadedFileSchema } from './frameworks';
import { importErrorSchema } from './applicants';
import { STAGE_IDS } from '../domain/cycle-settings';
import { creditCodeSchema } from '../domain/credit-code';
import { INDUSTRY_SECTION_CODES } from '../domain/industries';
import { isoDateSchema } from '../domain/eligibility';

export const messageSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export type MessageData = z.infer<typeof messageSchema>;

export const stageSchema = z.enum(STAGE_IDS);

const optionalText = (max: number) =>
  withoutControlChars(z.string().trim().max(max, { error: 'errors.field.tooLong' })).default('');

const yearSchema = z.number().int({ error: 'errors.field.integer' }).min(1900, { error: 'errors.field.tooSmall' }).max(2200, { error: 'errors.field.tooBig' });

// --- Experts ------------------------------------------------------------------------------------------

export const formerEmployerSchema = z
  .object({
    name: textField(200),
    fromYear: yearSchema.nullable().default(null),
    toYear: yearSchema.nullable().default(null),
  })
  .strict()
  .refine((e) => e.fromYear === null || e.toYear === null || e.fromYear <= e.toYear, { error: 'panels.validation.yearsOrder', path: ['toYear'] });

export const availabilitySchema = z
  .object({ documentReview: z.boolean(), presentation: z.boolean(), siteVisit: z.boolean() })
  .strict();

/** What the office records about an examiner (评审专家). */
export const expertRecordSchema = z
  .object({
    name: textField(50),
    organisation: textField(200),
    /** The organisation's unified social credit code, when known: conflicts are matched on it too. */
    organisationCreditCode: creditCodeSchema.nullable().default(null),
    /** 职称, e.g. 高级工程师. */
    title: optionalText(100),
    /** 评审员资格证书编号. */
    qualificationNumber: optionalText(50),
    /** GB/T 4754 sections (门类) the expert knows; matched against applicants' sections. */
    specialties: z
      .array(z.enum(INDUSTRY_SECTION_CODES, { error: 'panels.validation.section' }))
      .max(20, { error: 'errors.field.tooBig' })
      .default([])
      .refine((list) => new Set(list).size === list.length, { error: 'panels.validation.duplicateSpecialty' }),
    contact: z.object({ phone: optionalText(40), email: optionalText(254) }).strict().default({ phone: '', email: '' }),
    availability: availabilitySchema.default({ documentReview: true, presentation: true, siteVisit: true }),
    formerEmployers: z.array(formerEmployerSchema).max(20, { error: 'errors.field.tooBig' }).default([]),
    /** 所属集团: an applicant whose name contains it is suggested as a conflict. */
    groupName: optionalText(200),
  })
  .strict();
export type ExpertRecord = z.output<typeof expertRecordSchema>;
export type ExpertRecordInput = z.input<typeof expertRecordSchema>;

export const expertRowSchema = z.object({
  id: idSchema,
  name: z.string(),
  organisation: z.string(),
  title: z.string(),
  specialties: z.array(z.string()),
  availability: availabilitySchema,
  groupName: z.string(),
  /** A PIN is needed before the expert can sign in to score. */
  hasPin: z.boolean(),
  updatedAt: isoTimestamp,
});
export type ExpertRow = z.infer<typeof expertRowSchema>;

export const expertDetailSchema = expertRowSchema.extend({ record: expertRecordSchema, createdAt: isoTimestamp });
export type ExpertDetail = z.infer<typeof expertDetailSchema>;

const expertRef = z.object({ expertId: idSchema }).strict();

/** 4 to 12 digits; only a scrypt hash is stored. */
export const pinSchema = z.string().regex(/^\d{4,12}$/, { error: 'panels.validation.pin' });

// --- Conflicts of interest ------------------------------------------------------------------------------

export const CONFLICT_KINDS = ['employment', 'consultingOrTraining', 'shareholding', 'closeRelative', 'competitor', 'other'] as const;
export const conflictKindSchema = z.enum(CONFLICT_KINDS);
export type ConflictKind = z.infer<typeof conflictKindSchema>;

/** Why a conflict was suggested automatically. */
export const CONFLICT_RULES = ['sameOrganisation', 'sameCreditCode', 'formerEmployer', 'sameGroup'] as const;
export const conflictRuleSchema = z.enum(CONFLICT_RULES);
export type ConflictRule = z.infer<typeof conflictRuleSchema>;

export const conflictStatusSchema = z.enum(['suggested', 'confirmed', 'dismissed']);
export type ConflictStatus = z.infer<typeof conflictStatusSchema>;

export const conflictSchema = z.object({
  id: idSchema,
  cycleId: idSchema,
  expertId: idSchema,
  expertName: z.string(),
  applicantId: idSchema,
  applicantName: z.string(),
  kind: conflictKindSchema,
  /** ISO dates; null when open-ended or unknown. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string(),
  status: conflictStatusSchema,
  /** null for conflicts the office declared itself (they start confirmed). */
  rule: conflictRuleSchema.nullable(),
  /** What matched, for a suggestion (e.g. the organisation name on both sides). */
  evidence: messageSchema.nullable(),
  createdBy: z.string(),
  createdAt: isoTimestamp,
  decidedBy: z.string().nullable(),
  decidedAt: isoTimestamp.nullable(),
  decisionReason: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

const conflictDates = {
  from: isoDateSchema.nullable().default(null),
  to: isoDateSchema.nullable().default(null),
};

// --- Panels ---------------------------------------------------------------------------------------------

export const panelMemberSchema = z.object({
  expertId: idSchema,
  name: z.string(),
  organisation: z.string(),
  specialties: z.array(z.string()),
  isLeader: z.boolean(),
  /** Applicants this expert scores in this stage (all of the panel's). */
  load: z.number().int(),
});

export const panelApplicantSchema = z.object({
  applicantId: idSchema,
  legalName: z.string(),
  section: z.string(),
  assignedBy: z.string(),
  assignedAt: isoTimestamp,
});

export const panelSchema = z.object({
  id: idSchema,
  cycleId: idSchema,
  stage: stageSchema,
  name: z.string(),
  leaderExpertId: idSchema.nullable(),
  members: z.array(panelMemberSchema),
  applicants: z.array(panelApplicantSchema),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Panel = z.infer<typeof panelSchema>;

const panelRef = z.object({ panelId: idSchema }).strict();

/** A panel in a suggestion: one that exists, or one the plan would create (by its key in the plan). */
export const panelPlanRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), panelId: idSchema }).strict(),
  z.object({ kind: z.literal('new'), key: z.string().regex(/^new-\d{1,3}$/) }).strict(),
]);
export type PanelPlanRef = z.infer<typeof panelPlanRefSchema>;

/** What applying a suggestion does; the office may edit it before applying (every rule is checked again). */
export const assignmentPlanSchema = z
  .object({
    newPanels: z
      .array(
        z
          .object({
            key: z.string().regex(/^new-\d{1,3}$/),
            name: textField(100),
            leaderExpertId: idSchema.nullable(),
            memberIds: z.array(idSchema).min(1).max(100),
          })
          .strict(),
      )
      .max(200),
    assignments: z.array(z.object({ applicantId: idSchema, panel: panelPlanRefSchema }).strict()).max(5000),
  })
  .strict();
export type AssignmentPlan = z.infer<typeof assignmentPlanSchema>;

export const assignmentSuggestionSchema = z.object({
  cycleId: idSchema,
  stage: stageSchema,
  minExperts: z.number().int(),
  /** Every unassigned applicant got a panel with at least minExperts experts and no conflict. */
  complete: z.boolean(),
  plan: assignmentPlanSchema,
  /** Why each applicant goes where it goes (message keys in the panels namespace). */
  choices: z.array(z.object({ applicantId: idSchema, panel: panelPlanRefSchema, reasons: z.array(messageSchema) })),
  /** Why each new panel was formed as it was (members, leader). */
  panelReasons: z.array(z.object({ panel: panelPlanRefSchema, reasons: z.array(messageSchema) })),
  /** Applicants no panel can take, each with the reason. */
  unassignable: z.array(z.object({ applicantId: idSchema, reason: messageSchema })),
  /** Applicants per expert before and after the plan (the workload being balanced). */
  loads: z.array(z.object({ expertId: idSchema, before: z.number().int(), after: z.number().int() })),
  notes: z.array(messageSchema),
});
export type AssignmentSuggestion = z.infer<typeof assignmentSuggestionSchema>;

export const minExpertsSchema = z.number().int({ error: 'errors.field.integer' }).min(1, { error: 'errors.field.tooSmall' }).max(25, { error: 'errors.field.tooBig' });

export const panelChannels = {
  // Experts
  'experts.list': channel(
    z
      .object({
        search: withoutControlChars(z.string().max(200)).optional(),
        specialty: z.enum(INDUSTRY_SECTION_CODES).optional(),
        availableFor: stageSchema.optional(),
      })
      .strict(),
    z.array(expertRowSchema),
  ),
  'experts.get': channel(expertRef, expertDetailSchema),
  'experts.create': channel(z.object({ record: expertRecordSchema }).strict(), expertDetailSchema),
  'experts.update': channel(z.object({ expertId: idSchema, record: expertRecordSchema }).strict(), expertDetailSchema),
  /** The office sets (or resets) the PIN the expert signs in with; the PIN itself is never stored or returned. */
  'experts.setPin': channel(z.object({ expertId: idSchema, pin: pinSchema }).strict(), z.object({ expertId: idSchema, pinSetAt: isoTimestamp })),
  /** All rows or none: a bad row is reported with sheet, row and column and nothing is imported. */
  'experts.importXlsx': channel(
    uploadedFileSchema.strict(),
    z.union([z.object({ ok: z.literal(true), imported: z.number().int() }), z.object({ ok: z.literal(false), errors: z.array(importErrorSchema) })]),
  ),
  'experts.exportXlsx': channel(emptyInput, z.object({ fileName: z.string(), contentBase64: z.string() })),

  // Conflicts of interest
  'conflicts.list': channel(
    z
      .object({ cycleId: idSchema, status: conflictStatusSchema.optional(), expertId: idSchema.optional(), applicantId: idSchema.optional() })
      .strict(),
    z.array(conflictSchema),
  ),
  /** A conflict the office knows of: recorded as confirmed at once. */
  'conflicts.declare': channel(
    z.object({ expertId: idSchema, applicantId: idSchema, kind: conflictKindSchema, ...conflictDates, note: withoutControlChars(z.string().trim().max(2000)).default('') }).strict(),
    conflictSchema,
  ),
  /** Matches every expert against the cycle's applicants and adds new suggestions (dismissed ones are not suggested again). */
  'conflicts.suggest': channel(z.object({ cycleId: idSchema }).strict(), z.object({ added: z.array(conflictSchema), pending: z.number().int() })),
  /** Confirm (optionally correcting kind and dates) or dismiss a suggestion; a confirmed conflict can also be dismissed later, with a reason. */
  'conflicts.decide': channel(
    z
      .object({
        conflictId: idSchema,
        decision: z.enum(['confirm', 'dismiss']),
        reason: withoutControlChars(z.string().trim().max(2000)).default(''),
        kind: conflictKindSchema.optional(),
        from: isoDateSchema.nullable().optional(),
        to: isoDateSchema.nullable().optional(),
      })
      .strict(),
    conflictSchema,
  ),

  // Panels
  'panels.list': channel(z.object({ cycleId: idSchema, stage: stageSchema.optional() }).strict(), z.array(panelSchema)),
  'panels.get': channel(panelRef, panelSchema),
  'panels.create': channel(
    z
      .object({
        cycleId: idSchema,
        stage: stageSchema,
        name: textField(100),
        leaderExpertId: idSchema.nullable().default(null),
        memberIds: z.array(idSchema).max(100).default([]),
      })
      .strict(),
    panelSchema,
  ),
  'panels.update': channel(z.object({ panelId: idSchema, name: textField(100), leaderExpertId: idSchema.nullable() }).strict(), panelSchema),
  /** Refused when the expert has a confirmed conflict with an applicant of the panel, or already sits on another panel of the stage. */
  'panels.addMember': channel(z.object({ panelId: idSchema, expertId: idSchema }).strict(), panelSchema),
  /** Refused once the expert has scored for this panel. */
  'panels.removeMember': channel(z.object({ panelId: idSchema, expertId: idSchema }).strict(), panelSchema),
  /** Refused (code 'refused', key panels.conflict.blocksAssignment) when a member has a confirmed conflict with the applicant. */
  'panels.assign': channel(z.object({ panelId: idSchema, applicantId: idSchema }).strict(), panelSchema),
  /** Refused once a score exists for the applicant in this panel. */
  'panels.unassign': channel(z.object({ panelId: idSchema, applicantId: idSchema }).strict(), panelSchema),
  /**
   * Proposes panels for the stage's unassigned applicants (document review: status eligible or
   * documentReview; presentation: documentReview or siteVisit; site visit: siteVisit), forming panels from
   * the experts available in the stage when it has none; nothing is written. Never breaks a confirmed
   * conflict; balances workload first (as even as conflicts allow), then matches specialties; explains each choice.
   */
  'panels.suggestAssignment': channel(z.object({ cycleId: idSchema, stage: stageSchema, minExperts: minExpertsSchema }).strict(), assignmentSuggestionSchema),
  /** Applies a (possibly edited) plan in one transaction; every conflict rule is checked again. */
  'panels.applyPlan': channel(z.object({ cycleId: idSchema, stage: stageSchema, plan: assignmentPlanSchema }).strict(), z.array(panelSchema)),
};
