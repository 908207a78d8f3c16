/**
 * Sits between an entry's data stream and wherever the bytes go, counting, hashing and enforcing
 * limits on the bytes that really arrive. Zip headers can lie about sizes; this cannot, and it
 * fails on the chunk that crosses a limit, so a bomb never gets further than one chunk past it.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { crc32 } from 'node:zlib';

export interface MeterLimits {
  /** Most bytes this entry may produce. */
  maxBytes: number;
  /** Error to fail with when maxBytes is passed. */
  onTooMany: (count: number) => Error;
  /** A shared running total across entries, with its own limit. */
  total?: { counted: number; max: number; onTooMany: () => Error };
  /** Compression ratio check for deflated entries. */
  ratio?: { compressedBytes: number; max: number; thresholdBytes: number; onTooHigh: () => Error };
}

export class EntryMeter extends Transform {
  count = 0;
  crc = 0;
  private readonly hash: Hash = createHash('sha256');
  private digest: string | undefined;

  constructor(private readonly limits: MeterLimits) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    const { maxBytes, total, ratio } = this.limits;
    if (this.count > maxBytes) return callback(this.limits.onTooMany(this.count));
    if (total) {
      total.counted += chunk.length;
      if (total.counted > total.max) return callback(total.onTooMany());
    }
    if (ratio && this.count > ratio.thresholdBytes && this.count > ratio.compressedBytes * ratio.max) return callback(ratio.onTooHigh());
    this.hash.update(chunk);
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }
}
