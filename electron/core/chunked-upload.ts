/**
 * A file that arrives in pieces, for hosts without an HTTP body to stream: the desktop shell receives a
 * dropped file from the sandboxed renderer this way (the renderer cannot learn its path, and main takes
 * paths only from its own dialogs). Each upload streams into the intake folder exactly as the browser
 * host's POST /upload does, with the same size limit and the same random upload id at the end.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { AppError } from '../../shared/api/errors';
import { receiveUpload, MAX_UPLOAD_BYTES, type ReceivedUpload } from './file-intake';

interface OpenUpload {
  stream: PassThrough;
  done: Promise<ReceivedUpload>;
  fileName: string;
  failure?: unknown;
}

/** At most this many uploads may be half-sent at once; a forgotten one is dropped when the next begins. */
export const MAX_OPEN_UPLOADS = 4;

export class ChunkedUploads {
  private readonly open = new Map<string, OpenUpload>();

  constructor(
    private readonly workspacePath: () => string,
    private readonly maxBytes = MAX_UPLOAD_BYTES,
  ) {}

  begin(fileName: string): { token: string } {
    while (this.open.size >= MAX_OPEN_UPLOADS) void this.abort(this.open.keys().next().value!);
    const token = randomBytes(16).toString('base64url');
    const stream = new PassThrough();
    const upload: OpenUpload = { stream, fileName, done: receiveUpload(this.workspacePath(), stream, { maxBytes: this.maxBytes, fileName }) };
    // Kept, not thrown: the next chunk or the end reports it.
    upload.done.catch((error: unknown) => (upload.failure = error));
    this.open.set(token, upload);
    return { token };
  }

  async write(token: string, bytes: Uint8Array): Promise<void> {
    const upload = this.get(token);
    if (upload.failure) throw this.fail(token, upload.failure);
    if (!upload.stream.write(bytes)) {
      await new Promise<void>((resolve) => {
        const settle = () => resolve();
        upload.stream.once('drain', settle);
        upload.done.then(settle, settle);
      });
    }
    if (upload.failure) throw this.fail(token, upload.failure);
  }

  async end(token: string): Promise<{ uploadId: string; fileName: string }> {
    const upload = this.get(token);
    upload.stream.end();
    try {
      const { uploadId } = await upload.done;
      return { uploadId, fileName: upload.fileName };
    } catch (error) {
      throw this.fail(token, error);
    } finally {
      this.open.delete(token);
    }
  }

  /** Drops a half-sent upload; resolves once the receiver has removed what was written. */
  abort(token: string): Promise<void> {
    const upload = this.open.get(token);
    if (!upload) return Promise.resolve();
    this.open.delete(token);
    upload.stream.destroy(new AppError('refused', 'exchange.upload.failed'));
    return upload.done.then(
      () => undefined,
      () => undefined,
    );
  }

  private get(token: string): OpenUpload {
    const upload = this.open.get(token);
    if (!upload) throw new AppError('notFound', 'exchange.upload.unknown');
    return upload;
  }

  private fail(token: string, error: unknown): AppError {
    this.open.delete(token);
    return error instanceof AppError ? error : new AppError('refused', 'exchange.upload.failed');
  }
}
