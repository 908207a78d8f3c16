/**
 * Rank stability from leave-one-expert-out sensitivity. It costs (experts × applicants) engine runs,
 * about 5 s at 2,000 applicants, so small cycles compute it within the ranking call and large ones in a
 * background job (a worker thread); the result is kept per workspace and cycle until any audited change
 * (the audit head moves with every score, consensus or decision) makes it stale.
 */
import type { Stability } from '../../../../shared/api/results';
import { leaveOneExpertOut, subtract, type SensitivityReport } from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import type { CycleOutcomeData } from './outcome';
import { exact } from './outcome';

/** Engine runs (applicants × experts) a ranking call may spend on sensitivity itself (~10 ms). */
export const INLINE_SENSITIVITY_BUDGET = 2_000;

interface Ready {
  version: string;
  computedAt: string;
  stability: Map<string, Stability>;
}

interface CycleEntry {
  ready?: Ready;
  running?: { version: string; jobId: string };
}

const store = new WeakMap<CoreContext['db'], Map<string, CycleEntry>>();

function entryFor(ctx: CoreContext, cycleId: string): CycleEntry {
  let byCycle = store.get(ctx.db);
  if (!byCycle) store.set(ctx.db, (byCycle = new Map()));
  let entry = byCycle.get(cycleId);
  if (!entry) byCycle.set(cycleId, (entry = {}));
  return entry;
}

/** Changes with every audited write: the results data a sensitivity was computed from. */
export function dataVersion(ctx: CoreContext): string {
  return (ctx.db.prepare(`SELECT value FROM meta WHERE key = 'audit_head'`).get() as { value: string } | undefined)?.value ?? '';
}

export function stabilityFrom(report: SensitivityReport, expertNames: ReadonlyMap<string, string>): Map<string, Stability> {
  return new Map(
    report.applicants.map((a) => [
      a.applicantId,
      {
        rankChanges: a.rankChanges,
        tierChanges: a.tierChanges,
        changedBy: a.changedBy.map((id) => expertNames.get(id) ?? id),
        minTotal: exact(a.minTotal),
        maxTotal: exact(a.maxTotal),
        swing: exact(subtract(a.maxTotal, a.minTotal)),
      },
    ]),
  );
}

/** The engine's input for the outcome's ranked applicants (what a worker receives). */
export function sensitivityInput(outcome: CycleOutcomeData) {
  return {
    framework: outcome.data.framework,
    applicants: outcome.data.applicants.flatMap((a) => (a.scores ? [a.scores] : [])),
    rules: outcome.resolved,
  };
}

export function sensitivityCost(outcome: CycleOutcomeData): number {
  const input = sensitivityInput(outcome);
  const experts = new Set(input.applicants.flatMap((a) => a.stages.flatMap((s) => s.expertScores.map((e) => e.expertId))));
  return input.applicants.length * experts.size;
}

export type SensitivityState =
  | { state: 'ready'; computedAt: string; stability: Map<string, Stability>; jobId: null }
  | { state: 'notComputed' | 'stale' | 'running'; jobId: string | null; computedAt: string | null };

/** What the ranking shows: computed now when cheap, else whatever the last job left (or that it runs). */
export function sensitivityFor(ctx: CoreContext, outcome: CycleOutcomeData): SensitivityState {
  const cycleId = outcome.data.cycle.id;
  const entry = entryFor(ctx, cycleId);
  const version = dataVersion(ctx);
  if (entry.ready?.version === version) return { state: 'ready', computedAt: entry.ready.computedAt, stability: entry.ready.stability, jobId: null };
  if (sensitivityCost(outcome) <= INLINE_SENSITIVITY_BUDGET) {
    const input = sensitivityInput(outcome);
    const report = leaveOneExpertOut(input.framework, input.applicants, input.rules);
    storeSensitivity(ctx, cycleId, version, ctx.clock().toISOString(), stabilityFrom(report, outcome.data.expertNames));
    return { state: 'ready', computedAt: entry.ready!.computedAt, stability: entry.ready!.stability, jobId: null };
  }
  if (entry.running?.version === version) return { state: 'running', jobId: entry.running.jobId, computedAt: null };
  return { state: entry.ready ? 'stale' : 'notComputed', jobId: null, computedAt: entry.ready?.computedAt ?? null };
}

export function storeSensitivity(ctx: CoreContext, cycleId: string, version: string, computedAt: string, stability: Map<string, Stability>): void {
  const entry = entryFor(ctx, cycleId);
  entry.ready = { version, computedAt, stability };
  if (entry.running?.version === version) delete entry.running;
}

export function markSensitivityRunning(ctx: CoreContext, cycleId: string, version: string, jobId: string): void {
  entryFor(ctx, cycleId).running = { version, jobId };
}

export function clearSensitivityRunning(ctx: CoreContext, cycleId: string, jobId: string): void {
  const entry = entryFor(ctx, cycleId);
  if (entry.running?.jobId === jobId) delete entry.running;
}

export function runningSensitivityJob(ctx: CoreContext, cycleId: string): string | null {
  const entry = entryFor(ctx, cycleId);
  return entry.running?.version === dataVersion(ctx) ? entry.running.jobId : null;
}
