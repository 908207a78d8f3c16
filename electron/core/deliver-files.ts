/**
 * What the desktop shell does with files the user asked for, kept out of Electron so it runs and is
 * tested under Node: a copy of an evidence file for the system viewer, and a batch of printed PDFs
 * unpacked into a folder the user chose. Neither ever overwrites a file that is already there.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { extname, join, parse } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../shared/api/errors';
import { checkAttachmentContent } from './services/applications-content';
import { findDownload, safeFileName } from './file-intake';

/** Kinds the system viewer may open: documents and pictures, never anything that runs. */
export const VIEWABLE_EXTENSIONS = new Set(['.pdf', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.doc', '.docx', '.xls', '.xlsx', '.ppt', '.pptx', '.odt', '.ods', '.txt']);

/**
 * Writes a read-only copy of an attachment into a fresh folder under `viewerDir` and returns its path,
 * for the host to hand to the system viewer. Refused for any other kind of file, and for content that
 * is not what its name says (the same check as when it was added).
 */
export function writeViewerCopy(viewerDir: string, fileName: string, bytes: Buffer): string {
  const name = safeFileName(fileName);
  if (!VIEWABLE_EXTENSIONS.has(extname(name).toLowerCase())) throw new AppError('refused', 'applicants.attachment.notViewable', { fileName: name });
  checkAttachmentContent(name, bytes);
  const dir = join(viewerDir, randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes, { mode: 0o444, flag: 'wx' });
  return path;
}

/** `name`, or `name (2)`, `name (3)`… : the first that does not exist in `folder`. */
export function freeName(folder: string, name: string): string {
  const { name: stem, ext } = parse(name);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}

/**
 * Puts a finished download into `folder`: a .zip of per-applicant PDFs (what batch printing makes) is
 * unpacked there, one file per entry; any other file is copied as it is. Returns the names written.
 */
export async function deliverDownloadToFolder(workspacePath: string, downloadId: string, folder: string): Promise<string[]> {
  const found = findDownload(workspacePath, downloadId);
  if (!found) throw new AppError('notFound', 'exchange.download.unknown');
  mkdirSync(folder, { recursive: true });
  if (extname(found.fileName).toLowerCase() !== '.zip') {
    const name = freeName(folder, safeFileName(found.fileName));
    await pipeline(createReadStream(found.path), createWriteStream(join(folder, name), { flags: 'wx' }));
    return [name];
  }
  const written: string[] = [];
  await new Promise<void>((resolve, reject) => {
    yauzl.open(found.path, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (openError, zip) => {
      if (openError) return reject(openError);
      const fail = (error: unknown) => {
        zip.close();
        reject(error);
      };
      zip.on('error', fail);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          const name = freeName(folder, safeFileName(entry.fileName));
          pipeline(stream, createWriteStream(join(folder, name), { flags: 'wx' })).then(() => {
            written.push(name);
            zip.readEntry();
          }, fail);
        });
      });
      zip.readEntry();
    });
  });
  return written;
}
