import { randomBytes } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writePackage } from '../../../electron/core/packages/writer';
import { openPackage } from '../../../electron/core/packages/reader';
import { buildZip, CYCLE, ENTERPRISE_WS, listTree, openOptions, packageEntries, party, refusalOf, sandbox, sha256, submissionHeader, type Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => (sb = await sandbox()));
afterEach(async () => sb.dispose());

describe('writePackage → openPackage', () => {
  it('round-trips several files, Chinese names, a 0-byte file and a streamed file source', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const big = randomBytes(300_000);
    const bigPath = join(sb.root, 'scan.pdf');
    await writeFile(bigPath, big);
    const files = [
      { path: 'application.json', source: Buffer.from('{"items":[]}') },
      { path: 'documents/4.1 领导/质量手册（2025版）.pdf', source: Buffer.from('%PDF-1.7 质量手册') },
      { path: 'documents/空文件.txt', source: Buffer.alloc(0) },
      { path: 'attachments/scan.pdf', source: bigPath },
      { path: 'attachments/零.bin', source: new Uint8Array(0) },
    ];
    const out = join(sb.inbox, 'submission.qadpkg');
    const written = await writePackage(
      { kind: 'submission', cycleId: CYCLE, senderWorkspaceId: ENTERPRISE_WS, sequence: 3, header: submissionHeader(), files, privateKey: enterprise.keys.privateKeyPem },
      out,
    );
    expect(written.bytes).toBe((await stat(out)).size);
    expect(await listTree(sb.inbox)).toEqual(['submission.qadpkg']); // no partial file left

    const opened = await openPackage(out, openOptions(sb, [enterprise.trusted], { expect: { kind: 'submission', cycleId: CYCLE, senderWorkspaceId: ENTERPRISE_WS, minSequence: 3 } }));
    expect(opened.manifest).toEqual(written.manifest);
    expect(opened.signer.keyId).toBe(enterprise.keys.keyId);
    expect(opened.files.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (const [index, file] of opened.files.entries()) {
      const expected = typeof files[index]!.source === 'string' ? big : Buffer.from(files[index]!.source as Uint8Array);
      const actual = await readFile(file.stagedPath);
      expect(actual.equals(expected)).toBe(true);
      expect(file.size).toBe(expected.length);
      expect(file.sha256).toBe(sha256(expected));
      expect(file.stagedPath.startsWith(join(opened.stagingPath, 'files'))).toBe(true);
    }
    expect((await readFile(join(opened.stagingPath, 'manifest.json'))).equals(opened.manifestBytes)).toBe(true);
    const folder = opened.stagingPath.slice(sb.staging.length + 1);
    const inside = ['manifest.json', 'manifest.sig', 'files', 'files/application.json', 'files/documents', 'files/documents/4.1 领导', 'files/documents/4.1 领导/质量手册（2025版）.pdf', 'files/documents/空文件.txt', 'files/attachments', 'files/attachments/scan.pdf', 'files/attachments/零.bin'];
    expect(await listTree(sb.staging)).toEqual([folder, ...inside.map((p) => join(folder, p))].sort());
  });

  it('keeps the staging folder until dispose and removes only it', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const out = join(sb.inbox, 'p.qadpkg');
    await writePackage(
      { kind: 'submission', cycleId: CYCLE, senderWorkspaceId: ENTERPRISE_WS, sequence: 1, header: submissionHeader(), files: [{ path: 'a.txt', source: Buffer.from('a') }], privateKey: enterprise.keys.privateKeyRaw },
      out,
    );
    const first = await openPackage(out, openOptions(sb, [enterprise.trusted]));
    const second = await openPackage(out, openOptions(sb, [enterprise.trusted]));
    expect(first.stagingPath).not.toBe(second.stagingPath);
    await first.dispose();
    expect(await listTree(sb.staging)).toEqual([second.stagingPath.slice(sb.staging.length + 1), ...['files', 'files/a.txt', 'manifest.json', 'manifest.sig'].map((p) => join(second.stagingPath.slice(sb.staging.length + 1), p))].sort());
    await second.dispose();
    expect(await listTree(sb.staging)).toEqual([]);
  });

  it('refuses to write unsafe or colliding paths and leaves no output', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const out = join(sb.inbox, 'bad.qadpkg');
    const write = (paths: string[]) =>
      writePackage(
        { kind: 'submission', cycleId: CYCLE, senderWorkspaceId: ENTERPRISE_WS, sequence: 1, header: submissionHeader(), files: paths.map((path) => ({ path, source: Buffer.from(path) })), privateKey: enterprise.keys.privateKeyPem },
        out,
      );
    expect((await refusalOf(write(['../x']))).payload).toMatchObject({ code: 'validation', key: 'packages.write.invalidPath', params: { rule: 'parentSegment' } });
    expect((await refusalOf(write(['a.txt', 'A.TXT']))).payload.key).toBe('packages.write.duplicatePath');
    expect((await refusalOf(write(['a', 'a/b']))).payload.key).toBe('packages.write.pathConflict');
    expect((await refusalOf(write(['nul.txt']))).payload.params).toMatchObject({ rule: 'deviceName' });
    expect(await listTree(sb.inbox)).toEqual([]);
  });

  it('reports an unreadable source file and removes the partial output', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const out = join(sb.inbox, 'p.qadpkg');
    const error = await refusalOf(
      writePackage(
        {
          kind: 'submission',
          cycleId: CYCLE,
          senderWorkspaceId: ENTERPRISE_WS,
          sequence: 1,
          header: submissionHeader(),
          files: [
            { path: 'ok.txt', source: Buffer.from('ok') },
            { path: 'missing.pdf', source: join(sb.root, 'does-not-exist.pdf') },
          ],
          privateKey: enterprise.keys.privateKeyPem,
        },
        out,
      ),
    );
    expect(error.payload).toMatchObject({ key: 'packages.write.sourceUnreadable', params: { path: 'missing.pdf' } });
    expect(await listTree(sb.inbox)).toEqual([]);
  });

  it('refuses a header that does not match its kind before writing anything', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const error = await refusalOf(
      writePackage(
        // @ts-expect-error — a submission header on a scores package
        { kind: 'scores', cycleId: CYCLE, senderWorkspaceId: ENTERPRISE_WS, sequence: 1, header: submissionHeader(), files: [], privateKey: enterprise.keys.privateKeyPem },
        join(sb.inbox, 'x.qadpkg'),
      ),
    );
    expect(error.payload).toMatchObject({ code: 'validation', key: 'packages.write.invalidInput' });
    expect(await listTree(sb.inbox)).toEqual([]);
  });

  it('also reads zip64 archives and deflated entries as yazl writes them', async () => {
    const enterprise = party(ENTERPRISE_WS);
    const files = [
      { path: 'a.txt', data: Buffer.from('aaaa'.repeat(100)) },
      { path: 'b/空.txt', data: Buffer.alloc(0) },
    ];
    for (const variant of [{ forceZip64: true, compress: false }, { forceZip64: false, compress: true }, { forceZip64: true, compress: true }]) {
      const entries = packageEntries({ signer: enterprise, files }).map((e) => ({ ...e, compress: variant.compress }));
      const file = join(sb.inbox, 'variant.qadpkg');
      await writeFile(file, await buildZip(entries, { forceZip64: variant.forceZip64 }));
      const opened = await openPackage(file, openOptions(sb, [enterprise.trusted]));
      expect((await readFile(opened.files[0]!.stagedPath)).equals(files[0]!.data)).toBe(true);
      expect(opened.files[1]!.size).toBe(0);
      await opened.dispose();
    }
  });
});
