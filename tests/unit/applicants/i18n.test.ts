/**
 * The applicants namespace must hold every key the domain code can produce, with the same keys and
 * the same placeholders in all three languages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICANT_STATUSES, OWNERSHIP_TYPES, ownershipLabel, statusLabel, transitionRefusal } from '../../../shared/domain/applicant';
import { CREDIT_CODE_AUTHORITIES, CREDIT_CODE_CHARSET, computeCheckCharacter, decodeCreditCode } from '../../../shared/domain/credit-code';
import { AGGREGATION_METHODS, DEADLINE_IDS, DEFAULT_TIERS, STAGE_IDS, aggregationLabel, stageLabel } from '../../../shared/domain/cycle-settings';
import { ELIGIBILITY_RULE_IDS, INCIDENT_KINDS, checkEligibility } from '../../../shared/domain/eligibility';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { APPLICANT_LOCALES, lookupKey } from '../../fixtures/applicants/translate';

function leaves(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = [
  ...readdirSync(join(ROOT, 'shared/domain')).filter((f) => /^(credit-code|industries|eligibility|cycle-settings|applicant|application)\.ts$/.test(f)).map((f) => join(ROOT, 'shared/domain', f)),
  ...readdirSync(join(ROOT, 'electron/core/applicants')).map((f) => join(ROOT, 'electron/core/applicants', f)),
];

/** Every key the code can emit, from literals in the source and from enumerating its label helpers. */
function emittedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of SOURCES) {
    // cycle-settings.ts writes its keys as `${K}.…` with K = 'applicants.cycle' (a prefix, not a key).
    const text = readFileSync(file, 'utf8').replace("const K = 'applicants.cycle'", '').replaceAll('${K}', 'applicants.cycle');
    for (const m of text.matchAll(/['`](applicants\.[\w.]+)['`]/g)) keys.add(m[1]!);
  }
  for (const s of APPLICANT_STATUSES) keys.add(statusLabel(s).key);
  for (const o of OWNERSHIP_TYPES) keys.add(ownershipLabel(o).key);
  for (const k of INCIDENT_KINDS) keys.add(`applicants.incidentKind.${k}`);
  for (const s of STAGE_IDS) keys.add(stageLabel(s).key);
  for (const m of AGGREGATION_METHODS) keys.add(aggregationLabel(m).key);
  for (const d of DEADLINE_IDS) keys.add(`applicants.cycle.deadline.${d}`);
  for (const t of DEFAULT_TIERS) if (t.name.kind === 'key') keys.add(t.name.key);
  for (const r of ELIGIBILITY_RULE_IDS) keys.add(`applicants.eligibility.${r}.name`);
  keys.add(transitionRefusal('draft', 'decided').key);
  for (const authority of CREDIT_CODE_CHARSET) {
    for (const type of CREDIT_CODE_CHARSET) {
      const body = `${authority}${type}350100M000100Y4`;
      const decoded = decodeCreditCode(body + computeCheckCharacter(body))!;
      keys.add(decoded.authority.label.key);
      keys.add(decoded.organisationType.label.key);
    }
  }
  expect(Object.keys(CREDIT_CODE_AUTHORITIES).length).toBeGreaterThan(0);
  const facts = { registrationDate: '2025-01-01', yearsPractisingExcellence: 0, incidents: [{ date: '2026-01-01', kind: 'quality' as const, major: true }], previousAwardYears: [2025] };
  const rules = { minYearsRegistered: 3, minYearsPractisingExcellence: 2, incidentFreeYears: 3, reapplyAfterYears: 5, minEmployees: 10, minRevenue: 10 };
  for (const f of [facts, { ...facts, registrationDate: 'bad', incidents: [], previousAwardYears: [], employees: 100, revenue: 100 }, { ...facts, previousAwardYears: [2000], yearsPractisingExcellence: 9, registrationDate: '2000-01-01' }]) {
    for (const r of checkEligibility(f, rules, '2026-06-30')) keys.add(r.reason.key);
  }
  return keys;
}

describe('applicants locale files', () => {
  const byLanguage = LANGUAGES.map((l) => [l, leaves(APPLICANT_LOCALES[l])] as const);

  it('have identical keys in zh-CN, en and zh-TW', () => {
    const [, reference] = byLanguage[0]!;
    for (const [language, map] of byLanguage) expect([...map.keys()].sort(), language).toEqual([...reference.keys()].sort());
  });

  it('use the same placeholders in every language', () => {
    const [, reference] = byLanguage[0]!;
    for (const [key, text] of reference) {
      for (const [language, map] of byLanguage) expect(placeholders(map.get(key)!), `${language}:${key}`).toEqual(placeholders(text));
    }
  });

  it('hold every key the applicants code can emit, in every language', () => {
    const keys = emittedKeys();
    expect(keys.size).toBeGreaterThan(150);
    const missing = LANGUAGES.flatMap((l) => [...keys].filter((k) => lookupKey(APPLICANT_LOCALES[l], k) === undefined).map((k) => `${l}:${k}`));
    expect(missing).toEqual([]);
  });

  it('hold every eligibility reason, including the ones for passing and missing data', () => {
    const keys = emittedKeys();
    for (const k of ['registeredYears.passed', 'registeredYears.failed', 'registeredYears.unknown', 'noMajorIncident.failed', 'reapplyInterval.neverAwarded', 'minEmployees.missing']) {
      expect(keys.has(`applicants.eligibility.${k}`), k).toBe(true);
    }
  });
});
