/**
 * writePackage: one streaming pass. Payload entries go first, each hashed while yazl copies it;
 * manifest.json is built when yazl reaches it, i.e. after the last payload byte has been counted,
 * so the manifest describes exactly the bytes in the archive even if a source file changed while
 * we read it. Entries are stored, not deflated: attachments are mostly PDFs and images that do not
 * shrink, and stored data keeps every byte of the file covered by the signature (docs/packages.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { AppError } from '../../../shared/api/errors';
import {
  PACKAGE_FORMAT_VERSION,
  packageManifestSchema,
  type PackageFile,
  type PackageHeader,
  type PackageKind,
  type PackageManifest,
} from '../../../shared/api/package-manifest';
import { checkEntryPath, collisionKey, findFolderConflict } from './entry-path';
import { MANIFEST_ENTRY, PAYLOAD_PREFIX, SIGNATURE_ENTRY } from './inventory';
import { keyIdOf, loadPrivateKey, rawPublicKey, signBytes, type PrivateKeyInput } from './keys';
import { describe } from './refusal';
import { ENTRY_MODE } from './zip-layout';

export interface PackageFileInput {
  /** Path inside the package, '/'-separated, e.g. `documents/4.1/质量手册.pdf`. */
  path: string;
  /** The content, or the path of a file on disk to stream from. */
  source: Buffer | Uint8Array | string;
}

interface WritePackageBase {
  cycleId: string;
  senderWorkspaceId: string;
  /** Strictly increasing per sender workspace and kind; the lead's database hands it out. */
  sequence: number;
  packageId?: string;
  createdAt?: Date;
  files: readonly PackageFileInput[];
  privateKey: PrivateKeyInput;
}

export type WritePackageInput = { [K in PackageKind]: WritePackageBase & { kind: K; header: PackageHeader<K> } }[PackageKind];

export interface WrittenPackage {
  file: string;
  bytes: number;
  manifest: PackageManifest;
}

function invalid(key: string, params?: Record<string, string | number>): AppError {
  return new AppError('validation', `packages.write.${key}`, params);
}

function checkPaths(files: readonly PackageFileInput[]): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    const violation = checkEntryPath(path);
    if (violation) throw invalid('invalidPath', { path, rule: violation.rule });
    const key = collisionKey(path);
    if (seen.has(key)) throw invalid('duplicatePath', { path });
    seen.add(key);
  }
  const conflict = findFolderConflict(files.map((file) => file.path));
  if (conflict) throw invalid('pathConflict', conflict);
}

/** Hashes and counts what flows through; settles `record` when the stream ends. */
function recorder(path: string, record: (file: PackageFile) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
    flush(callback) {
      record({ path, size, sha256: hash.digest('hex') });
      callback();
    },
  });
}

export async function writePackage(input: WritePackageInput, outFile: string): Promise<WrittenPackage> {
  checkPaths(input.files);
  let privateKey;
  try {
    privateKey = loadPrivateKey(input.privateKey);
  } catch (error) {
    throw invalid('invalidKey', { detail: describe(error) });
  }
  const publicKey = rawPublicKey(privateKey);
  const createdAt = input.createdAt ?? new Date();
  const base = {
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: input.packageId ?? randomUUID(),
    kind: input.kind,
    cycleId: input.cycleId,
    senderWorkspaceId: input.senderWorkspaceId,
    senderKeyId: keyIdOf(publicKey),
    senderPublicKey: publicKey.toString('base64'),
    createdAt: createdAt.toISOString(),
    sequence: input.sequence,
    header: input.header,
  };
  // Validate everything but the files now, so a bad header fails before any byte is written.
  const precheck = packageManifestSchema.safeParse({ ...base, files: [] });
  if (!precheck.success) {
    const issue = precheck.error.issues[0];
    throw invalid('invalidInput', { detail: issue ? `${issue.path.join('.')}: ${issue.code}` : 'schema' });
  }

  const zip = new yazl.ZipFile();
  const entryOptions = { mtime: createdAt, mode: ENTRY_MODE, compress: false, forceDosTimestamp: true };
  const recorded: (PackageFile | undefined)[] = new Array(input.files.length);
  let manifest: PackageManifest | undefined;
  let signature: Buffer | undefined;
  let sourceError: { path: string; error: unknown } | undefined;

  input.files.forEach((file, index) => {
    const record = (entry: PackageFile) => (recorded[index] = entry);
    const name = PAYLOAD_PREFIX + file.path;
    if (typeof file.source !== 'string') {
      const data = Buffer.from(file.source.buffer, file.source.byteOffset, file.source.byteLength);
      record({ path: file.path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      zip.addBuffer(data, name, entryOptions);
      return;
    }
    const sourcePath = file.source;
    zip.addReadStreamLazy(name, entryOptions, (callback) => {
      const stream = createReadStream(sourcePath);
      const meter = recorder(file.path, record);
      stream.on('error', (error) => {
        sourceError ??= { path: file.path, error };
        meter.destroy(error);
      });
      meter.on('error', (error) => zip.emit('error', error));
      callback(null, stream.pipe(meter));
    });
  });
  zip.addReadStreamLazy(MANIFEST_ENTRY, entryOptions, (callback) => {
    try {
      // yazl asks for this stream only once every entry before it is complete.
      const files = recorded.map((file) => {
        if (!file) throw new Error('payload entry not complete before manifest');
        return file;
      });
      manifest = packageManifestSchema.parse({ ...base, files });
      const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
      signature = signBytes(bytes, privateKey);
      callback(null, Readable.from([bytes]));
    } catch (error) {
      callback(error, Readable.from([]));
    }
  });
  zip.addReadStreamLazy(SIGNATURE_ENTRY, entryOptions, (callback) => callback(null, Readable.from([signature!])));
  zip.end();

  const partial = `${outFile}.${randomUUID().slice(0, 8)}.partial`;
  let bytes = 0;
  const written = pipeline(
    zip.outputStream,
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        callback(null, chunk);
      },
    }),
    createWriteStream(partial, { flags: 'wx' }),
  );
  // yazl reports a failing source on the ZipFile and then simply stops writing.
  const zipFailed = new Promise<never>((_, reject) => zip.once('error', reject));
  try {
    await Promise.race([written, zipFailed]);
    await rename(partial, outFile);
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true, maxRetries: 5 });
    if (sourceError) throw invalid('sourceUnreadable', { path: sourceError.path, detail: describe(sourceError.error) });
    throw new AppError('internal', 'packages.write.failed', { detail: describe(error) });
  }
  return { file: outFile, bytes, manifest: manifest! };
}
