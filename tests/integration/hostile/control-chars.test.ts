import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNEL_NAMES, contract } from '../../../shared/api/contract';

/**
 * Every free-text field of every channel, found by walking the zod schemas themselves, and whether it
 * refuses C0 control characters (NUL, BEL, ESC…; tab and newlines are text). `textField` in
 * shared/api/schemas.ts refuses them; the fields below were written with plain z.string() and still
 * accept them. The list may only shrink: a new field that accepts control characters fails this test,
 * and so does a listed field once it is fixed (then delete its line).
 */
const KNOWN_TO_ACCEPT_CONTROL_CHARS = [
  'applicants.create record.contacts[].email',
  'applicants.create record.contacts[].name',
  'applicants.create record.incidents[].description',
  'applicants.create record.industry.division',
  'applicants.create record.industry.section',
  'applicants.create record.legalName',
  'applicants.create record.region',
  'applicants.decideEligibility note',
  'applicants.importXlsx fileName',
  'applicants.list region',
  'applicants.list search',
  'applicants.update record.contacts[].email',
  'applicants.update record.contacts[].name',
  'applicants.update record.incidents[].description',
  'applicants.update record.industry.division',
  'applicants.update record.industry.section',
  'applicants.update record.legalName',
  'applicants.update record.region',
  'applications.saveItem itemId',
  'applications.saveItem narrative',
  'applications.saveProfile profile',
  'attachments.add fileName',
  'attachments.add itemId',
  'conflicts.decide reason',
  'conflicts.declare note',
  'consensus.saveItem itemId',
  'consensus.saveItem opportunities[].citation.figure',
  'consensus.saveItem rationale',
  'consensus.saveItem strengths[].citation.figure',
  'cycles.updateSettings settings.certificate.awardName',
  'cycles.updateSettings settings.certificate.issuingAuthority',
  'cycles.updateSettings settings.tiers[].name.en',
  'cycles.updateSettings settings.tiers[].name.zh-CN',
  'cycles.updateSettings settings.tiers[].name.zh-TW',
  'decisions.record note',
  'experts.create record.contact.email',
  'experts.create record.contact.phone',
  'experts.create record.groupName',
  'experts.create record.qualificationNumber',
  'experts.create record.title',
  'experts.importXlsx fileName',
  'experts.list search',
  'experts.update record.contact.email',
  'experts.update record.contact.phone',
  'experts.update record.groupName',
  'experts.update record.qualificationNumber',
  'experts.update record.title',
  'frameworks.import fileName',
  'jobs.cancel jobId',
  'jobs.get jobId',
  'results.ranking region',
  'scores.saveItem itemId',
  'scores.saveItem opportunities[].citation.figure',
  'scores.saveItem strengths[].citation.figure',
  'siteVisit.saveIssues issues[].note',
  'siteVisit.saveIssues itemId',
  'workspaces.switch workspaceId',
];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Each string schema reachable from `schema`, with its path (array items as `[]`). */
function stringLeaves(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], ancestors = new Set<z.ZodType>()): void {
  // Shared field schemas appear under many names; only a schema inside itself (z.lazy) would loop.
  if (ancestors.has(schema)) return;
  ancestors.add(schema);
  try {
    visit(schema, path, out, ancestors);
  } finally {
    ancestors.delete(schema);
  }
}

function visit(schema: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[], ancestors: Set<z.ZodType>): void {
  const def = defOf(schema);
  const child = (next: unknown, at = path) => stringLeaves(next as z.ZodType, at, out, ancestors);
  switch (def.type) {
    case 'string':
      out.push({ path, schema });
      return;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) child(value, path ? `${path}.${key}` : key);
      return;
    case 'array':
      return child(def.element, `${path}[]`);
    case 'union':
      for (const option of def.options as z.ZodType[]) child(option);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return child(def.innerType);
    case 'pipe':
      return child(def.in);
    case 'lazy':
      return child((def.getter as () => z.ZodType)());
    case 'record':
      return child(def.valueType, `${path}.*`);
    case 'tuple':
      for (const item of def.items as z.ZodType[]) child(item, `${path}[]`);
      return;
    case 'intersection':
      child(def.left);
      return child(def.right);
    default:
      return; // enums, literals, numbers, booleans: no free text
  }
}

/** Plausible text around the control character, so only the character itself can be the reason for a refusal. */
const probes = ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u007fb'];

describe('control characters in free-text fields', () => {
  it('every string field of every channel refuses them, except the known list (which may only shrink)', () => {
    const accepting: string[] = [];
    let fields = 0;
    for (const channel of CHANNEL_NAMES) {
      const leaves: { path: string; schema: z.ZodType }[] = [];
      stringLeaves(contract[channel].input, '', leaves);
      for (const leaf of [...new Map(leaves.map((l) => [l.path, l])).values()]) {
        fields += 1;
        // A field that refuses plain text for other reasons (an id pattern) says nothing about control characters.
        if (!leaf.schema.safeParse('ab').success) continue;
        if (probes.some((probe) => leaf.schema.safeParse(probe).success)) accepting.push(`${channel} ${leaf.path}`);
      }
    }
    console.log(`control characters: ${fields} string fields in ${CHANNEL_NAMES.length} channels; ${accepting.length} still accept them`);
    expect(fields).toBeGreaterThan(100);
    expect(accepting.sort()).toEqual([...KNOWN_TO_ACCEPT_CONTROL_CHARS].sort());
  });
});
