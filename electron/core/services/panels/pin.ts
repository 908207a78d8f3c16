import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt with a per-expert salt; a PIN of 4–12 digits is weak, so the work factor is what protects it. */
const KEY_LENGTH = 32;
const OPTIONS: ScryptOptions = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, OPTIONS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string): Promise<{ salt: Buffer; hash: Buffer }> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(pin, salt) };
}

/** Constant-time comparison of the derived keys. */
export async function verifyPin(pin: string, salt: Buffer, hash: Buffer): Promise<boolean> {
  const candidate = await derive(pin, salt);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}
