import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { startHost, type Host } from '../../../electron/host/server';
import type { Core } from '../../../electron/core';
import { openTestCore, tempDir } from '../../helpers/workspace';
import { cli, snapshot } from '../reliability/helpers';

const SECRET = 'TOP SECRET outside the renderer folder';
const temp = tempDir('award-desk-host-hostile-');
const rendererDir = join(temp.dir, 'app', 'renderer');
let core: Core;
let host: Host;
let otherCore: Core;
let otherRun: Host;
/** The bodies the renderer folder may legitimately serve; any 200 must be one of them. */
const servable = new Set<string>();

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets', 'deep'), { recursive: true });
  const files: Record<string, string> = { 'index.html': '<!doctype html><title>app</title>', 'assets/app.js': 'console.log(1)', 'assets/deep/x.css': 'body{}' };
  for (const [path, body] of Object.entries(files)) {
    writeFileSync(join(rendererDir, path), body);
    servable.add(body);
  }
  // Secrets one, two and three levels up, and a sibling folder whose name starts like the renderer's.
  writeFileSync(join(temp.dir, 'app', 'secret.txt'), SECRET);
  writeFileSync(join(temp.dir, 'secret.txt'), SECRET);
  mkdirSync(join(temp.dir, 'app', 'renderer-private'));
  writeFileSync(join(temp.dir, 'app', 'renderer-private', 'secret.txt'), SECRET);
  mkdirSync(join(temp.dir, 'ws'));
  mkdirSync(join(temp.dir, 'other'));
  core = openTestCore(join(temp.dir, 'ws'));
  host = await startHost({ core, rendererDir });
  otherCore = openTestCore(join(temp.dir, 'other'));
  otherRun = await startHost({ core: otherCore, rendererDir });
});
afterAll(async () => {
  await host.close();
  await otherRun.close();
  core.close();
  otherCore.close();
  temp.dispose();
});

interface Reply {
  status: number;
  body: string;
}

/** Raw HTTP: the path reaches the server exactly as written (fetch and URL would normalise it). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Reply> {
  const port = Number(new URL(host.url).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, agent: false, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const bearer = (token = host.token) => ({ Authorization: `Bearer ${token}` });
const cycles = () => (core.db.prepare('SELECT count(*) AS n FROM cycles').get() as { n: number }).n;

describe('browser host: tokens', () => {
  it('answers 401 to every request without a token, for every path and method', async () => {
    const before = snapshot(join(temp.dir, 'ws'));
    for (const [path, method] of [['/', 'GET'], ['/index.html', 'GET'], ['/assets/app.js', 'HEAD'], ['/events', 'GET'], ['/rpc/cycles.create', 'POST'], ['/upload', 'POST'], ['/download/abc', 'GET'], ['/?token=', 'GET']] as const) {
      expect((await raw(path, { 'Content-Type': 'application/json' }, method, method === 'POST' ? '{"name":"x","year":2026}' : undefined)).status, `${method} ${path}`).toBe(401);
    }
    expect(cycles()).toBe(0);
    expect(snapshot(join(temp.dir, 'ws'))).toEqual(before);
  });

  it('answers 401 to the token of another run, as header, cookie or launch link — and the other run accepts it', async () => {
    const foreign = otherRun.token;
    expect(foreign).not.toBe(host.token);
    expect((await raw('/rpc/cycles.create', { ...bearer(foreign), 'Content-Type': 'application/json' }, 'POST', '{"name":"x","year":2026}')).status).toBe(401);
    expect((await raw('/', { Cookie: `award_desk_token=${foreign}` })).status).toBe(401);
    expect((await raw(`/?token=${encodeURIComponent(foreign)}`)).status).toBe(401);
    expect(cycles()).toBe(0);
    const port = Number(new URL(otherRun.url).port);
    const accepted = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, agent: false, path: '/index.html', headers: { Host: `127.0.0.1:${port}`, ...bearer(foreign) } }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(accepted).toBe(200);
  });

  it('answers 401 to any generated token but this run’s: near misses, prefixes, padding, other schemes', async () => {
    const real = host.token;
    const nearMisses = fc.oneof(
      // Printable ASCII: what an HTTP header can carry at all (Node refuses to send the rest).
      fc.string({ unit: 'grapheme-ascii', maxLength: 80 }),
      fc.nat({ max: real.length - 1 }).map((n) => real.slice(0, n)),
      fc.tuple(fc.nat({ max: real.length - 1 }), fc.constantFrom('A', 'b', '-', '_', '0')).map(([i, c]) => real.slice(0, i) + (real[i] === c ? 'Z' : c) + real.slice(i + 1)),
      fc.constantFrom(`${real} `, ` ${real}`, `${real}=`, real.toUpperCase(), real.toLowerCase(), `${real}${real}`, encodeURIComponent(`${real}\n`)),
    );
    await fc.assert(
      fc.asyncProperty(nearMisses, fc.constantFrom('bearer', 'cookie', 'query'), async (token, via) => {
        fc.pre(token !== real && token.trim() !== real);
        const reply =
          via === 'bearer'
            ? await raw('/index.html', { Authorization: `Bearer ${token}` })
            : via === 'cookie'
              ? await raw('/index.html', { Cookie: `award_desk_token=${token.replace(/[;\s]/g, '')}` })
              : await raw(`/?token=${encodeURIComponent(token)}`);
        expect(reply.status, `${via} ${JSON.stringify(token)}`).toBe(401);
      }),
      { numRuns: 300 },
    );
    for (const header of [`bearer ${real}`, `Basic ${real}`, `Bearer  ${real}`, real]) expect((await raw('/index.html', { Authorization: header })).status, header).toBe(401);
    expect((await raw('/index.html', bearer())).status).toBe(200);
  });
});

describe('browser host: paths never leave the renderer folder', () => {
  const known = [
    '/../secret.txt', '/../../secret.txt', '/assets/../../secret.txt', '/assets/deep/../../../secret.txt',
    '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/secret.txt', '/.%2e/secret.txt', '/%2e./secret.txt',
    '/%2e%2e%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%2e%2e%2F%2e%2e%2Fsecret.txt',
    '/%252e%252e/secret.txt', '/%252e%252e%252fsecret.txt', '/%25252e%25252e/secret.txt',
    '/..%5csecret.txt', '/..\\secret.txt', '/%5c..%5c..%5csecret.txt', '/assets\\..\\..\\secret.txt',
    '/%c0%ae%c0%ae/secret.txt', '/%e0%80%ae%e0%80%ae/secret.txt', '/..%c0%afsecret.txt',
    '/..%00/secret.txt', '/secret.txt%00.html', '/%00', '/../renderer-private/secret.txt',
    '/%2fetc%2fpasswd', '/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/%E0%A4%A',
  ];

  /** Targets the URL parser cannot read, or reads as another authority (`/\\..` is `//..`): malformed requests. */
  const malformed = ['//etc/passwd', '/\\..', '/\\', '/\\%5c', '//..', '/\\..\\secret.txt', '//%2e%2e/secret.txt', '/\\%00', '//'];
  const readsAsAuthority = (path: string) => /^\/[/\\]/.test(path);

  it('answers 400 to a request target that is not a path on this host, after the token check', async () => {
    for (const path of malformed) {
      const reply = await raw(path, bearer());
      expect(reply.status, path).toBe(400);
      expect(reply.body, path).not.toContain('SECRET');
      expect((await raw(path)).status, `${path} without a token`).toBe(401);
    }
  });

  it('answers 400 to a channel name with bad percent-encoding, touching nothing', async () => {
    const before = snapshot(join(temp.dir, 'ws'));
    for (const path of ['/rpc/%E0%A4%A', '/rpc/cycles.create%', '/rpc/cycles%2', '/rpc/%c0']) {
      const reply = await raw(path, { ...bearer(), 'Content-Type': 'application/json' }, 'POST', '{"name":"x","year":2026}');
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.body), path).toMatchObject({ ok: false, error: { code: 'validation', key: 'errors.validation' } });
    }
    expect(cycles()).toBe(0);
    expect(snapshot(join(temp.dir, 'ws'))).toEqual(before);
  });

  it('answers 404 to known traversal tricks and never returns a secret', async () => {
    for (const path of known) {
      const reply = await raw(path, bearer());
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain('SECRET');
      expect(reply.body, path).not.toContain('root:');
    }
    expect((await raw('/assets/deep/x.css', bearer())).status).toBe(200);
  });

  it('serves only files of the renderer folder for any generated path (dots, encoded slashes, double encoding, backslashes)', async () => {
    const segment = fc.constantFrom(
      '..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e.', '%252e%252e', '%25252e%25252e', '%2f', '%2F', '%252f', '%5c', '%5C', '%255c', '\\', '..\\', '%00',
      '%c0%ae', '%c0%af', 'assets', 'deep', 'secret.txt', 'index.html', 'app.js', 'x.css', 'renderer', 'renderer-private', 'app', 'etc', 'passwd', '',
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 8 }), fc.constantFrom('/', '%2f', '%5c', '\\'), async (segments, separator) => {
        const path = `/${segments.join(separator)}`;
        const reply = await raw(path, bearer());
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        // Only the renderer's own files ever come back; anything else is not found, or malformed when it reads as `//host`.
        if (readsAsAuthority(path)) expect(reply.status, path).toBe(400);
        else if (reply.status === 200) expect(servable.has(reply.body), `${path} served ${JSON.stringify(reply.body.slice(0, 60))}`).toBe(true);
        else expect(reply.status, path).toBe(404);
        expect(reply.body, path).not.toContain('SECRET');
      }),
      { numRuns: 1000 },
    );
    expect((await raw('/index.html', bearer())).status).toBe(200);
    console.log(`path fuzz: 1000 generated paths, answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});

describe('browser host: listens on 127.0.0.1 only', () => {
  /** Resolves to true when a TCP connection to address:port is accepted. */
  function accepts(address: string, port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = connect({ host: address, port, timeout: 2000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.once('timeout', () => {
        socket.destroy();
        resolve(false);
      });
    });
  }

  /** A port nobody listens on right now (the kernel picks it, then it is released). */
  function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
  }

  /** Every address of this machine but 127.0.0.1 itself (link-local IPv6 needs a scope and is left out). */
  const otherAddresses = () => [
    '127.0.0.2',
    '::1',
    ...Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && entry.address !== '127.0.0.1' && !entry.address.startsWith('fe80'))
      .map((entry) => entry!.address),
  ];

  it('the in-process host: bound to 127.0.0.1, refused on every other address of the machine', async () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    const port = Number(new URL(host.url).port);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    for (const address of [...new Set(otherAddresses())]) expect(await accepts(address, port), address).toBe(false);
  });

  it('`award-desk serve` (the built CLI) does the same, also with --port', async () => {
    const workspace = join(temp.dir, 'cli-serve.sqlite');
    let child: ChildProcess | undefined;
    try {
      const asked = await freePort();
      child = spawn(process.execPath, [cli, 'serve', '--workspace', workspace, '--port', String(asked), '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk;
          const found = /http:\/\/[^\s]+/.exec(out);
          if (found) resolve(found[0]);
        });
        child!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const parsed = new URL(url);
      expect(parsed.hostname).toBe('127.0.0.1');
      const port = Number(parsed.port);
      expect(port).toBe(asked);
      expect(await accepts('127.0.0.1', port)).toBe(true);
      for (const address of [...new Set(otherAddresses())]) expect(await accepts(address, port), address).toBe(false);
      expect(readFileSync(workspace).length).toBeGreaterThan(0);
    } finally {
      child?.kill('SIGTERM');
    }
  }, 60_000);
});
