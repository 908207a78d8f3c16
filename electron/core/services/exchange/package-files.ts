/** Small helpers shared by the package kinds: naming payload files, reading verified JSON payloads. */
import { readFileSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/errors';
import { checkEntryPath, type StagedFile, type VerifiedPackage } from '../../packages';
import { blobPath, storeBlob } from '../attachment-store';

/**
 * The path a file gets inside a package: its own name where the package rules allow it and no other
 * file took it (ignoring case), otherwise a name made from its hash. Names users give files can be
 * anything; the package may only contain names every receiving system can create.
 */
export function payloadPath(used: Set<string>, folder: string, fileName: string, sha256: string): string {
  const natural = `${folder}/${fileName}`;
  const key = (path: string) => path.normalize('NFC').toLowerCase();
  if (checkEntryPath(natural) === null && !used.has(key(natural))) {
    used.add(key(natural));
    return natural;
  }
  const extension = /^\.[A-Za-z0-9]{1,8}$/.test(extname(fileName)) ? extname(fileName).toLowerCase() : '';
  for (let n = 0; ; n++) {
    const candidate = `${folder}/${sha256.slice(0, 16)}${n === 0 ? '' : `-${n}`}${extension}`;
    if (!used.has(key(candidate))) {
      used.add(key(candidate));
      return candidate;
    }
  }
}

export function stagedFiles(pkg: VerifiedPackage): Map<string, StagedFile> {
  return new Map(pkg.files.map((file) => [file.path, file]));
}

/** A JSON payload file, parsed and checked; a missing or malformed one refuses the whole package. */
export function readPayload<S extends z.ZodType>(pkg: VerifiedPackage, path: string, schema: S): z.output<S> {
  const file = stagedFiles(pkg).get(path);
  if (!file) throw new AppError('refused', 'exchange.payload.missing', { path });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file.stagedPath, 'utf8'));
  } catch {
    throw new AppError('refused', 'exchange.payload.invalid', { path, detail: 'JSON' });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('refused', 'exchange.payload.invalid', { path, detail: issue ? `${issue.path.join('.')}: ${issue.code}` : 'schema' });
  }
  return parsed.data;
}

/** The staged body a payload entry names, which must be exactly the bytes it claims (size and SHA-256). */
export function stagedBody(pkg: VerifiedPackage, path: string, claimed: { sha256: string; size: number }): StagedFile {
  const file = stagedFiles(pkg).get(path);
  if (!file) throw new AppError('refused', 'exchange.payload.missing', { path });
  if (file.sha256 !== claimed.sha256 || file.size !== claimed.size) throw new AppError('refused', 'exchange.payload.bodyMismatch', { path });
  return file;
}

/**
 * Stores verified bodies content-addressed before the import's transaction (a body must exist before a
 * row names it), then runs `apply`. If `apply` refuses or fails, the bodies this call added are
 * removed again, so a refused import leaves no file behind; bodies that were already there stay.
 */
export function withStoredBodies<T>(filesDir: string, stagedPaths: readonly string[], apply: () => T): T {
  const added: string[] = [];
  try {
    for (const path of stagedPaths) {
      const { sha256, existed } = storeBlob(filesDir, readFileSync(path));
      if (!existed) added.push(sha256);
    }
    return apply();
  } catch (error) {
    for (const sha256 of added) rmSync(blobPath(filesDir, sha256), { force: true });
    throw error;
  }
}
