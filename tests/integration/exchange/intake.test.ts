import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startHost, type Host } from '../../../electron/host/server';
import type { Core } from '../../../electron/core';
import { findDownload, findUpload, intakeFolders, receiveUpload, reserveDownload, safeFileName, sweepIntake } from '../../../electron/core/file-intake';
import { openTestCore, tempDir } from '../../helpers/workspace';
import { dump } from './helpers';

const temp = tempDir('qad-intake-');
let core: Core;
let host: Host;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  core = openTestCore(temp.dir);
  host = await startHost({ core, rendererDir, maxUploadBytes: LIMIT });
});
afterAll(async () => {
  await host.close();
  core.close();
  temp.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Reply> {
  const port = Number(new URL(host.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}` });
const octets = { 'Content-Type': 'application/octet-stream' };

describe('browser host file intake', () => {
  it('streams an upload into the workspace intake folder and answers with an id only', async () => {
    const body = Buffer.from('package bytes 包');
    const reply = await raw('/upload', { method: 'POST', headers: { ...auth(), ...octets, 'X-File-Name': encodeURIComponent('申报包.qadpkg') }, body });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body.toString()) as { ok: true; data: { uploadId: string; fileName: string; size: number } };
    expect(envelope.data).toMatchObject({ fileName: '申报包.qadpkg', size: body.length });
    expect(envelope.data.uploadId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.stringify(envelope)).not.toContain(temp.dir);
    const stored = findUpload(core.workspace.path, envelope.data.uploadId);
    expect(readFileSync(stored.path)).toEqual(body);
    expect(stored.fileName).toBe('申报包.qadpkg');
  });

  it('refuses uploads without the token, of the wrong type, from another site, or over the limit', async () => {
    const before = readdirSync(intakeFolders(core.workspace.path).uploads).sort();
    expect((await raw('/upload', { method: 'POST', headers: octets, body: Buffer.from('x') })).status).toBe(401);
    expect((await raw('/upload', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: Buffer.from('x') })).status).toBe(415);
    expect((await raw('/upload', { method: 'POST', headers: { ...auth(), ...octets, 'Sec-Fetch-Site': 'same-site' }, body: Buffer.from('x') })).status).toBe(403);
    expect((await raw('/upload', { method: 'GET', headers: auth() })).status).toBe(405);
    const big = await raw('/upload', { method: 'POST', headers: { ...auth(), ...octets }, body: Buffer.alloc(LIMIT + 1) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body.toString())).toMatchObject({ ok: false, error: { key: 'exchange.upload.tooLarge', params: { limit: LIMIT } } });
    expect(readdirSync(intakeFolders(core.workspace.path).uploads).sort()).toEqual(before);
  });

  it('stops a streamed upload at the limit and keeps nothing of it', async () => {
    const source = Readable.from((function* () {
      for (let i = 0; i < 10; i++) yield Buffer.alloc(LIMIT / 4);
    })());
    const before = readdirSync(intakeFolders(core.workspace.path).uploads).sort();
    await expect(receiveUpload(core.workspace.path, source, { maxBytes: LIMIT })).rejects.toMatchObject({ payload: { key: 'exchange.upload.tooLarge' } });
    expect(readdirSync(intakeFolders(core.workspace.path).uploads).sort()).toEqual(before);
  });

  it('delivers a produced file by its id with its UTF-8 name, and nothing else', async () => {
    const slot = reserveDownload(core.workspace.path, '福建闽江-submission-1.qadpkg');
    writeFileSync(slot.path, 'signed package');
    const reply = await raw(`/download/${slot.downloadId}`, { headers: auth() });
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe('signed package');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="____-submission-1.qadpkg"; filename*=UTF-8''${encodeURIComponent('福建闽江-submission-1.qadpkg')}`);
    expect((await raw(`/download/${slot.downloadId}`)).status).toBe(401);
    expect((await raw(`/download/${slot.downloadId}`, { headers: { ...auth(), 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAA', '..%2F..%2Foffice.sqlite', '..%2Fuploads', 'x'.repeat(22)]) {
      expect((await raw(`/download/${id}`, { headers: auth() })).status, id).toBe(404);
    }
  });

  it('an import refused by the core answers through /rpc with the translated key and changes nothing', async () => {
    const id = JSON.parse((await raw('/upload', { method: 'POST', headers: { ...auth(), ...octets }, body: Buffer.from('not a zip') })).body.toString()).data.uploadId as string;
    const before = dump(core.db);
    const reply = await raw('/rpc/exchange.import', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify({ uploadId: id })) });
    expect(reply.status).toBe(409);
    expect(JSON.parse(reply.body.toString())).toMatchObject({ ok: false, error: { code: 'refused', key: 'packages.refused.corruptArchive' } });
    expect(dump(core.db)).toEqual(before);
    expect(() => findUpload(core.workspace.path, id)).toThrow();
  });

  it('sweeps uploads and downloads older than a day', () => {
    const { uploadId } = { uploadId: readdirSync(intakeFolders(core.workspace.path).uploads).find((name) => !name.endsWith('.name'))! };
    const slot = reserveDownload(core.workspace.path, 'old.qadpkg');
    writeFileSync(slot.path, 'x');
    const old = new Date(Date.now() - 25 * 60 * 60 * 1000);
    utimesSync(join(intakeFolders(core.workspace.path).uploads, uploadId), old, old);
    utimesSync(join(intakeFolders(core.workspace.path).downloads, slot.downloadId), old, old);
    sweepIntake(core.workspace.path);
    expect(existsSync(join(intakeFolders(core.workspace.path).uploads, uploadId))).toBe(false);
    expect(findDownload(core.workspace.path, slot.downloadId)).toBeUndefined();
  });

  it('makes safe single-segment names', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a:b*c?.qadpkg')).toBe('a_b_c_.qadpkg');
    expect(safeFileName('CON.qadpkg')).toBe('file-CON.qadpkg');
    expect(safeFileName('name. ')).toBe('name');
  });
});
