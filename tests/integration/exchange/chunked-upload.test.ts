/**
 * A dropped file in the desktop app arrives in pieces (electron/core/chunked-upload.ts, driven by main's
 * native.upload* channels). Here the pieces are a real submission package, sent the way the renderer
 * sends them, and the upload id that comes out is imported by the real office core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, ImportSummary } from '../../../shared/api/exchange';
import { ChunkedUploads, MAX_OPEN_UPLOADS } from '../../../electron/core/chunked-upload';
import { findUpload, intakeFolders } from '../../../electron/core/file-intake';
import { tempDir } from '../../helpers/workspace';
import { carry, completeApplication, makeEnterprise, makeOffice, office, ok, type Office } from './helpers';

const temp = tempDir('qad-chunked-');
let officeWs: Office;
let packageBytes: Buffer;

beforeAll(async () => {
  const enterprise = await makeEnterprise(join(temp.dir, 'enterprise'), 0);
  await completeApplication(enterprise, 0);
  const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
  packageBytes = readFileSync(carry(enterprise.core, download, join(temp.dir, 'usb'), 'submission.qadpkg'));
  enterprise.core.close();
  officeWs = await makeOffice(join(temp.dir, 'office'));
}, 120_000);
afterAll(() => {
  officeWs.core.close();
  temp.dispose();
});

const uploadsDir = () => intakeFolders(officeWs.core.workspace.path).uploads;
const leftovers = () => readdirSync(uploadsDir()).filter((name) => !name.endsWith('.name'));

async function send(uploads: ChunkedUploads, bytes: Buffer, chunk: number): Promise<{ uploadId: string; fileName: string }> {
  const { token } = uploads.begin('申报材料.qadpkg');
  for (let offset = 0; offset < bytes.length; offset += chunk) await uploads.write(token, new Uint8Array(bytes.subarray(offset, offset + chunk)));
  return uploads.end(token);
}

describe('a file that arrives in pieces', () => {
  it('becomes an upload the office imports like any other', async () => {
    const uploads = new ChunkedUploads(() => officeWs.core.workspace.path);
    const received = await send(uploads, packageBytes, 1000);
    expect(received.fileName).toBe('申报材料.qadpkg');
    expect(readFileSync(findUpload(officeWs.core.workspace.path, received.uploadId).path)).toEqual(packageBytes);
    const summary = await ok<ImportSummary>(officeWs.core.dispatch('exchange.import', { uploadId: received.uploadId }, office));
    expect(summary).toMatchObject({ outcome: 'imported', kind: 'submission', version: 1 });
  });

  it('stops at the size limit with the translated reason and keeps nothing', async () => {
    const uploads = new ChunkedUploads(() => officeWs.core.workspace.path, 4096);
    const before = leftovers();
    await expect(send(uploads, packageBytes, 1024)).rejects.toMatchObject({ payload: { key: 'exchange.upload.tooLarge', params: { limit: 4096 } } });
    expect(leftovers()).toEqual(before);
  });

  it('refuses unknown or finished tokens, and an aborted upload leaves no file', async () => {
    const uploads = new ChunkedUploads(() => officeWs.core.workspace.path);
    await expect(uploads.write('no-such-token', new Uint8Array([1]))).rejects.toMatchObject({ payload: { key: 'exchange.upload.unknown' } });
    const before = leftovers();
    const { token } = uploads.begin('half.qadpkg');
    await uploads.write(token, new Uint8Array(packageBytes.subarray(0, 2048)));
    await uploads.abort(token);
    expect(leftovers()).toEqual(before);
    await expect(uploads.end(token)).rejects.toMatchObject({ payload: { key: 'exchange.upload.unknown' } });
  });

  it(`keeps at most ${MAX_OPEN_UPLOADS} half-sent uploads, dropping the oldest`, async () => {
    const uploads = new ChunkedUploads(() => officeWs.core.workspace.path);
    const tokens = Array.from({ length: MAX_OPEN_UPLOADS + 1 }, (_, i) => uploads.begin(`${i}.qadpkg`).token);
    await expect(uploads.write(tokens[0]!, new Uint8Array([1]))).rejects.toMatchObject({ payload: { key: 'exchange.upload.unknown' } });
    await Promise.all(tokens.slice(1).map((token) => uploads.abort(token)));
    await expect.poll(() => leftovers()).toEqual([]);
  });
});
