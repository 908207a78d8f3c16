/**
 * Every single-byte change anywhere in a package file is refused — by the zip layout checks, a size
 * or hash mismatch, or the signature — and never accepted. The package is a real writePackage
 * output with both kinds of entries yazl writes (buffer sources without, file sources with a data
 * descriptor), Chinese names and an empty file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { openPackage } from '../../../electron/core/packages/reader';
import { writePackage } from '../../../electron/core/packages/writer';
import { CYCLE, ENTERPRISE_WS, listTree, openOptions, party, sandbox, submissionHeader, type Party, type Sandbox } from './helpers';

let sb: Sandbox;
let enterprise: Party;
let original: Buffer;

beforeAll(async () => {
  sb = await sandbox();
  enterprise = party(ENTERPRISE_WS);
  const onDisk = join(sb.root, 'evidence.txt');
  await writeFile(onDisk, '现场评审证据 — streamed from disk so that its entry has a data descriptor.\n');
  const out = join(sb.root, 'original.qadpkg');
  await writePackage(
    {
      kind: 'submission',
      cycleId: CYCLE,
      senderWorkspaceId: ENTERPRISE_WS,
      sequence: 1,
      header: submissionHeader(),
      files: [
        { path: 'application.json', source: Buffer.from('{"items":{"4.1":{"selfScore":80}}}') },
        { path: '自评报告/第四章 领导.txt', source: Buffer.from('领导作用：高层领导确定组织的使命、愿景和价值观。') },
        { path: 'empty.txt', source: Buffer.alloc(0) },
        { path: 'notes/说明.md', source: Buffer.from('# 说明\n本包用于篡改测试：任何单字节修改都必须被拒绝。\n'.repeat(4)) },
        { path: 'evidence/现场.txt', source: onDisk },
      ],
      privateKey: enterprise.keys.privateKeyPem,
    },
    out,
  );
  original = await readFile(out);
});
afterAll(async () => sb.dispose());

async function outcome(bytes: Buffer): Promise<'accepted' | 'refused'> {
  const file = join(sb.inbox, 'tampered.qadpkg');
  await writeFile(file, bytes);
  try {
    const opened = await openPackage(file, openOptions(sb, [enterprise.trusted]));
    await opened.dispose();
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError && error.payload.code === 'refused') return 'refused';
    throw error;
  }
}

describe('single-byte tampering', () => {
  it('uses a package of 2–4 KB that is accepted untouched', async () => {
    expect(original.length).toBeGreaterThanOrEqual(2048);
    expect(original.length).toBeLessThanOrEqual(4096);
    expect(await outcome(original)).toBe('accepted');
  });

  // Three different replacement values per offset: the low bit, the high bit, and all bits.
  it.each([
    ['0x01', 0x01],
    ['0x80', 0x80],
    ['0xff', 0xff],
  ])('refuses every offset changed by xor %s', async (_label, mask) => {
    const accepted: number[] = [];
    for (let offset = 0; offset < original.length; offset++) {
      const bytes = Buffer.from(original);
      bytes[offset]! ^= mask;
      if ((await outcome(bytes)) === 'accepted') accepted.push(offset);
    }
    expect(accepted).toEqual([]);
    expect(await listTree(sb.staging)).toEqual([]);
  });
});
