import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../../../shared/api/errors';

/** Evidence is documents and pictures; anything executable or scriptable is refused outright. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.txt': 'text/plain',
};
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export function mediaTypeFor(fileName: string): string {
  const type = ATTACHMENT_TYPES[extname(fileName).toLowerCase()];
  if (!type) throw new AppError('validation', 'applicants.attachment.type', { fileName, allowed: Object.keys(ATTACHMENT_TYPES).join(' ') });
  return type;
}

/** Bodies live at <files>/<first two hex>/<sha256>; the name is the content, so a copy is never stored twice. */
export function blobPath(filesDir: string, sha256: string): string {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new AppError('internal', 'errors.internal');
  return join(filesDir, sha256.slice(0, 2), sha256);
}

/** Writes via a temporary file, fsync and rename, so a crash never leaves a half-written body under its hash. */
export function storeBlob(filesDir: string, bytes: Buffer): { sha256: string; existed: boolean } {
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('validation', 'applicants.attachment.tooLarge', { size: bytes.length, max: MAX_ATTACHMENT_BYTES });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = blobPath(filesDir, sha256);
  if (existsSync(target)) return { sha256, existed: true };
  mkdirSync(join(filesDir, sha256.slice(0, 2)), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  return { sha256, existed: false };
}

export function readBlob(filesDir: string, sha256: string): Buffer {
  const bytes = readFileSync(blobPath(filesDir, sha256));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('refused', 'applicants.attachment.corrupt', { sha256 });
  return bytes;
}
