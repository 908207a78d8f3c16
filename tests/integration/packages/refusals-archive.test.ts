/**
 * Archive-level refusals: hostile entry names, entry types, duplicates, limits, and a damaged
 * container. Each hostile entry is also listed in a correctly signed manifest, so the check under
 * test is the only thing standing between it and the disk.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorPayload } from '../../../shared/api/errors';
import { openPackage } from '../../../electron/core/packages/reader';
import type { PackageLimits } from '../../../electron/core/packages/limits';
import { buildZip, ENTERPRISE_WS, entryOffsets, listTree, openOptions, packageEntries, party, refusalOf, sandbox, type Party, type RawEntry, type Sandbox } from './helpers';

let sb: Sandbox;
let enterprise: Party;
beforeEach(async () => {
  sb = await sandbox();
  enterprise = party(ENTERPRISE_WS);
});
afterEach(async () => sb.dispose());

async function refusal(archive: Buffer | RawEntry[], limits?: Partial<PackageLimits>): Promise<AppErrorPayload> {
  const buffer = Buffer.isBuffer(archive) ? archive : await buildZip(archive);
  const file = join(sb.inbox, 'package.qadpkg');
  await writeFile(file, buffer);
  const error = await refusalOf(openPackage(file, openOptions(sb, [enterprise.trusted], limits ? { limits } : {})));
  expect(error.payload.code).toBe('refused');
  expect(await listTree(sb.staging)).toEqual([]);
  return error.payload;
}

/** A signed package whose payload is exactly these entries (names relative to files/ when prefixed). */
function withPayload(payload: RawEntry[]): RawEntry[] {
  const files = payload.map((entry) => {
    const name = Buffer.isBuffer(entry.name) ? entry.name.toString('utf8') : entry.name;
    return { path: name.startsWith('files/') ? name.slice(6) : name, data: entry.data };
  });
  const manifestAndSignature = packageEntries({ signer: enterprise, files }).slice(-2);
  return [...payload, ...manifestAndSignature];
}

const data = Buffer.from('content');

describe('entry names', () => {
  it.each([
    ['/etc/passwd', 'entryAbsolute'],
    ['/files/a', 'entryAbsolute'],
    ['files/../../outside.txt', 'entryParentSegment'],
    ['files/a/../../b', 'entryParentSegment'],
    ['..', 'entryParentSegment'],
    ['C:/Windows/win.ini', 'entryDriveLetter'],
    ['c:evil', 'entryDriveLetter'],
    ['files/a\\..\\..\\b', 'entryBackslash'],
    ['files/report.pdf:Zone.Identifier', 'entryColon'],
    ['files/a:b', 'entryColon'],
    ['files/CON', 'entryDeviceName'],
    ['files/nul.txt', 'entryDeviceName'],
    ['files/docs/Com1.log', 'entryDeviceName'],
    ['files/LPT9', 'entryDeviceName'],
    ['files/aux.tar.gz', 'entryDeviceName'],
    ['files/prn .txt', 'entryDeviceName'],
    ['files//a.txt', 'entryEmptySegment'],
    ['files/dir/', 'entryEmptySegment'],
    ['files/./a.txt', 'entryDotSegment'],
    ['files/a\u0000.txt', 'entryControlCharacter'],
    ['files/a\u001b[31m.txt', 'entryControlCharacter'],
    ['files/\u202etxt.exe', 'entryControlCharacter'],
    ['files/a?.txt', 'entryReservedCharacter'],
    ['files/a|b', 'entryReservedCharacter'],
    ['files/a.', 'entryTrailingDotOrSpace'],
    ['files/a ', 'entryTrailingDotOrSpace'],
    [`files/${'长'.repeat(86)}`, 'entryNameTooLong'],
    ['other.txt', 'unexpectedEntry'],
    ['Files/a.txt', 'unexpectedEntry'],
  ])('%j → %s', async (name, reason) => {
    const payload = await refusal(withPayload([{ name, data }]));
    expect(payload.key).toBe(`packages.refused.${reason}`);
  });

  it('refuses names that are not UTF-8', async () => {
    const name = Buffer.concat([Buffer.from('files/'), Buffer.from([0xc3, 0x28, 0xff])]);
    expect((await refusal([{ name, data }, ...withPayload([])])).key).toBe('packages.refused.entryNameEncoding');
  });

  it('refuses paths longer than the limit', async () => {
    const payload = await refusal(withPayload([{ name: `files/${'a/'.repeat(40)}z`, data }]), { maxPathLength: 60 });
    expect(payload).toMatchObject({ key: 'packages.refused.entryNameTooLong', params: { detail: '60' } });
  });
});

describe('entry types and duplicates', () => {
  it('refuses symlink entries (unix mode S_IFLNK)', async () => {
    const payload = await refusal(withPayload([{ name: 'files/link', data: Buffer.from('../../../etc/passwd'), mode: 0o120777 }]));
    expect(payload).toMatchObject({ key: 'packages.refused.symlinkEntry', params: { path: 'files/link' } });
  });

  it.each([0o040755, 0o010644, 0o060644])('refuses other non-regular entries (mode %o)', async (mode) => {
    expect((await refusal(withPayload([{ name: 'files/x', data: Buffer.alloc(0), mode }]))).key).toBe('packages.refused.notRegularFile');
  });

  it.each([
    ['files/a.txt', 'files/a.txt'],
    ['files/Report.PDF', 'files/report.pdf'],
    ['files/caf\u00e9', 'files/cafe\u0301'],
    ['manifest.json', 'MANIFEST.JSON'],
  ])('refuses duplicate entries %j / %j', async (first, second) => {
    const entries = withPayload([{ name: first, data }]);
    entries.splice(1, 0, { name: second, data });
    expect((await refusal(entries)).key).toBe('packages.refused.duplicateEntry');
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    // Deflated: for a stored entry yauzl already refuses the sizes of an encrypted entry as corrupt.
    const encrypted = await buildZip(withPayload([{ name: 'files/a.txt', data, compress: true }]));
    const [first] = entryOffsets(encrypted);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(first!.central + 8) | 1, first!.central + 8);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(first!.local + 6) | 1, first!.local + 6);
    expect((await refusal(encrypted)).key).toBe('packages.refused.encryptedEntry');

    const bzip2 = await buildZip(withPayload([{ name: 'files/a.txt', data }]));
    const [entry] = entryOffsets(bzip2);
    bzip2.writeUInt16LE(12, entry!.central + 10);
    bzip2.writeUInt16LE(12, entry!.local + 8);
    expect(await refusal(bzip2)).toMatchObject({ key: 'packages.refused.unsupportedCompression', params: { method: 12 } });
  });
});

describe('limits', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `files/f${i}.txt`, data: Buffer.alloc(100, i) }));

  it('refuses more entries than allowed', async () => {
    expect(await refusal(withPayload(files(5)), { maxEntries: 6 })).toMatchObject({ key: 'packages.refused.tooManyEntries', params: { count: 7, limit: 6 } });
  });

  it('refuses more total bytes than allowed', async () => {
    expect((await refusal(withPayload(files(5)), { maxTotalBytes: 450 })).key).toBe('packages.refused.tooLarge');
  });

  it('refuses a deflated entry above the compression ratio', async () => {
    const bomb = { name: 'files/zeros.bin', data: Buffer.alloc(200_000), compress: true };
    expect(await refusal(withPayload([bomb]), { maxCompressionRatio: 50, ratioThresholdBytes: 1024 })).toMatchObject({
      key: 'packages.refused.compressionRatio',
      params: { path: 'files/zeros.bin', limit: 50 },
    });
  });

  it('counts real bytes: a bomb whose headers understate its size is stopped, not trusted', async () => {
    const real = Buffer.alloc(2_000_000, 7);
    const claimed = real.subarray(0, 1000);
    // Manifest and headers both claim 1000 bytes; the deflated data holds 2 MB.
    const entries = withPayload([{ name: 'files/bomb.bin', data: claimed }]);
    entries[0] = { name: 'files/bomb.bin', data: real, compress: true };
    const buffer = await buildZip(entries);
    const [bomb] = entryOffsets(buffer);
    buffer.writeUInt32LE(1000, bomb!.central + 24);
    buffer.writeUInt32LE(1000, bomb!.local + 22);
    const payload = await refusal(buffer, { maxCompressionRatio: 1_000_000 });
    expect(['packages.refused.sizeMismatch', 'packages.refused.corruptArchive']).toContain(payload.key);
  });

  it('refuses an oversized manifest before reading it', async () => {
    expect(await refusal(withPayload(files(50)), { maxManifestBytes: 1000 })).toMatchObject({ key: 'packages.refused.manifestTooLarge', params: { limit: 1000 } });
  });
});

describe('damaged containers', () => {
  it('refuses a file that is not a zip, an empty file, and a truncated package', async () => {
    const good = await buildZip(withPayload([{ name: 'files/a.txt', data }]));
    expect((await refusal(Buffer.from('not a zip at all'))).key).toBe('packages.refused.corruptArchive');
    expect((await refusal(Buffer.alloc(0))).key).toBe('packages.refused.corruptArchive');
    expect((await refusal(good.subarray(0, good.length - 1))).key).toBe('packages.refused.corruptArchive');
    expect((await refusal(good.subarray(1))).key).toBe('packages.refused.corruptArchive');
  });

  it('refuses bytes prepended, appended, or an archive comment', async () => {
    const good = await buildZip(withPayload([{ name: 'files/a.txt', data }]));
    expect((await refusal(Buffer.concat([Buffer.from('MZ'), good]))).key).toBe('packages.refused.corruptArchive');
    expect((await refusal(Buffer.concat([good, Buffer.from([0])]))).key).toBe('packages.refused.corruptArchive');
    const commented = Buffer.concat([good, Buffer.from('hi')]);
    commented.writeUInt16LE(2, good.length - 2);
    expect((await refusal(commented)).key).toBe('packages.refused.corruptArchive');
  });

  it('refuses a package file that cannot be read', async () => {
    const error = await refusalOf(openPackage(join(sb.inbox, 'missing.qadpkg'), openOptions(sb, [enterprise.trusted])));
    expect(error.payload.key).toBe('packages.refused.unreadable');
  });
});
