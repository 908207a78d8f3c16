import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startHost, type Host } from '../../../electron/host/server';
import type { Core } from '../../../electron/core';
import { openTestCore, tempDir } from '../../helpers/workspace';

const temp = tempDir();
let core: Core;
let host: Host;

beforeAll(async () => {
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'TOP SECRET');
  symlinkSync(join(temp.dir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  core = openTestCore(temp.dir);
  host = await startHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
  temp.dispose();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so paths reach the server exactly as written (fetch would normalise `..`). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const port = Number(new URL(host.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const bearer = () => ({ Authorization: `Bearer ${host.token}` });
const rpc = (channel: string, body: unknown, headers: Record<string, string> = bearer()) =>
  raw(`/rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
  });

  it('answers 401 and touches nothing without this run’s token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/events']) expect((await raw(path)).status, path).toBe(401);
    expect((await rpc('cycles.create', { name: 'x', year: 2026 }, {})).status).toBe(401);
    expect((await rpc('cycles.create', { name: 'x', year: 2026 }, { Authorization: 'Bearer token-from-another-run' })).status).toBe(401);
    expect((await raw('/?token=token-from-another-run')).status).toBe(401);
    expect(core.db.prepare('SELECT count(*) AS n FROM cycles').get()).toEqual({ n: 0 });
  });

  it('swaps the launch token for an HttpOnly same-site cookie', async () => {
    const launch = await raw(`/?token=${encodeURIComponent(host.token)}`);
    expect(launch.status).toBe(302);
    const cookie = String(launch.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  it('serves RPC through the same dispatch, with status codes by error kind', async () => {
    const created = await rpc('cycles.create', { name: '<script>alert(1)</script> 中文', year: 2026 });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, data: { name: '<script>alert(1)</script> 中文' } });
    expect((await rpc('cycles.create', { name: '', year: 2026 })).status).toBe(400);
    expect((await rpc('no.such', {})).status).toBe(404);
    expect((await raw('/rpc/cycles.list', { method: 'POST', headers: { ...bearer(), 'Content-Type': 'application/json' }, body: '{broken' })).status).toBe(400);
    expect((await raw('/rpc/cycles.list', { method: 'POST', headers: { ...bearer(), 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await raw('/rpc/cycles.list', { headers: bearer() })).status).toBe(405);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/assets/link.txt', '/%00index.html', '/%E0%A4%A']) {
      const reply = await raw(path, { headers: bearer() });
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('TOP SECRET');
    }
    expect((await raw('/assets/app.js', { headers: bearer() })).status).toBe(200);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const reply = await raw('/', { headers: { ...bearer(), Host: 'evil.example:80' } });
    expect(reply.status).toBe(421);
  });
});
