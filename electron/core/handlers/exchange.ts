import { dirname } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { CallContext } from '../../../shared/api/contract';
import type { exchangeChannels, ImportSummary } from '../../../shared/api/exchange';
import type { CoreContext } from '../context';
import { discardUpload, findUpload, intakeFolders } from '../file-intake';
import { openOptionsFor } from '../maintenance/reopen';
import { createExpertWorkspace, exchangeHistory, exchangeIdentity, exportReview, exportScores, exportSubmission, importPackageFile } from '../services/exchange';
import { RecentWorkspaces, type WorkspaceHub } from '../workspace-hub';
import type { AreaHandlers } from './types';

/** Refusals the office resolves by answering a question (which cycle, accept the new key): keep the upload for the retry. */
const ANSWERABLE = new Set(['exchange.submission.chooseCycle', 'exchange.submission.keyChanged']);

async function importUpload(ctx: CoreContext, input: { uploadId: string; targetCycleId?: string | undefined; confirmKeyChange?: boolean | undefined }, call: CallContext): Promise<ImportSummary> {
  const upload = findUpload(ctx.workspace.path, input.uploadId);
  try {
    const summary = await importPackageFile(ctx, upload.path, { fileName: upload.fileName, targetCycleId: input.targetCycleId, confirmKeyChange: input.confirmKeyChange }, call);
    discardUpload(ctx.workspace.path, input.uploadId);
    return summary;
  } catch (error) {
    if (!(error instanceof AppError && ANSWERABLE.has(error.payload.key))) discardUpload(ctx.workspace.path, input.uploadId);
    throw error;
  }
}

/**
 * The recent-workspaces list the hub keeps: beside the launch workspace, which is either the current
 * workspace's folder or (for workspaces the hub made, in <home>/workspaces/) its parent.
 */
function recentFor(ctx: CoreContext): RecentWorkspaces {
  const here = dirname(ctx.workspace.path);
  const candidates = [new RecentWorkspaces(here), new RecentWorkspaces(dirname(here))];
  return candidates.find((recent) => recent.list().some((entry) => entry.id === ctx.workspace.id)) ?? candidates[0]!;
}

async function createExpertFromUpload(ctx: CoreContext, hub: WorkspaceHub, uploadId: string, call: CallContext) {
  const upload = findUpload(ctx.workspace.path, uploadId);
  const recent = recentFor(ctx);
  try {
    const created = await createExpertWorkspace({
      packageFile: upload.path,
      fileName: upload.fileName,
      workspacePath: recent.newWorkspacePath('expert'),
      stagingDir: intakeFolders(ctx.workspace.path).packages,
      openOptions: openOptionsFor(ctx),
      clock: ctx.clock,
      resourcesDir: ctx.resourcesDir,
      call,
      beforeCreate: (manifest) => {
        const known = recent.list().find((entry) => entry.id === manifest.header.expert.workspaceId);
        if (known) throw new AppError('conflict', 'exchange.review.workspaceExists', { title: known.title });
      },
    });
    recent.touch({ id: created.workspaceId, path: created.path, role: 'expert', title: created.title, lastOpenedAt: ctx.clock().toISOString() });
    const workspace = hub.switchTo(created.workspaceId);
    return { workspace, summary: created.summary };
  } finally {
    discardUpload(ctx.workspace.path, uploadId);
  }
}

export const exchangeHandlers = (ctx: CoreContext, hub: WorkspaceHub): AreaHandlers<typeof exchangeChannels> => ({
  'exchange.exportSubmission': (input, call) => exportSubmission(ctx, input.applicantId, call),
  'exchange.exportReview': (input, call) => exportReview(ctx, input, call),
  'exchange.exportScores': (input, call) => exportScores(ctx, input.stage, call),
  'exchange.import': (input, call) => importUpload(ctx, input, call),
  'exchange.history': () => exchangeHistory(ctx),
  'exchange.identity': () => exchangeIdentity(ctx),
  'workspaces.createExpertFromPackage': (input, call) => createExpertFromUpload(ctx, hub, input.uploadId, call),
});

