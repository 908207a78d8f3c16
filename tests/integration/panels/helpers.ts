import samples from '../../fixtures/applicants/sample-applicants.json';
import type { Core } from '../../../electron/core';
import type { Envelope } from '../../../shared/api/contract';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { computeCheckCharacter } from '../../../shared/domain/credit-code';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

export { office };

export async function ok<T>(promise: Promise<Envelope>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export async function refused(promise: Promise<Envelope>): Promise<AppErrorPayload> {
  const result = await promise;
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data).slice(0, 300)}`);
  return result.error;
}

/** A clock the test moves by hand (one millisecond per reading keeps audit times distinct). */
export function manualClock(start = '2026-11-21T09:00:00.000Z') {
  let now = Date.parse(start);
  const clock = () => new Date((now += 1));
  return { clock, advance: (ms: number) => (now += ms) };
}

/** A valid unified social credit code from a 17-character body. */
export function creditCode(body: string): string {
  return body + computeCheckCharacter(body)!;
}

export function applicantRecord(legalName: string, code: string, section: string, division: string) {
  return { ...structuredClone(samples[0]!), legalName, creditCode: code, industry: { section, division } };
}

export interface Fixture {
  core: Core;
  cycleId: string;
  advance: (ms: number) => void;
  dispose(): void;
}

export async function openFixture(): Promise<Fixture> {
  const temp = tempDir('award-desk-panels-');
  const time = manualClock();
  const core = openTestCore(temp.dir, { clock: time.clock });
  const cycleId = (await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2026 }, office))).id;
  return {
    core,
    cycleId,
    advance: time.advance,
    dispose() {
      core.close();
      temp.dispose();
    },
  };
}

export async function addApplicant(f: Fixture, legalName: string, body: string, section = 'C', division = '34', status: 'documentReview' | 'siteVisit' | 'draft' = 'documentReview'): Promise<string> {
  const created = await ok<{ id: string }>(f.core.dispatch('applicants.create', { cycleId: f.cycleId, record: applicantRecord(legalName, creditCode(body), section, division) }, office));
  const path: string[] = status === 'draft' ? [] : ['submitted', 'eligible', 'documentReview', ...(status === 'siteVisit' ? ['siteVisit'] : [])];
  for (const to of path) await ok(f.core.dispatch('applicants.transition', { applicantId: created.id, to }, office));
  return created.id;
}

export async function addExpert(f: Fixture, name: string, patch: Record<string, unknown> = {}): Promise<string> {
  const record = { name, organisation: `${name}所在大学`, specialties: ['C'], ...patch };
  return (await ok<{ id: string }>(f.core.dispatch('experts.create', { record }, office))).id;
}

export function auditActions(core: Core, entityId?: string): { action: string; actor: string; payload: string }[] {
  return core.db
    .prepare(`SELECT action, actor, payload FROM audit_log WHERE (? IS NULL OR entity_id = ?) ORDER BY seq`)
    .all(entityId ?? null, entityId ?? null) as { action: string; actor: string; payload: string }[];
}
