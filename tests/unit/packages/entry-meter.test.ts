import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EntryMeter } from '../../../electron/core/packages/entry-meter';
import { DEFAULT_PACKAGE_LIMITS, resolveLimits } from '../../../electron/core/packages/limits';

function chunks(count: number, size: number) {
  let produced = 0;
  return new Readable({
    read() {
      this.push(produced++ < count ? Buffer.alloc(size, produced) : null);
    },
  });
}

function sink() {
  let received = 0;
  const stream = new Writable({
    write(chunk: Buffer, _e, cb) {
      received += chunk.length;
      cb();
    },
  });
  return { stream, received: () => received };
}

describe('EntryMeter', () => {
  it('hashes, counts and computes the CRC of what passes through', async () => {
    const data = Buffer.from('质量奖 payload');
    const meter = new EntryMeter({ maxBytes: 100, onTooMany: () => new Error('too many') });
    await pipeline(Readable.from([data.subarray(0, 5), data.subarray(5)]), meter, sink().stream);
    expect(meter.count).toBe(data.length);
    expect(meter.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(meter.crc).toBe(crc32(data));
  });

  it('fails on the chunk that crosses the entry limit, so nothing beyond it is passed on', async () => {
    const out = sink();
    const meter = new EntryMeter({ maxBytes: 2500, onTooMany: (n) => new Error(`too many: ${n}`) });
    await expect(pipeline(chunks(1000, 1000), meter, out.stream)).rejects.toThrow('too many: 3000');
    expect(out.received()).toBeLessThanOrEqual(2000);
  });

  it('enforces a shared total across meters and the ratio of deflated data', async () => {
    const total = { counted: 0, max: 1500, onTooMany: () => new Error('total') };
    await pipeline(chunks(1, 1000), new EntryMeter({ maxBytes: 1e9, onTooMany: () => new Error('x'), total }), sink().stream);
    await expect(pipeline(chunks(1, 1000), new EntryMeter({ maxBytes: 1e9, onTooMany: () => new Error('x'), total }), sink().stream)).rejects.toThrow('total');
    const ratio = { compressedBytes: 10, max: 100, thresholdBytes: 500, onTooHigh: () => new Error('ratio') };
    await expect(pipeline(chunks(5, 300), new EntryMeter({ maxBytes: 1e9, onTooMany: () => new Error('x'), ratio }), sink().stream)).rejects.toThrow('ratio');
  });
});

describe('limits', () => {
  it('fills in defaults and refuses nonsense', () => {
    expect(resolveLimits({ maxEntries: 5 })).toEqual({ ...DEFAULT_PACKAGE_LIMITS, maxEntries: 5 });
    expect(() => resolveLimits({ maxTotalBytes: 0 })).toThrow(TypeError);
    expect(() => resolveLimits({ maxCompressionRatio: 1.5 })).toThrow(TypeError);
  });
});
