import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeValue, encodeValue } from '../../../electron/core/maintenance/export-all';

/** What better-sqlite3 hands the exporter with safeIntegers on: every SQLite storage class. */
const sqliteValue = fc.oneof(
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.double({ noNaN: true }),
  fc.string(),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
);

describe('export value encoding', () => {
  it('survives JSON and decodes to the same value (integers exactly, at any size)', () => {
    fc.assert(
      fc.property(sqliteValue, (value) => {
        const decoded = decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));
        if (typeof value === 'bigint') expect(BigInt(decoded as bigint | number)).toBe(value);
        else if (typeof value === 'number') expect(decoded === value).toBe(true); // -0 comes back as 0, equal as a number
        else expect(decoded).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes safe integers as plain JSON numbers', () => {
    expect(encodeValue(42n)).toBe(42);
    expect(encodeValue(2n ** 53n)).toEqual({ $integer: '9007199254740992' });
    expect(encodeValue(Buffer.from('hi'))).toEqual({ $base64: 'aGk=' });
    expect(encodeValue(-Infinity)).toEqual({ $real: '-Infinity' });
  });
});
