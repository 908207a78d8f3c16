/**
 * The self-assessment (自评报告) of an application: an organisational profile (组织概述) and one
 * narrative per criteria item, with the completeness check the office runs at 形式审查.
 */
import { z } from 'zod';
import type { Message } from '../api/errors';

export const applicationSchema = z.object({
  profile: z.string({ error: 'applicants.validation.invalidType' }).default(''),
  /** Narrative text keyed by framework item id, e.g. `4.1.2`. */
  narratives: z.record(z.string(), z.string({ error: 'applicants.validation.invalidType' })).default({}),
});
export type Application = z.output<typeof applicationSchema>;

/**
 * Characters as a reader counts them: every Unicode code point (so a CJK character or an emoji
 * counts once, not twice as UTF-16 would) except line breaks (LF, CR, NEL, LS, PS). Spaces count,
 * as in Word's "characters (with spaces)"; a paragraph break is layout, not text, so pasting the
 * same text with Windows or Unix line endings gives the same count.
 */
export function characterCount(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch !== '\n' && ch !== '\r' && ch !== '\u0085' && ch !== '\u2028' && ch !== '\u2029') n += 1;
  }
  return n;
}

export interface ApplicationCounts {
  profile: number;
  items: Record<string, number>;
  total: number;
}

export function applicationCharacterCounts(application: Application): ApplicationCounts {
  const profile = characterCount(application.profile);
  const items: Record<string, number> = {};
  let total = profile;
  for (const [id, text] of Object.entries(application.narratives)) {
    items[id] = characterCount(text);
    total += items[id];
  }
  return { profile, items, total };
}

export type CompletenessIssue =
  | (Message & { kind: 'missingProfile' })
  | (Message & { kind: 'missingNarrative'; itemId: string })
  | (Message & { kind: 'unknownItem'; itemId: string })
  | (Message & { kind: 'overLimit' });

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim().length === 0;
}

/**
 * Issues in display order: profile, then missing narratives in the framework's item order, then
 * narratives for ids the framework does not have, then the length cap (over the total of profile and
 * all narratives). `limit` null means no cap. An empty list means complete.
 */
export function checkCompleteness(
  application: Application,
  frameworkItemIds: readonly string[],
  limit: number | null,
): CompletenessIssue[] {
  const issues: CompletenessIssue[] = [];
  if (isBlank(application.profile)) {
    issues.push({ kind: 'missingProfile', key: 'applicants.completeness.missingProfile' });
  }
  const known = new Set(frameworkItemIds);
  for (const itemId of frameworkItemIds) {
    if (isBlank(application.narratives[itemId])) {
      issues.push({ kind: 'missingNarrative', itemId, key: 'applicants.completeness.missingNarrative', params: { itemId } });
    }
  }
  for (const itemId of Object.keys(application.narratives).sort()) {
    if (!known.has(itemId)) {
      issues.push({ kind: 'unknownItem', itemId, key: 'applicants.completeness.unknownItem', params: { itemId } });
    }
  }
  if (limit !== null) {
    const { total } = applicationCharacterCounts(application);
    if (total > limit) {
      issues.push({ kind: 'overLimit', key: 'applicants.completeness.overLimit', params: { count: total, limit, excess: total - limit } });
    }
  }
  return issues;
}
