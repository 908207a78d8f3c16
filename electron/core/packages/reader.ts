/**
 * openPackage: verifies everything about a package file before anyone may use it, extracting its
 * payload into a fresh staging folder on the way. Any failure removes that folder and throws an
 * AppError 'refused' whose key names the precise reason. Order of checks (docs/packages.md):
 * layout and names → manifest signature and trust → expectations (kind, cycle, sender, replay) →
 * manifest against entries → streamed extraction with sizes, hashes and limits counted for real.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/api/errors';
import { PACKAGE_FORMAT_VERSION, packageManifestSchema, type PackageKind, type PackageManifest } from '../../../shared/api/package-manifest';
import { EntryMeter } from './entry-meter';
import { collisionKey, findFolderConflict } from './entry-path';
import { assertSafePath, takeInventory, type Inventory, type InventoryEntry } from './inventory';
import { keyIdOf, SIGNATURE_BYTES, verifyBytes } from './keys';
import { resolveLimits, type PackageLimits } from './limits';
import { describe, refused } from './refusal';
import { resolverOf, type Trust, type TrustedKey } from './trust';
import { METHOD_DEFLATED } from './zip-layout';
import { ZipSource } from './zip-source';

export interface SequenceQuery {
  senderWorkspaceId: string;
  senderKeyId: string;
  kind: PackageKind;
}
/** The last sequence accepted from this sender for this kind, or nothing if none yet. */
export type LastAcceptedSequence = (query: SequenceQuery) => number | null | undefined | Promise<number | null | undefined>;

interface ExpectationBase {
  kind: PackageKind | readonly PackageKind[];
  cycleId?: string;
  senderWorkspaceId?: string;
}
/** Replay protection is not optional: give the smallest acceptable sequence, a callback, or both. */
export type PackageExpectation = ExpectationBase &
  ({ minSequence: number; lastAcceptedSequence?: LastAcceptedSequence } | { minSequence?: number; lastAcceptedSequence: LastAcceptedSequence });

export interface OpenPackageOptions {
  /** A workspace folder; the package is extracted into a new folder made inside it. */
  stagingDir: string;
  trust: Trust;
  expect: PackageExpectation;
  limits?: Partial<PackageLimits>;
}

export interface StagedFile {
  path: string;
  size: number;
  sha256: string;
  stagedPath: string;
}

export interface VerifiedPackage {
  manifest: PackageManifest;
  /** The exact signed bytes, worth keeping as evidence. */
  manifestBytes: Buffer;
  signature: Buffer;
  signer: TrustedKey;
  /** The folder made for this package: manifest.json, manifest.sig and files/… */
  stagingPath: string;
  /** In manifest order. */
  files: StagedFile[];
  /** Removes the staging folder. */
  dispose(): Promise<void>;
}

/** Errors thrown by the caller's own callbacks travel through untouched. */
class CallerError {
  constructor(readonly error: unknown) {}
}

async function callCaller<T>(action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new CallerError(error);
  }
}

export async function openPackage(file: string, options: OpenPackageOptions): Promise<VerifiedPackage> {
  const limits = resolveLimits(options.limits);
  // A programming error, not a property of the file: fail loudly before touching anything.
  if (options.expect.minSequence === undefined && options.expect.lastAcceptedSequence === undefined) {
    throw new TypeError('openPackage needs expect.minSequence or expect.lastAcceptedSequence');
  }
  let source: ZipSource;
  try {
    source = await ZipSource.open(file);
  } catch (error) {
    const systemError = typeof (error as { syscall?: unknown }).syscall === 'string';
    throw refused(systemError ? 'unreadable' : 'corruptArchive', { detail: describe(error) });
  }
  let stagingPath: string | undefined;
  try {
    const inventory = await takeInventory(source, limits);
    const total = { counted: 0, max: limits.maxTotalBytes, onTooMany: () => refused('tooLarge', { limit: limits.maxTotalBytes }) };
    const { manifest, manifestBytes, signature, signer } = await verifyManifest(source, inventory, options.trust, limits, total);
    await checkExpectations(manifest, options.expect);
    const plan = planPayload(manifest, inventory, limits);

    const root = await staging(() => mkdir(options.stagingDir, { recursive: true }).then(() => mkdtemp(join(options.stagingDir, 'package-'))));
    stagingPath = root;
    await staging(() => writeFile(join(root, 'manifest.json'), manifestBytes, { flag: 'wx' }));
    await staging(() => writeFile(join(root, 'manifest.sig'), signature, { flag: 'wx' }));
    const staged = await extractPayload(source, plan, join(root, 'files'), limits, total);
    const files = manifest.files.map((file) => staged.get(file.path)!);
    await source.close();
    return {
      manifest,
      manifestBytes,
      signature,
      signer,
      stagingPath: root,
      files,
      dispose: () => rm(root, { recursive: true, force: true, maxRetries: 5 }),
    };
  } catch (error) {
    await source.close();
    // The refusal matters more than a leftover folder (e.g. a virus scanner holding a file on Windows).
    if (stagingPath) await rm(stagingPath, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined);
    if (error instanceof CallerError) throw error.error;
    if (error instanceof AppError) throw error;
    throw refused('corruptArchive', { detail: describe(error) });
  }
}

async function staging<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw refused('stagingFailed', { detail: describe(error) });
  }
}

type Total = NonNullable<ConstructorParameters<typeof EntryMeter>[0]['total']>;

function meterFor(item: InventoryEntry, maxBytes: number, limits: PackageLimits, total: Total, onTooMany: (count: number) => Error): EntryMeter {
  const { entry, name } = item;
  return new EntryMeter({
    maxBytes,
    onTooMany,
    total,
    ...(entry.compressionMethod === METHOD_DEFLATED
      ? {
          ratio: {
            compressedBytes: entry.compressedSize,
            max: limits.maxCompressionRatio,
            thresholdBytes: limits.ratioThresholdBytes,
            onTooHigh: () => refused('compressionRatio', { path: name, limit: limits.maxCompressionRatio }),
          },
        }
      : {}),
  });
}

function checkCrc(meter: EntryMeter, item: InventoryEntry): void {
  if (meter.crc !== item.entry.crc32) throw refused('corruptArchive', { detail: `crc of ${item.name}` });
}

async function readSmallEntry(source: ZipSource, item: InventoryEntry, maxBytes: number, limits: PackageLimits, total: Total, onTooMany: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const meter = meterFor(item, maxBytes, limits, total, onTooMany);
  meter.on('data', (chunk: Buffer) => chunks.push(chunk));
  await pipeline(await source.openStream(item.entry), meter);
  checkCrc(meter, item);
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

async function verifyManifest(source: ZipSource, inventory: Inventory, trust: Trust, limits: PackageLimits, total: Total) {
  if (!inventory.manifest) throw refused('manifestMissing');
  if (!inventory.signature) throw refused('signatureMissing');
  const tooLarge = () => refused('manifestTooLarge', { limit: limits.maxManifestBytes });
  if (inventory.manifest.entry.uncompressedSize > limits.maxManifestBytes) throw tooLarge();
  const manifestBytes = await readSmallEntry(source, inventory.manifest, limits.maxManifestBytes, limits, total, tooLarge);
  if (inventory.signature.entry.uncompressedSize !== SIGNATURE_BYTES) throw refused('badSignature');
  const signature = await readSmallEntry(source, inventory.signature, SIGNATURE_BYTES, limits, total, () => refused('badSignature'));

  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(manifestBytes));
  } catch (error) {
    throw refused('manifestInvalid', { detail: describe(error) });
  }
  const version = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version !== PACKAGE_FORMAT_VERSION) throw refused('unsupportedVersion', { version });
  const result = packageManifestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw refused('manifestInvalid', { detail: issue ? `${issue.path.join('.')}: ${issue.code}` : 'schema' });
  }
  const manifest = result.data;
  const keyId = manifest.senderKeyId;
  if (keyIdOf(Buffer.from(manifest.senderPublicKey, 'base64')) !== keyId) throw refused('keyIdMismatch', { keyId });

  const signer = await callCaller(() => resolverOf(trust)({ keyId, unverifiedManifest: manifest }));
  if (!signer || signer.keyId !== keyId) throw refused('untrustedKey', { keyId });
  if (!verifyBytes(manifestBytes, signature, signer.publicKey)) throw refused('badSignature');
  if (signer.workspaceId !== manifest.senderWorkspaceId) throw refused('keySenderMismatch', { keyId, sender: manifest.senderWorkspaceId });
  if (signer.kinds && !signer.kinds.includes(manifest.kind)) throw refused('keyKindNotAllowed', { keyId, kind: manifest.kind });
  return { manifest, manifestBytes, signature, signer };
}

async function checkExpectations(manifest: PackageManifest, expect: PackageExpectation): Promise<void> {
  const kinds: readonly PackageKind[] = typeof expect.kind === 'string' ? [expect.kind] : expect.kind;
  if (!kinds.includes(manifest.kind)) throw refused('wrongKind', { expected: kinds.join(', '), actual: manifest.kind });
  if (expect.cycleId !== undefined && expect.cycleId !== manifest.cycleId) throw refused('wrongCycle', { expected: expect.cycleId, actual: manifest.cycleId });
  if (expect.senderWorkspaceId !== undefined && expect.senderWorkspaceId !== manifest.senderWorkspaceId) {
    throw refused('wrongSender', { expected: expect.senderWorkspaceId, actual: manifest.senderWorkspaceId });
  }
  let minimum = expect.minSequence ?? 1;
  if (expect.lastAcceptedSequence) {
    const { senderWorkspaceId, senderKeyId, kind } = manifest;
    const last = await callCaller(() => expect.lastAcceptedSequence!({ senderWorkspaceId, senderKeyId, kind }));
    if (last !== null && last !== undefined) minimum = Math.max(minimum, last + 1);
  }
  if (manifest.sequence < minimum) throw refused('replay', { sequence: manifest.sequence, minimum });
}

interface PlannedFile {
  path: string;
  size: number;
  sha256: string;
  item: InventoryEntry;
}

/** The manifest and the archive must list exactly the same payload, with the same sizes. */
function planPayload(manifest: PackageManifest, inventory: Inventory, limits: PackageLimits): PlannedFile[] {
  const listed = new Set<string>();
  let total = 0;
  const plan: PlannedFile[] = [];
  for (const file of manifest.files) {
    assertSafePath(file.path, limits.maxPathLength);
    const key = collisionKey(file.path);
    if (listed.has(key)) throw refused('duplicateEntry', { path: file.path });
    listed.add(key);
    total += file.size;
    if (total > limits.maxTotalBytes) throw refused('tooLarge', { limit: limits.maxTotalBytes });
  }
  const conflict = findFolderConflict(manifest.files.map((file) => file.path));
  if (conflict) throw refused('pathConflict', conflict);
  const byPath = new Map(manifest.files.map((file) => [file.path, file]));
  for (const [path, item] of inventory.payload) {
    const file = byPath.get(path);
    if (!file) throw refused('unexpectedEntry', { path: item.name });
    if (file.size !== item.entry.uncompressedSize) throw refused('sizeMismatch', { path, expected: file.size, actual: item.entry.uncompressedSize });
    plan.push({ ...file, item });
  }
  for (const file of manifest.files) if (!inventory.payload.has(file.path)) throw refused('missingEntry', { path: file.path });
  return plan;
}

async function extractPayload(source: ZipSource, plan: PlannedFile[], root: string, limits: PackageLimits, total: Total): Promise<Map<string, StagedFile>> {
  await staging(() => mkdir(root));
  const staged = new Map<string, StagedFile>();
  for (const file of plan) {
    const target = join(root, ...file.path.split('/'));
    const inside = relative(root, target);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw refused('entryParentSegment', { path: file.path, detail: '' });
    await staging(() => mkdir(dirname(target), { recursive: true }));

    const meter = meterFor(file.item, file.size, limits, total, (count) => refused('sizeMismatch', { path: file.path, expected: file.size, actual: count }));
    const stream = await source.openStream(file.item.entry);
    // 'wx': never follow or replace something that is already there.
    const sink = createWriteStream(target, { flags: 'wx' });
    // pipeline passes the first error on to every stream, so remember which one failed first.
    let firstFailure: 'archive' | 'disk' | undefined;
    stream.on('error', () => (firstFailure ??= 'archive'));
    meter.on('error', () => (firstFailure ??= 'archive'));
    sink.on('error', () => (firstFailure ??= 'disk'));
    try {
      await pipeline(stream, meter, sink);
    } catch (error) {
      if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
      if (firstFailure === 'disk' && !(error instanceof AppError)) throw refused('stagingFailed', { detail: describe(error) });
      throw error;
    }
    if (meter.count !== file.size) throw refused('sizeMismatch', { path: file.path, expected: file.size, actual: meter.count });
    if (meter.sha256 !== file.sha256) throw refused('hashMismatch', { path: file.path });
    checkCrc(meter, file.item);
    staged.set(file.path, { path: file.path, size: file.size, sha256: file.sha256, stagedPath: target });
  }
  return staged;
}
