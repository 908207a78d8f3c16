import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { AppError } from '../../../shared/api/errors';
import type { PackageManifest } from '../../../shared/api/package-manifest';
import { createWorkspaceKeyPair, signBytes, type WorkspaceKeyPair } from '../../../electron/core/packages/keys';
import { trustedKey, type TrustedKey } from '../../../electron/core/packages/trust';
import { ENTRY_MODE } from '../../../electron/core/packages/zip-layout';
import type { OpenPackageOptions } from '../../../electron/core/packages/reader';

export interface Sandbox {
  root: string;
  /** The workspace's staging folder given to openPackage. */
  staging: string;
  /** Where package files are put; outside the workspace. */
  inbox: string;
  dispose(): Promise<void>;
}

export async function sandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'qad-packages-'));
  const staging = join(root, 'workspace', 'staging');
  const inbox = join(root, 'inbox');
  await mkdir(staging, { recursive: true });
  await mkdir(inbox, { recursive: true });
  return { root, staging, inbox, dispose: () => rm(root, { recursive: true, force: true }) };
}

/** Every path under dir, relative, sorted — to prove nothing appeared or stayed behind. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

export const CYCLE = 'cycle-2025';
export const OFFICE_WS = 'office-1';
export const ENTERPRISE_WS = 'enterprise-7';
/** A valid unified social credit code (checksum passes). */
export const CREDIT_CODE = '91350100M000100Y43';

export interface Party {
  keys: WorkspaceKeyPair;
  workspaceId: string;
  trusted: TrustedKey;
}

export function party(workspaceId: string): Party {
  const keys = createWorkspaceKeyPair();
  return { keys, workspaceId, trusted: trustedKey(keys.publicKeyRaw, workspaceId) };
}

export function submissionHeader() {
  return { applicant: { name: '福建省某某制造有限公司', creditCode: CREDIT_CODE }, submissionId: randomUUID() };
}

export function openOptions(sb: Sandbox, trust: TrustedKey[], overrides: Partial<OpenPackageOptions> = {}): OpenPackageOptions {
  return { stagingDir: sb.staging, trust, expect: { kind: 'submission', cycleId: CYCLE, minSequence: 1 }, ...overrides };
}

export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the package to be refused, but it was accepted');
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// ——— Raw archives built in memory ———

export interface RawEntry {
  /** Any bytes, including names yazl itself would refuse; patched in after yazl wrote a placeholder. */
  name: string | Buffer;
  data: Buffer;
  compress?: boolean;
  mode?: number;
}

const MTIME = new Date(2025, 0, 2, 3, 4, 6);

export async function buildZip(entries: readonly RawEntry[], options: { forceZip64?: boolean } = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const names = entries.map((entry) => (typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name));
  entries.forEach((entry, index) => {
    const length = names[index]!.length;
    if (length === 0) throw new Error('buildZip cannot write an empty name');
    zip.addBuffer(entry.data, 'p'.repeat(length), {
      mtime: MTIME,
      mode: entry.mode ?? ENTRY_MODE,
      compress: entry.compress ?? false,
      forceDosTimestamp: true,
      forceZip64Format: options.forceZip64 ?? false,
    });
  });
  zip.end({ forceZip64Format: options.forceZip64 ?? false, comment: '' });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const buffer = Buffer.concat(chunks);
  patchNames(buffer, names);
  return buffer;
}

/** Overwrites entry names in both the central directory and the local headers (same lengths). */
function patchNames(buffer: Buffer, names: Buffer[]): void {
  const eocd = buffer.length - 22;
  let count = buffer.readUInt16LE(eocd + 10);
  let cursor = buffer.readUInt32LE(eocd + 16);
  if (cursor === 0xffffffff) {
    const record = buffer.length - 22 - 20 - 56;
    count = Number(buffer.readBigUInt64LE(record + 32));
    cursor = Number(buffer.readBigUInt64LE(record + 48));
  }
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(cursor + 28);
    const extraLength = buffer.readUInt16LE(cursor + 30);
    let localOffset = buffer.readUInt32LE(cursor + 42);
    if (localOffset === 0xffffffff) localOffset = Number(buffer.readBigUInt64LE(cursor + 46 + nameLength + 20));
    names[i]!.copy(buffer, cursor + 46);
    names[i]!.copy(buffer, localOffset + 30);
    cursor += 46 + nameLength + extraLength + buffer.readUInt16LE(cursor + 32);
  }
}

export interface ManifestDraft {
  signer: Party;
  files: { path: string; data: Buffer }[];
  patch?: (manifest: Record<string, unknown>) => void;
  sequence?: number;
}

/** A manifest as writer.ts would make it, optionally patched, with its signature. */
export function signedManifest(draft: ManifestDraft): { manifest: PackageManifest; bytes: Buffer; signature: Buffer } {
  const manifest: Record<string, unknown> = {
    formatVersion: 1,
    packageId: randomUUID(),
    kind: 'submission',
    cycleId: CYCLE,
    senderWorkspaceId: draft.signer.workspaceId,
    senderKeyId: draft.signer.keys.keyId,
    senderPublicKey: draft.signer.keys.publicKeyRaw.toString('base64'),
    createdAt: new Date().toISOString(),
    sequence: draft.sequence ?? 1,
    header: submissionHeader(),
    files: draft.files.map((file) => ({ path: file.path, size: file.data.length, sha256: sha256(file.data) })),
  };
  draft.patch?.(manifest);
  const bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  return { manifest: manifest as unknown as PackageManifest, bytes, signature: signBytes(bytes, draft.signer.keys.privateKeyPem) };
}

/** The entries of a well-formed package around the given payload. */
export function packageEntries(draft: ManifestDraft): RawEntry[] {
  const { bytes, signature } = signedManifest(draft);
  return [
    ...draft.files.map((file) => ({ name: `files/${file.path}`, data: file.data })),
    { name: 'manifest.json', data: bytes },
    { name: 'manifest.sig', data: signature },
  ];
}

/** Offsets of each entry's central directory record and local header (non-zip64 archives). */
export function entryOffsets(buffer: Buffer): { central: number; local: number }[] {
  const eocd = buffer.length - 22;
  const count = buffer.readUInt16LE(eocd + 10);
  let cursor = buffer.readUInt32LE(eocd + 16);
  const offsets: { central: number; local: number }[] = [];
  for (let i = 0; i < count; i++) {
    offsets.push({ central: cursor, local: buffer.readUInt32LE(cursor + 42) });
    cursor += 46 + buffer.readUInt16LE(cursor + 28) + buffer.readUInt16LE(cursor + 30) + buffer.readUInt16LE(cursor + 32);
  }
  return offsets;
}
