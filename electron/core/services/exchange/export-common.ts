/** The steps every export shares: key, sequence, a download slot, and the log entry once the file exists. */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../../../../shared/api/errors';
import type { CallContext } from '../../../../shared/api/contract';
import type { Download } from '../../../../shared/api/exchange';
import type { PackageKind } from '../../../../shared/api/package-manifest';
import { audited, type AuditRecorder, type CoreContext } from '../../context';
import { reserveDownload } from '../../file-intake';
import { writePackage, type WritePackageInput, type WrittenPackage } from '../../packages';
import { logExchange, sha256OfFile } from './bookkeeping';
import { ensureOwnKey, readOwnKey, takeSequence, type OwnKey } from './own-key';

export interface ExportStart {
  key: OwnKey;
  sequence: number;
  packageId: string;
}

/**
 * Makes the key on first need and hands out the sequence, both committed before any byte is written;
 * `prepare` runs in the same transaction (e.g. the enrolment a review package will carry).
 */
export function beginExport(ctx: CoreContext, call: CallContext, kind: PackageKind, prepare?: (log: AuditRecorder, start: Omit<ExportStart, 'sequence'>) => void): ExportStart {
  const packageId = randomUUID();
  const key = audited(ctx, (log) => {
    const created = readOwnKey(ctx) === undefined;
    const own = ensureOwnKey(ctx);
    if (created) log({ actor: call.actor, action: 'package.createKey', entityType: 'workspace', entityId: ctx.workspace.id, payload: { keyId: own.keyId } });
    prepare?.(log, { key: own, packageId });
    return own;
  });
  return { key, packageId, sequence: takeSequence(ctx, kind) };
}

export interface ExportSubject {
  /** For the history list: the applicant's or the expert's name. */
  name: string;
  entityType: string;
  entityId: string;
}

/** Writes the package into a fresh download slot and logs it; a failed write leaves no file behind. */
export async function writeExport(
  ctx: CoreContext,
  call: CallContext,
  input: WritePackageInput,
  fileName: string,
  subject: ExportSubject,
  /** Stored bodies the package must carry unchanged: a body that no longer matches its hash is refused. */
  claimed: readonly { path: string; sha256: string }[] = [],
): Promise<Download> {
  const slot = reserveDownload(ctx.workspace.path, fileName);
  let written: WrittenPackage;
  try {
    written = await writePackage(input, slot.path);
    const actual = new Map(written.manifest.files.map((file) => [file.path, file.sha256]));
    const damaged = claimed.find((body) => actual.get(body.path) !== body.sha256);
    if (damaged) throw new AppError('refused', 'applicants.attachment.corrupt', { sha256: damaged.sha256 });
  } catch (error) {
    rmSync(dirname(slot.path), { recursive: true, force: true });
    throw error;
  }
  const sha256 = await sha256OfFile(written.file);
  const savedName = basename(slot.path);
  audited(ctx, (log) => {
    logExchange(ctx, {
      direction: 'export',
      kind: input.kind,
      packageId: written.manifest.packageId,
      packageSha256: sha256,
      cycleId: input.cycleId,
      senderWorkspaceId: ctx.workspace.id,
      sequence: input.sequence,
      fileName: savedName,
      summary: { subject: subject.name, version: null },
      actor: call.actor,
    });
    log({
      actor: call.actor,
      action: 'package.export',
      entityType: subject.entityType,
      entityId: subject.entityId,
      payload: { kind: input.kind, packageId: written.manifest.packageId, sequence: input.sequence, sha256, bytes: written.bytes, files: written.manifest.files.length },
    });
  });
  return { downloadId: slot.downloadId, fileName: savedName, bytes: written.bytes, packageId: written.manifest.packageId, sequence: input.sequence };
}
