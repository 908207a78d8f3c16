import type { resultsChannels } from '../../../shared/api/results';
import type { CoreContext } from '../context';
import { JobRegistry } from '../jobs/registry';
import { openBackend } from '../jobs/backend';
import { getRanking } from '../services/results/ranking';
import { applicantDetail } from '../services/results/detail';
import { cycleSeverity } from '../services/results/severity';
import { approveCycle, listDecisions, recordDecision, reopenCycle } from '../services/results/decisions';
import { exportResultsXlsx } from '../services/results/xlsx';
import { cycleOutcome } from '../services/results/outcome';
import {
  clearSensitivityRunning,
  dataVersion,
  markSensitivityRunning,
  runningSensitivityJob,
  sensitivityInput,
  stabilityFrom,
  storeSensitivity,
} from '../services/results/sensitivity';
import { startPrintJob } from '../services/documents/print';
import { createDemoWorkspace } from '../services/demo';
import type { WorkspaceHub } from '../workspace-hub';
import type { AreaHandlers } from './types';

/** Leave-one-expert-out for a whole cycle in the worker; the ranking picks the result up when it is done. */
function startSensitivityJob(ctx: CoreContext, jobs: JobRegistry, cycleId: string): { jobId: string } {
  const running = runningSensitivityJob(ctx, cycleId);
  if (running) return { jobId: running };
  const outcome = cycleOutcome(ctx, cycleId);
  const version = dataVersion(ctx);
  const input = sensitivityInput(outcome);
  const job = jobs.start(
    'results.sensitivity',
    1,
    async (control) => {
      const backend = openBackend();
      const abort = () => backend.close();
      control.signal.addEventListener('abort', abort);
      try {
        const result = await backend.run({ type: 'sensitivity', framework: input.framework, applicants: input.applicants, rules: input.rules });
        if (result.type === 'sensitivity') storeSensitivity(ctx, cycleId, version, ctx.clock().toISOString(), stabilityFrom(result.report, outcome.data.expertNames));
        return {};
      } finally {
        control.signal.removeEventListener('abort', abort);
        backend.close();
      }
    },
    (view) => clearSensitivityRunning(ctx, cycleId, view.jobId),
  );
  markSensitivityRunning(ctx, cycleId, version, job.jobId);
  return { jobId: job.jobId };
}

/** Results, the committee's decisions, exports, print jobs and the demo. Jobs live as long as these handlers. */
export const resultsHandlers = (ctx: CoreContext, hub: WorkspaceHub): AreaHandlers<typeof resultsChannels> => {
  const jobs = new JobRegistry(ctx);
  return {
    'results.ranking': (input) => getRanking(ctx, input),
    'results.detail': (input) => applicantDetail(ctx, input.applicantId),
    'results.severity': (input) => cycleSeverity(ctx, input.cycleId, input.stage),
    'results.computeSensitivity': (input) => startSensitivityJob(ctx, jobs, input.cycleId),

    'decisions.list': (input) => listDecisions(ctx, input.cycleId),
    'decisions.record': (input, call) => recordDecision(ctx, input, call),
    'results.approve': (input, call) => approveCycle(ctx, input.cycleId, call),
    'results.reopen': (input, call) => reopenCycle(ctx, input.cycleId, input.reason, call),

    'results.exportXlsx': (input) => exportResultsXlsx(ctx, input.cycleId, input.kind),

    'documents.print': (input) => startPrintJob(ctx, jobs, input),
    'jobs.get': (input) => jobs.get(input.jobId),
    'jobs.list': () => jobs.list(),
    'jobs.cancel': (input) => jobs.cancel(input.jobId),

    'demo.create': (_input, call) => createDemoWorkspace(ctx, hub, call),
  };
};
