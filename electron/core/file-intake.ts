/**
 * Files that cross between the user's disk and the core without the renderer ever naming a path.
 * Hosts put incoming bytes into `<workspace>.staging/uploads/<id>` (the browser host from a streamed
 * POST, Electron from the native open dialog) and hand the renderer only the random id; the core
 * writes outgoing files into `<workspace>.staging/downloads/<id>/<name>` and the renderer asks the
 * host to deliver that id (an HTTP download, or Electron's native save dialog). Ids are 128-bit
 * random and checked against a strict pattern, so an id can never reach outside these folders.
 * Anything older than a day is swept away.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/api/errors';
import { DEFAULT_PACKAGE_LIMITS } from './packages';

/** A package may unpack to maxTotalBytes; the zip's own records add a little on top. */
export const MAX_UPLOAD_BYTES = DEFAULT_PACKAGE_LIMITS.maxTotalBytes + 64 * 1024 * 1024;
export const INTAKE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export interface IntakeFolders {
  root: string;
  uploads: string;
  downloads: string;
  /** Where packages are unpacked while they are verified. */
  packages: string;
}

export function intakeFolders(workspacePath: string): IntakeFolders {
  const root = `${workspacePath}.staging`;
  return { root, uploads: join(root, 'uploads'), downloads: join(root, 'downloads'), packages: join(root, 'packages') };
}

export const isIntakeId = (id: unknown): id is string => typeof id === 'string' && ID_PATTERN.test(id);
const newId = () => randomBytes(16).toString('base64url');

export interface ReceivedUpload {
  uploadId: string;
  size: number;
}

/**
 * Streams `source` into a new upload file; stops on the chunk that crosses `maxBytes` and removes
 * what was written. The file is created with 'wx', so nothing existing is ever replaced.
 */
export async function receiveUpload(workspacePath: string, source: Readable, options: { maxBytes?: number; fileName?: string } = {}): Promise<ReceivedUpload> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  const { uploads } = intakeFolders(workspacePath);
  mkdirSync(uploads, { recursive: true });
  sweepIntake(workspacePath);
  const uploadId = newId();
  const target = join(uploads, uploadId);
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) callback(new AppError('refused', 'exchange.upload.tooLarge', { limit: maxBytes }));
      else callback(null, chunk);
    },
  });
  const out = createWriteStream(target, { flags: 'wx' });
  try {
    await pipeline(source, meter, out);
  } catch (error) {
    // A source that fails at once can beat the file's (asynchronous) opening: wait until the stream has
    // closed, or the file would be created after it was removed.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
    rmSync(target, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('refused', 'exchange.upload.failed');
  }
  // The original name is kept only for the history list; it never becomes a path.
  writeFileSync(`${target}.name`, safeFileName(options.fileName ?? 'package.qadpkg'), { flag: 'wx' });
  return { uploadId, size };
}

/** Electron: the file the user picked in the native dialog, copied in so the core never keeps its path. */
export function copyInUpload(workspacePath: string, file: string, maxBytes = MAX_UPLOAD_BYTES): Promise<ReceivedUpload> {
  return receiveUpload(workspacePath, createReadStream(file), { maxBytes, fileName: basename(file) });
}

/** The file behind an upload id, or a translated refusal when it is unknown or expired. */
export function findUpload(workspacePath: string, uploadId: string): { path: string; fileName: string } {
  const file = isIntakeId(uploadId) ? join(intakeFolders(workspacePath).uploads, uploadId) : undefined;
  if (!file || !existsSync(file)) throw new AppError('notFound', 'exchange.upload.unknown');
  let fileName = 'package.qadpkg';
  try {
    fileName = readFileSync(`${file}.name`, 'utf8');
  } catch {
    // A name is only for display.
  }
  return { path: file, fileName };
}

export function discardUpload(workspacePath: string, uploadId: string): void {
  if (!isIntakeId(uploadId)) return;
  const file = join(intakeFolders(workspacePath).uploads, uploadId);
  rmSync(file, { force: true });
  rmSync(`${file}.name`, { force: true });
}

/** A fresh folder for one outgoing file; the core writes `path`, the host later delivers it by id. */
export function reserveDownload(workspacePath: string, fileName: string): { downloadId: string; path: string } {
  const { downloads } = intakeFolders(workspacePath);
  sweepIntake(workspacePath);
  const downloadId = newId();
  const dir = join(downloads, downloadId);
  mkdirSync(dir, { recursive: true });
  return { downloadId, path: join(dir, safeFileName(fileName)) };
}

/** The produced file for an id, or undefined (unknown, expired, or not finished). */
export function findDownload(workspacePath: string, downloadId: string): { path: string; fileName: string; size: number } | undefined {
  if (!isIntakeId(downloadId)) return undefined;
  const dir = join(intakeFolders(workspacePath).downloads, downloadId);
  if (!existsSync(dir)) return undefined;
  // writePackage writes `<name>.<random>.partial` and renames it when complete.
  const name = readdirSync(dir).find((entry) => !entry.endsWith('.partial'));
  if (!name) return undefined;
  const path = join(dir, name);
  const stats = statSync(path);
  return stats.isFile() ? { path, fileName: name, size: stats.size } : undefined;
}

/** Removes uploads and downloads older than `maxAgeMs` (by modification time). */
export function sweepIntake(workspacePath: string, now = Date.now(), maxAgeMs = INTAKE_MAX_AGE_MS): void {
  const { uploads, downloads, packages } = intakeFolders(workspacePath);
  for (const dir of [uploads, downloads, packages]) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      try {
        if (now - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
      } catch {
        // Another sweep got there first, or a virus scanner holds the file: try again next time.
      }
    }
  }
}

/** A name that is safe as one path segment on every platform; the package itself is named by the core. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .slice(0, 150);
  return cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned) ? `file-${cleaned || 'package'}` : cleaned;
}
