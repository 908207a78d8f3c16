import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { Core } from '../core';
import { findDownload, MAX_UPLOAD_BYTES, receiveUpload } from '../core/file-intake';
import { AppError } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security-policy';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted POST /upload body (default: file-intake's MAX_UPLOAD_BYTES). */
  maxUploadBytes?: number;
}

export interface Host {
  server: Server;
  url: string;
  /** The address to open: carries the token once, then the cookie takes over. */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'award_desk_token';
const MAX_BODY = 8 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/**
 * The browser host: the same core behind a loopback HTTP server. Every request must carry this run's
 * token (cookie, or a Bearer header for scripts); without it the answer is 401 and nothing is touched.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = realpathSync(options.rendererDir);
  const eventClients = new Set<ServerResponse>();
  const unsubscribe = options.core.onAny((event, payload) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of eventClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const port = (server.address() as { port: number }).port;
    if (!isLoopbackHost(req.headers.host, port)) return send(res, 421, 'text/plain', 'misdirected request');
    const url = requestUrl(req.url, port);

    if (url && req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, 'text/plain', 'unauthorized');
      res.setHeader('Set-Cookie', `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(302, { Location: '/' });
      return void res.end();
    }
    if (!sameToken(presentedToken(req), token)) return send(res, 401, 'text/plain', 'unauthorized');
    // Only after the token: a stranger learns nothing, not even that the path was malformed.
    if (!url) return send(res, 400, 'text/plain', 'bad request');

    if (url.pathname.startsWith('/rpc/')) return rpc(req, res, url.pathname.slice('/rpc/'.length));
    if (url.pathname === '/upload') return upload(req, res);
    if (url.pathname.startsWith('/download/')) return download(req, res, url.pathname.slice('/download/'.length));
    if (req.method === 'GET' && url.pathname === '/events') return events(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed');
    return serveStatic(res, url.pathname);
  }

  async function rpc(req: IncomingMessage, res: ServerResponse, encodedChannel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain', 'json only');
    const channel = decodeOnce(encodedChannel);
    if (channel === undefined) {
      return sendJson(res, 400, { ok: false, error: { code: 'validation', key: 'errors.validation', fields: [{ path: '(channel)', key: 'errors.field.invalidType' }] } });
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)) || '{}');
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'validation', key: 'errors.validation', fields: [{ path: '(input)', key: 'errors.field.invalidType' }] } });
    }
    const envelope = await options.core.dispatch(channel, body, { actor: 'office' });
    const status = envelope.ok ? 200 : statusFor(envelope.error.code);
    return sendJson(res, status, envelope);
  }

  /**
   * The body streams into the current workspace's intake folder and only a random id comes back.
   * `application/octet-stream` is not a CORS-safelisted type, so another page (even another port on
   * 127.0.0.1, which SameSite treats as the same site) cannot send it without a refused preflight.
   */
  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'method not allowed');
    if (!sameOriginFetch(req)) return send(res, 403, 'text/plain', 'forbidden');
    if (req.headers['content-type'] !== 'application/octet-stream') return send(res, 415, 'text/plain', 'octet-stream only');
    const limit = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, { ok: false, error: new AppError('refused', 'exchange.upload.tooLarge', { limit }).payload });
    }
    let fileName: string | undefined;
    try {
      fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? '')) || undefined;
    } catch {
      fileName = undefined;
    }
    try {
      const { uploadId, size } = await receiveUpload(options.core.workspace.path, req, { maxBytes: limit, ...(fileName ? { fileName } : {}) });
      return sendJson(res, 200, { ok: true, data: { uploadId, fileName: fileName ?? '', size } });
    } catch (error) {
      const payload = error instanceof AppError ? error.payload : { code: 'internal' as const, key: 'errors.internal' };
      if (!res.headersSent && !res.destroyed) sendJson(res, payload.key === 'exchange.upload.tooLarge' ? 413 : 500, { ok: false, error: payload });
    }
  }

  /** A file the core produced (an exported package), by the id the channel returned. */
  function download(req: IncomingMessage, res: ServerResponse, id: string): void {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (!sameOriginFetch(req)) return send(res, 403, 'text/plain', 'forbidden');
    const found = findDownload(options.core.workspace.path, id);
    if (!found) return send(res, 404, 'text/plain', 'not found');
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': found.size,
      'Content-Disposition': contentDisposition(found.fileName),
      'Cache-Control': 'no-store',
    });
    createReadStream(found.path).pipe(res);
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    eventClients.add(res);
    req.on('close', () => eventClients.delete(res));
  }

  function serveStatic(res: ServerResponse, pathname: string): void {
    const file = resolveInside(rendererRoot, pathname === '/' ? '/index.html' : pathname);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600',
      ...(file.endsWith('.html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    server,
    url,
    launchUrl: `${url}?token=${encodeURIComponent(token)}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of eventClients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Maps a URL path to a file strictly inside the renderer folder. Decoding happens once, and the
 * resolved real path must still start with the root, so `..`, `%2e%2e`, encoded slashes and symlinks
 * pointing outside all end as 404.
 */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  const candidate = join(root, ...segments);
  try {
    const real = realpathSync(candidate);
    if (real !== root && !real.startsWith(root + sep)) return undefined;
    return statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function presentedToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  const cookies = req.headers.cookie?.split(';').map((part) => part.trim()) ?? [];
  return cookies.find((part) => part.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
}

/** Browsers say where a request comes from; scripts and older browsers say nothing, which the token already covers. */
function sameOriginFetch(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (exported packages are named after organisations, often in Chinese). */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function sameToken(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request target as a URL on this host, or undefined when it is not one: a target the URL parser
 * cannot read (`/\`) or reads as another authority (`//x/…`, `/\..`, which it takes for `//..`)
 * is a malformed request (400), not a path to look up.
 */
function requestUrl(target: string | undefined, port: number): URL | undefined {
  const origin = `http://127.0.0.1:${port}`;
  try {
    const url = new URL(target ?? '/', origin);
    return url.origin === origin ? url : undefined;
  } catch {
    return undefined;
  }
}

function decodeOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Refuses DNS-rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host header. */
function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function statusFor(code: string): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'unknownChannel':
    case 'notFound':
      return 404;
    case 'conflict':
    case 'refused':
      return 409;
    case 'forbidden':
      return 403;
    case 'unauthorized':
      return 401;
    default:
      return 500;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8` });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}
