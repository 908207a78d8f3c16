/** Manifest-level refusals: signature, trust, expectations, and manifest ↔ archive agreement. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { openPackage, type OpenPackageOptions } from '../../../electron/core/packages/reader';
import { trustedKey } from '../../../electron/core/packages/trust';
import { signBytes } from '../../../electron/core/packages/keys';
import {
  buildZip,
  CYCLE,
  ENTERPRISE_WS,
  listTree,
  openOptions,
  packageEntries,
  party,
  refusalOf,
  sandbox,
  signedManifest,
  type ManifestDraft,
  type Party,
  type RawEntry,
  type Sandbox,
} from './helpers';

let sb: Sandbox;
let enterprise: Party;
beforeEach(async () => {
  sb = await sandbox();
  enterprise = party(ENTERPRISE_WS);
});
afterEach(async () => sb.dispose());

const files = [
  { path: 'application.json', data: Buffer.from('{}') },
  { path: 'docs/报告.pdf', data: Buffer.from('%PDF') },
];

async function open(entries: RawEntry[], options: Partial<OpenPackageOptions> = {}) {
  const file = join(sb.inbox, 'package.qadpkg');
  await writeFile(file, await buildZip(entries));
  return openPackage(file, openOptions(sb, [enterprise.trusted], options));
}

async function refusal(entries: RawEntry[], options: Partial<OpenPackageOptions> = {}): Promise<AppErrorPayload> {
  const error = await refusalOf(open(entries, options));
  expect(error.payload.code).toBe('refused');
  expect(await listTree(sb.staging)).toEqual([]);
  return error.payload;
}

const draft = (extra: Partial<ManifestDraft> = {}): ManifestDraft => ({ signer: enterprise, files, ...extra });

describe('manifest and signature', () => {
  it('accepts the unmodified package (control)', async () => {
    const opened = await open(packageEntries(draft()));
    expect(opened.files.map((f) => f.path)).toEqual(files.map((f) => f.path));
    await opened.dispose();
  });

  it('refuses a missing manifest or signature', async () => {
    const entries = packageEntries(draft());
    expect((await refusal(entries.filter((e) => e.name !== 'manifest.json'))).key).toBe('packages.refused.manifestMissing');
    expect((await refusal(entries.filter((e) => e.name !== 'manifest.sig'))).key).toBe('packages.refused.signatureMissing');
  });

  it('refuses a manifest that is not JSON, not the schema, or a newer format', async () => {
    const replaceManifest = (bytes: Buffer) =>
      packageEntries(draft()).map((e) => (e.name === 'manifest.json' ? { ...e, data: bytes } : e.name === 'manifest.sig' ? { ...e, data: signBytes(bytes, enterprise.keys.privateKeyPem) } : e));
    expect((await refusal(replaceManifest(Buffer.from('{"formatVersion":1,')))).key).toBe('packages.refused.manifestInvalid');
    expect((await refusal(replaceManifest(Buffer.from('\ufeff{}')))).key).toBe('packages.refused.manifestInvalid');
    expect((await refusal(packageEntries(draft({ patch: (m) => (m.extra = true) }))))).toMatchObject({ key: 'packages.refused.manifestInvalid' });
    expect((await refusal(packageEntries(draft({ patch: (m) => ((m.header as { applicant: { creditCode: string } }).applicant.creditCode = '91350100M000100Y44') }))))).toMatchObject({
      key: 'packages.refused.manifestInvalid',
      params: { detail: 'header.applicant.creditCode: custom' },
    });
    expect(await refusal(packageEntries(draft({ patch: (m) => (m.formatVersion = 2) })))).toMatchObject({ key: 'packages.refused.unsupportedVersion', params: { version: 2 } });
  });

  it('refuses a signature that does not match the manifest bytes', async () => {
    const entries = packageEntries(draft());
    const other = signedManifest(draft());
    const swapped = entries.map((e) => (e.name === 'manifest.sig' ? { ...e, data: other.signature } : e));
    expect((await refusal(swapped)).key).toBe('packages.refused.badSignature');
    const short = entries.map((e) => (e.name === 'manifest.sig' ? { ...e, data: other.signature.subarray(0, 63) } : e));
    expect((await refusal(short)).key).toBe('packages.refused.badSignature');
  });

  it('refuses a manifest signed by a key outside the trust set', async () => {
    const stranger = party(ENTERPRISE_WS);
    expect(await refusal(packageEntries(draft({ signer: stranger })))).toMatchObject({ key: 'packages.refused.untrustedKey', params: { keyId: stranger.keys.keyId } });
  });

  it('refuses a forger who claims the trusted key but signs with their own', async () => {
    const forger = party(ENTERPRISE_WS);
    const impersonating = { ...forger, keys: { ...forger.keys, keyId: enterprise.keys.keyId, publicKeyRaw: enterprise.keys.publicKeyRaw } };
    expect((await refusal(packageEntries(draft({ signer: impersonating })))).key).toBe('packages.refused.badSignature');
  });

  it('refuses a key id that is not the hash of the carried public key', async () => {
    const other = party('x');
    expect((await refusal(packageEntries(draft({ patch: (m) => (m.senderKeyId = other.keys.keyId) }))))).toMatchObject({ key: 'packages.refused.keyIdMismatch' });
  });

  it('refuses a trusted key used for another workspace or kind', async () => {
    const elsewhere = trustedKey(enterprise.keys.publicKeyPem, 'enterprise-8');
    expect((await refusal(packageEntries(draft()), { trust: [elsewhere] })).key).toBe('packages.refused.keySenderMismatch');
    const reviewOnly = trustedKey(enterprise.keys.publicKeyPem, ENTERPRISE_WS, ['review']);
    expect(await refusal(packageEntries(draft()), { trust: [reviewOnly] })).toMatchObject({ key: 'packages.refused.keyKindNotAllowed', params: { kind: 'submission' } });
  });
});

describe('expectations', () => {
  it('refuses the wrong kind, cycle or sender', async () => {
    const entries = packageEntries(draft());
    expect(await refusal(entries, { expect: { kind: 'scores', minSequence: 1 } })).toMatchObject({ key: 'packages.refused.wrongKind', params: { expected: 'scores', actual: 'submission' } });
    expect(await refusal(entries, { expect: { kind: 'submission', cycleId: 'cycle-2024', minSequence: 1 } })).toMatchObject({
      key: 'packages.refused.wrongCycle',
      params: { expected: 'cycle-2024', actual: CYCLE },
    });
    expect((await refusal(entries, { expect: { kind: 'submission', senderWorkspaceId: 'enterprise-9', minSequence: 1 } })).key).toBe('packages.refused.wrongSender');
  });

  it('refuses a replay: sequence below minSequence or not above the last accepted', async () => {
    const entries = packageEntries(draft({ sequence: 5 }));
    expect(await refusal(entries, { expect: { kind: 'submission', minSequence: 6 } })).toMatchObject({ key: 'packages.refused.replay', params: { sequence: 5, minimum: 6 } });
    const asked: unknown[] = [];
    const last = (query: unknown) => {
      asked.push(query);
      return 5;
    };
    expect((await refusal(entries, { expect: { kind: 'submission', lastAcceptedSequence: last } })).key).toBe('packages.refused.replay');
    expect(asked).toEqual([{ senderWorkspaceId: ENTERPRISE_WS, senderKeyId: enterprise.keys.keyId, kind: 'submission' }]);
    const accepted = await open(entries, { expect: { kind: 'submission', lastAcceptedSequence: () => 4 } });
    expect(accepted.manifest.sequence).toBe(5);
    await accepted.dispose();
    const first = await open(entries, { expect: { kind: ['submission', 'scores'], lastAcceptedSequence: async () => null } });
    await first.dispose();
  });

  it('throws a programming error, before reading anything, when replay protection is not configured', async () => {
    // @ts-expect-error — neither minSequence nor lastAcceptedSequence
    await expect(open(packageEntries(draft()), { expect: { kind: 'submission' } })).rejects.toThrow(TypeError);
    expect(await listTree(sb.staging)).toEqual([]);
  });

  it('lets errors from the caller’s callbacks through unchanged and still cleans up', async () => {
    const failure = new Error('database is locked');
    await expect(open(packageEntries(draft()), { expect: { kind: 'submission', lastAcceptedSequence: () => Promise.reject(failure) } })).rejects.toBe(failure);
    expect(await listTree(sb.staging)).toEqual([]);
  });
});

describe('manifest against archive', () => {
  const entriesWith = (payload: RawEntry[], listed = files) => [...payload, ...packageEntries(draft({ files: listed })).slice(-2)];
  const asEntries = (list: typeof files) => list.map((f) => ({ name: `files/${f.path}`, data: f.data }));

  it('refuses a payload entry the manifest does not list', async () => {
    const payload = [...asEntries(files), { name: 'files/extra.exe', data: Buffer.from('MZ') }];
    expect(await refusal(entriesWith(payload))).toMatchObject({ key: 'packages.refused.unexpectedEntry', params: { path: 'files/extra.exe' } });
  });

  it('refuses a listed file missing from the archive', async () => {
    expect(await refusal(entriesWith(asEntries(files.slice(1))))).toMatchObject({ key: 'packages.refused.missingEntry', params: { path: 'application.json' } });
  });

  it('refuses sizes and hashes that differ from the manifest', async () => {
    const bigger = [{ path: 'application.json', data: Buffer.from('{ }') }, files[1]!];
    expect(await refusal(entriesWith(asEntries(bigger)))).toMatchObject({ key: 'packages.refused.sizeMismatch', params: { path: 'application.json', expected: 2, actual: 3 } });
    const sameSize = [{ path: 'application.json', data: Buffer.from('[]') }, files[1]!];
    expect(await refusal(entriesWith(asEntries(sameSize)))).toMatchObject({ key: 'packages.refused.hashMismatch', params: { path: 'application.json' } });
  });

  it('refuses unsafe, duplicate or conflicting paths inside the signed manifest', async () => {
    const listing = (paths: string[]) => paths.map((path) => ({ path, data: Buffer.from('x') }));
    expect((await refusal(entriesWith([], listing(['../evil']))))).toMatchObject({ key: 'packages.refused.entryParentSegment' });
    expect((await refusal(entriesWith(asEntries(listing(['a'])), listing(['a', 'A']))))).toMatchObject({ key: 'packages.refused.duplicateEntry' });
    expect(await refusal(entriesWith(asEntries(listing(['a', 'a/b'])), listing(['a', 'a/b'])))).toMatchObject({ key: 'packages.refused.pathConflict', params: { path: 'a/b', other: 'a' } });
  });
});

describe('staging', () => {
  it('refuses with stagingFailed when the staging folder cannot be made', async () => {
    const blocker = join(sb.root, 'blocker');
    await writeFile(blocker, 'a file where a folder should be');
    const error = await refusalOf(open(packageEntries(draft()), { stagingDir: join(blocker, 'staging') }));
    expect(error.payload.key).toBe('packages.refused.stagingFailed');
  });
});
