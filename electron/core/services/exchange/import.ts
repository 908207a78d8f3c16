/**
 * One entry point for every package kind: the kind is whatever the verified manifest says, and the
 * workspace's role decides which kinds it accepts and whom it trusts for each. Imports of one
 * workspace run one at a time, and each re-checks the replay counter inside its own transaction.
 */
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { ImportSummary } from '../../../../shared/api/exchange';
import type { PackageKind } from '../../../../shared/api/package-manifest';
import type { WorkspaceRole } from '../../../../shared/api/schemas';
import type { CoreContext } from '../../context';
import { intakeFolders } from '../../file-intake';
import { openPackage, trustEnrolledExperts, trustKeys, type PackageExpectation, type TrustResolver, type VerifiedPackage } from '../../packages';
import { lastAcceptedSequence, previousImport, sha256OfFile } from './bookkeeping';
import { backupBeforeImport } from '../backups';
import type { PreparedImport } from './prepared-import';
import { prepareReview, pinnedOfficeKeys } from './review-import';
import { expertIdentity } from './scores-export';
import { prepareScores, enrolmentRecord } from './scores-import';
import { prepareSubmission, submitterTrust, type SubmissionOptions } from './submission-import';

export const KINDS_BY_ROLE: Readonly<Record<WorkspaceRole, readonly PackageKind[]>> = {
  office: ['submission', 'scores'],
  expert: ['review'],
  enterprise: [],
};

export interface ImportOptions extends SubmissionOptions {
  /** The name the user's file had, for the history list. */
  fileName: string;
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier import of the same workspace has finished. */
function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(work, work);
  queues.set(key, next);
  const settle = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(settle, settle);
  return next;
}

function trustFor(ctx: CoreContext, options: SubmissionOptions): TrustResolver {
  const role = ctx.workspace.role;
  return async (query) => {
    const manifest = query.unverifiedManifest;
    if (!KINDS_BY_ROLE[role].includes(manifest.kind)) {
      if (manifest.kind === 'review') throw new AppError('refused', 'exchange.import.reviewOpensWorkspace');
      throw new AppError('refused', 'exchange.import.wrongWorkspace', { kind: manifest.kind, role });
    }
    if (manifest.kind === 'submission') return submitterTrust(ctx, manifest, options);
    if (manifest.kind === 'scores') return trustEnrolledExperts((enrolmentId) => enrolmentRecord(ctx, enrolmentId))(query);
    return trustKeys(pinnedOfficeKeys(ctx))(query);
  };
}

function expectationFor(ctx: CoreContext): PackageExpectation {
  const lastAccepted: PackageExpectation['lastAcceptedSequence'] = ({ senderWorkspaceId, kind }) => lastAcceptedSequence(ctx, senderWorkspaceId, kind);
  if (ctx.workspace.role !== 'expert') return { kind: KINDS_BY_ROLE[ctx.workspace.role], lastAcceptedSequence: lastAccepted };
  const identity = expertIdentity(ctx);
  return { kind: ['review'], lastAcceptedSequence: lastAccepted, ...(identity ? { cycleId: identity.cycle_id, senderWorkspaceId: identity.office_workspace_id } : {}) };
}

/**
 * Verifies the package completely and checks its payload, backs the workspace up, then applies it in
 * one transaction. The same file imported again is recognised by its SHA-256 and changes nothing. Any
 * refusal leaves the workspace as it was, without a backup.
 */
export function importPackageFile(ctx: CoreContext, file: string, options: ImportOptions, call: CallContext): Promise<ImportSummary> {
  return serialised(ctx.workspace.path, async () => {
    const sha256 = await sha256OfFile(file);
    const previous = previousImport(ctx, sha256);
    if (previous) return { ...previous, outcome: 'alreadyImported' as const };
    if (ctx.workspace.role === 'enterprise') throw new AppError('refused', 'exchange.import.enterprise');
    const pkg = await openPackage(file, { stagingDir: intakeFolders(ctx.workspace.path).packages, trust: trustFor(ctx, options), expect: expectationFor(ctx) });
    try {
      const context = { sha256, fileName: options.fileName };
      const prepared = prepare(ctx, pkg, context, options, call);
      await backupBeforeImport(ctx);
      return prepared();
    } finally {
      await pkg.dispose();
    }
  });
}

function prepare(ctx: CoreContext, pkg: VerifiedPackage, context: { sha256: string; fileName: string }, options: ImportOptions, call: CallContext): PreparedImport {
  switch (pkg.manifest.kind) {
    case 'submission':
      return prepareSubmission(ctx, pkg, { ...context, options }, call);
    case 'scores':
      return prepareScores(ctx, pkg, context, call);
    case 'review':
      return prepareReview(ctx, pkg, context, call);
  }
}
