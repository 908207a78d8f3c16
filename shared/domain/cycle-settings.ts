/**
 * Settings of one award cycle: where practice varies between cities, the cycle decides.
 * Defaults are the common case described in the domain notes (Shenzhen-style tiers, 30/70 stage
 * weights, consensus scoring, a 30,000-character self-assessment).
 */
import { z } from 'zod';
import { AppError, type Message } from '../api/errors';
import { withoutControlChars } from '../api/schemas';
import type { Language } from '../i18n/languages';
import { parseWith, requiredText, type Parsed } from './applicant';
import { DEFAULT_ELIGIBILITY_RULES, compareIsoDates, eligibilityRulesSchema, isoDateSchema } from './eligibility';

const K = 'applicants.cycle';

const percent = z
  .int({ error: 'applicants.validation.integer' })
  .min(0, { error: 'applicants.validation.tooSmall' })
  .max(100, { error: 'applicants.validation.tooBig' });

// --- Stages ---------------------------------------------------------------------------------------

export const STAGE_IDS = ['documentReview', 'presentation', 'siteVisit'] as const;
export type StageId = (typeof STAGE_IDS)[number];

/** Weight in integer percent per stage; presentation (陈述答辩) is null when the cycle has none. */
export const stagesSchema = z
  .object({
    documentReview: percent,
    presentation: percent.nullable(),
    siteVisit: percent,
  })
  .superRefine((stages, ctx) => {
    const sum = stages.documentReview + (stages.presentation ?? 0) + stages.siteVisit;
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: `${K}.stages.sum`, params: { sum } });
  });
export type StageWeights = z.output<typeof stagesSchema>;

// --- Aggregation of experts' scores ---------------------------------------------------------------

export const AGGREGATION_METHODS = ['consensus', 'mean', 'median', 'trimmedMean'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const aggregationSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('consensus') }),
    z.object({ method: z.literal('mean') }),
    z.object({ method: z.literal('median') }),
    /** Drop the `trim` highest and `trim` lowest scores, then average. */
    z.object({
      method: z.literal('trimmedMean'),
      trim: z
        .int({ error: 'applicants.validation.integer' })
        .min(1, { error: 'applicants.validation.tooSmall' })
        .max(5, { error: 'applicants.validation.tooBig' }),
    }),
  ],
  { error: `${K}.aggregation.method` },
);
export type Aggregation = z.output<typeof aggregationSchema>;

/** Fewest expert scores the method can work with (a trimmed mean must keep at least one score). */
export function minimumExperts(aggregation: Aggregation): number {
  return aggregation.method === 'trimmedMean' ? 2 * aggregation.trim + 1 : 1;
}

// --- Tiers ------------------------------------------------------------------------------------------

export const tierThresholdSchema = z.discriminatedUnion(
  'kind',
  [
    /** Percent of the framework's maximum score (e.g. 60 → 600 of 1000). */
    z.object({ kind: z.literal('percentOfMax'), percent }),
    /** Absolute points (e.g. 600). */
    z.object({
      kind: z.literal('points'),
      points: z
        .int({ error: 'applicants.validation.integer' })
        .min(0, { error: 'applicants.validation.tooSmall' })
        .max(100_000, { error: 'applicants.validation.tooBig' }),
    }),
  ],
  { error: `${K}.tiers.thresholdKind` },
);
export type TierThreshold = z.output<typeof tierThresholdSchema>;

export const tierNameSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('key'), key: z.string().regex(/^[A-Za-z][\w-]*(\.[\w-]+)+$/, { error: `${K}.tiers.nameKey` }) }),
    z.object({ kind: z.literal('text'), 'zh-CN': requiredText(50), en: requiredText(80), 'zh-TW': requiredText(50) }),
  ],
  { error: `${K}.tiers.nameKind` },
);
export type TierName = z.output<typeof tierNameSchema>;

export const tierSchema = z.object({
  id: z.string({ error: 'applicants.validation.required' }).regex(/^[a-z][a-zA-Z0-9-]{0,31}$/, { error: `${K}.tiers.id` }),
  name: tierNameSchema,
  threshold: tierThresholdSchema,
  /** Most winners in this tier; null for no quota. */
  quota: z
    .int({ error: 'applicants.validation.integer' })
    .min(1, { error: 'applicants.validation.tooSmall' })
    .max(1000, { error: 'applicants.validation.tooBig' })
    .nullable(),
});
export type Tier = z.output<typeof tierSchema>;

function thresholdValue(t: TierThreshold): number {
  return t.kind === 'points' ? t.points : t.percent;
}

/** Tiers listed best first, unique ids, one threshold kind for all, thresholds strictly falling. */
export const tiersSchema = z
  .array(tierSchema)
  .min(1, { error: `${K}.tiers.none` })
  .max(10, { error: 'applicants.validation.tooMany' })
  .superRefine((tiers, ctx) => {
    const seen = new Set<string>();
    tiers.forEach((tier, i) => {
      if (seen.has(tier.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `${K}.tiers.duplicateId`, params: { id: tier.id } });
      seen.add(tier.id);
      if (i === 0) return;
      const previous = tiers[i - 1]!;
      if (previous.threshold.kind !== tier.threshold.kind) {
        ctx.addIssue({ code: 'custom', path: [i, 'threshold', 'kind'], message: `${K}.tiers.mixedKinds` });
      } else if (thresholdValue(tier.threshold) >= thresholdValue(previous.threshold)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'threshold', tier.threshold.kind === 'points' ? 'points' : 'percent'],
          message: `${K}.tiers.notDescending`,
          params: { previous: thresholdValue(previous.threshold) },
        });
      }
    });
  });

/**
 * A threshold in hundredths of a point, the unit scores are held in (points × percent).
 * percentOfMax: maxPoints × percent is already in hundredths.
 */
export function tierThresholdHundredths(threshold: TierThreshold, maxPoints: number): number {
  return threshold.kind === 'points' ? threshold.points * 100 : maxPoints * threshold.percent;
}

export function tierDisplayName(tier: Tier, language: Language, translate: (key: string) => string): string {
  return tier.name.kind === 'key' ? translate(tier.name.key) : tier.name[language];
}

// --- Certificate --------------------------------------------------------------------------------------

export type NumberPatternPart = { kind: 'text'; text: string } | { kind: 'year' } | { kind: 'seq'; width: number };

export type NumberPatternResult = { ok: true; parts: NumberPatternPart[] } | { ok: false; message: Message };

const TOKEN = /\{([a-z]+)(?::(0\d))?\}/y;

/**
 * Certificate number patterns: literal text with `{year}` and exactly one `{seq}` or `{seq:0N}`
 * (zero-padded to N digits, N 1–9), e.g. `{year}-ZLJ-{seq:03}` → 2026-ZLJ-007.
 */
export function parseNumberPattern(pattern: string): NumberPatternResult {
  const fail = (key: string, params?: Message['params']): NumberPatternResult => ({
    ok: false,
    message: { key: `${K}.certificate.${key}`, ...(params ? { params } : {}) },
  });
  if (pattern.length === 0 || pattern.length > 64) return fail('patternLength', { max: 64 });
  const parts: NumberPatternPart[] = [];
  let seqCount = 0;
  let text = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '}') return fail('patternBraces', { position: i + 1 });
    if (ch !== '{') {
      if (/[\p{Cc}]/u.test(ch)) return fail('patternCharacter', { position: i + 1 });
      text += ch;
      i += 1;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(pattern);
    if (!m) return fail('patternBraces', { position: i + 1 });
    const [whole, name, pad] = m;
    if (text) parts.push({ kind: 'text', text });
    text = '';
    if (name === 'year' && pad === undefined) parts.push({ kind: 'year' });
    else if (name === 'seq') {
      const width = pad === undefined ? 1 : Number(pad.slice(1));
      if (width < 1) return fail('patternToken', { token: whole });
      parts.push({ kind: 'seq', width });
      seqCount += 1;
    } else return fail('patternToken', { token: whole });
    i += whole.length;
  }
  if (text) parts.push({ kind: 'text', text });
  if (seqCount !== 1) return fail('patternSeq');
  return { ok: true, parts };
}

/** Pure formatter; a sequence wider than the padding is printed in full. */
export function formatCertificateNumber(pattern: string, values: { year: number; seq: number }): string {
  const parsed = parseNumberPattern(pattern);
  if (!parsed.ok) throw new AppError('validation', parsed.message.key, parsed.message.params);
  if (!Number.isSafeInteger(values.seq) || values.seq < 1) throw new AppError('validation', `${K}.certificate.seq`, { seq: values.seq });
  if (!Number.isSafeInteger(values.year) || values.year < 1 || values.year > 9999) {
    throw new AppError('validation', `${K}.certificate.year`, { year: values.year });
  }
  return parsed.parts
    .map((p) => (p.kind === 'text' ? p.text : p.kind === 'year' ? String(values.year) : String(values.seq).padStart(p.width, '0')))
    .join('');
}

const optionalLine = withoutControlChars(
  z.string({ error: 'applicants.validation.invalidType' }).trim().max(100, { error: 'applicants.validation.tooLong' }),
);

export const certificateSettingsSchema = z.object({
  /** 颁发机关, e.g. ××市人民政府. May stay empty until certificates are printed. */
  issuingAuthority: optionalLine,
  /** e.g. ××市市长质量奖. May stay empty until certificates are printed. */
  awardName: optionalLine,
  numberPattern: z
    .string({ error: 'applicants.validation.required' })
    .trim()
    .superRefine((pattern, ctx) => {
      const parsed = parseNumberPattern(pattern);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message.key, params: parsed.message.params });
    }),
});
export type CertificateSettings = z.output<typeof certificateSettingsSchema>;

/** What is still missing before certificates can be printed (empty when ready). */
export function certificateSettingsGaps(certificate: CertificateSettings): Array<Message & { path: string }> {
  const gaps: Array<Message & { path: string }> = [];
  if (!certificate.issuingAuthority) gaps.push({ path: 'certificate.issuingAuthority', key: `${K}.certificate.issuingAuthorityMissing` });
  if (!certificate.awardName) gaps.push({ path: 'certificate.awardName', key: `${K}.certificate.awardNameMissing` });
  return gaps;
}

// --- Deadlines ----------------------------------------------------------------------------------------

/** In the order they must fall; each is optional. */
export const DEADLINE_IDS = [
  'applicationOpens',
  'applicationCloses',
  'eligibilityReviewEnds',
  'documentReviewEnds',
  'presentationEnds',
  'siteVisitEnds',
  'publicNoticeStarts',
  'publicNoticeEnds',
] as const;
export type DeadlineId = (typeof DEADLINE_IDS)[number];

const optionalDate = isoDateSchema.nullable().default(null);

export const deadlinesSchema = z
  .object(Object.fromEntries(DEADLINE_IDS.map((id) => [id, optionalDate])) as Record<DeadlineId, typeof optionalDate>)
  .superRefine((deadlines, ctx) => {
    let previous: { id: DeadlineId; date: string } | null = null;
    for (const id of DEADLINE_IDS) {
      const date = deadlines[id];
      if (date === null) continue;
      if (previous && compareIsoDates(date, previous.date) < 0) {
        ctx.addIssue({ code: 'custom', path: [id], message: `${K}.deadlines.order`, params: { after: previous.id, date: previous.date } });
      }
      previous = { id, date };
    }
  });
export type Deadlines = z.output<typeof deadlinesSchema>;

// --- The whole settings ---------------------------------------------------------------------------

export const cycleSettingsSchema = z
  .object({
    stages: stagesSchema,
    aggregation: aggregationSchema,
    /** Largest spread (highest − lowest expert percent on an item) before the item is flagged. */
    disagreementThreshold: percent,
    eligibility: eligibilityRulesSchema,
    tiers: tiersSchema,
    /** Most winners over all tiers; null for no overall quota. */
    totalQuota: z
      .int({ error: 'applicants.validation.integer' })
      .min(1, { error: 'applicants.validation.tooSmall' })
      .max(1000, { error: 'applicants.validation.tooBig' })
      .nullable(),
    /** Characters of the self-assessment (profile + narratives), counted by `characterCount`; null for no cap. */
    selfAssessmentLimit: z
      .int({ error: 'applicants.validation.integer' })
      .min(1000, { error: 'applicants.validation.tooSmall' })
      .max(1_000_000, { error: 'applicants.validation.tooBig' })
      .nullable(),
    certificate: certificateSettingsSchema,
    deadlines: deadlinesSchema,
  })
  .superRefine((settings, ctx) => {
    if (settings.stages.presentation === null && settings.deadlines.presentationEnds !== null) {
      ctx.addIssue({ code: 'custom', path: ['deadlines', 'presentationEnds'], message: `${K}.deadlines.presentationUnused` });
    }
  });

export type CycleSettings = z.output<typeof cycleSettingsSchema>;
export type CycleSettingsInput = z.input<typeof cycleSettingsSchema>;

export const DEFAULT_TIERS: readonly Tier[] = [
  { id: 'award', name: { kind: 'key', key: `${K}.tier.award` }, threshold: { kind: 'percentOfMax', percent: 60 }, quota: null },
  { id: 'nomination', name: { kind: 'key', key: `${K}.tier.nomination` }, threshold: { kind: 'percentOfMax', percent: 55 }, quota: null },
  { id: 'encouragement', name: { kind: 'key', key: `${K}.tier.encouragement` }, threshold: { kind: 'percentOfMax', percent: 50 }, quota: null },
];

/** A fresh copy each call, so callers may edit it. */
export function defaultCycleSettings(): CycleSettings {
  return {
    stages: { documentReview: 30, presentation: null, siteVisit: 70 },
    aggregation: { method: 'consensus' },
    disagreementThreshold: 20,
    eligibility: { ...DEFAULT_ELIGIBILITY_RULES },
    tiers: DEFAULT_TIERS.map((t) => structuredCloneTier(t)),
    totalQuota: null,
    selfAssessmentLimit: 30_000,
    certificate: { issuingAuthority: '', awardName: '', numberPattern: '{year}-ZLJ-{seq:03}' },
    deadlines: Object.fromEntries(DEADLINE_IDS.map((id) => [id, null])) as Deadlines,
  };
}

function structuredCloneTier(t: Tier): Tier {
  return { ...t, name: { ...t.name }, threshold: { ...t.threshold } };
}

export function parseCycleSettings(input: unknown): Parsed<CycleSettings> {
  return parseWith(cycleSettingsSchema, input);
}

export function stagesInUse(stages: StageWeights): StageId[] {
  return STAGE_IDS.filter((id) => stages[id] !== null);
}

export function stageLabel(stage: StageId): Message {
  return { key: `${K}.stage.${stage}` };
}

export function aggregationLabel(method: AggregationMethod): Message {
  return { key: `${K}.aggregation.${method}` };
}
