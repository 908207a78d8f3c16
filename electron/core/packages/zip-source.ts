/**
 * One open package file: a single file descriptor shared by yauzl (entries and data streams) and
 * by the raw reads of the layout checks, so both see the same bytes even if the path is replaced
 * while we read. yauzl owns the descriptor and closes it once every stream it handed out is done.
 */
import { close as closeFd, open as openFd, read as readFd } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type LocalFileHeader, type ZipFile } from 'yauzl';
import { LayoutError, type RawRead } from './zip-layout';

function openDescriptor(file: string): Promise<number> {
  return new Promise((resolve, reject) => openFd(file, 'r', (error, fd) => (error ? reject(error) : resolve(fd))));
}

function fromFd(fd: number): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false — we decode and judge names ourselves, so each problem gets its own message.
    yauzl.fromFd(fd, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    );
  });
}

export class ZipSource {
  private closed = false;
  /** Set when yauzl reported an error outside a pending call, so it is never an unhandled 'error' event. */
  private lateError: Error | undefined;

  private constructor(
    private readonly fd: number,
    readonly zip: ZipFile,
  ) {
    zip.on('error', (error: Error) => {
      this.lateError ??= error;
    });
  }

  /** Rejects with the fs error if the file cannot be opened, or yauzl's error if it is not a zip. */
  static async open(file: string): Promise<ZipSource> {
    const fd = await openDescriptor(file);
    try {
      return new ZipSource(fd, await fromFd(fd));
    } catch (error) {
      closeFd(fd, () => undefined);
      throw error;
    }
  }

  get fileSize(): number {
    return this.zip.fileSize;
  }

  get entryCount(): number {
    return this.zip.entryCount;
  }

  readonly read: RawRead = (position, length) =>
    new Promise((resolve, reject) => {
      if (position < 0 || position + length > this.fileSize) return reject(new LayoutError('read beyond end of file'));
      const buffer = Buffer.alloc(length);
      readFd(this.fd, buffer, 0, length, position, (error, bytesRead) => {
        if (error) reject(error);
        else if (bytesRead !== length) reject(new LayoutError('unexpected end of file'));
        else resolve(buffer);
      });
    });

  /** The next central directory entry, or null after the last one. */
  nextEntry(): Promise<Entry | null> {
    return new Promise((resolve, reject) => {
      if (this.lateError) return reject(this.lateError);
      const onEntry = (entry: Entry) => settle(() => resolve(entry));
      const onEnd = () => settle(() => resolve(null));
      const onError = (error: Error) => settle(() => reject(error));
      const settle = (action: () => void) => {
        this.zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
        action();
      };
      this.zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      this.zip.readEntry();
    });
  }

  localHeader(entry: Entry): Promise<LocalFileHeader> {
    return this.zip.readLocalFileHeaderPromise(entry);
  }

  openStream(entry: Entry): Promise<Readable> {
    return this.zip.openReadStreamPromise(entry);
  }

  /** Resolves once the descriptor is closed, which yauzl does after the last of its streams is finished or destroyed. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedEvent = new Promise<void>((resolve) => this.zip.once('close', () => resolve()));
    this.zip.close();
    // A stream we forgot to finish would hold the descriptor open forever; never hang the import on it.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closedEvent, new Promise<void>((resolve) => (timer = setTimeout(resolve, 10_000).unref()))]);
    clearTimeout(timer);
  }
}
