import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createWorkspaceKeyPair,
  keyFingerprint,
  keyIdOf,
  loadPrivateKey,
  loadPublicKey,
  rawPublicKey,
  signBytes,
  verifyBytes,
} from '../../../electron/core/packages/keys';

describe('workspace keys', () => {
  it('gives the same key in PEM and raw form, with key id = sha256(raw public key)[0..32)', () => {
    const pair = createWorkspaceKeyPair();
    expect(pair.publicKeyRaw).toHaveLength(32);
    expect(pair.privateKeyRaw).toHaveLength(32);
    expect(pair.keyId).toBe(createHash('sha256').update(pair.publicKeyRaw).digest('hex').slice(0, 32));
    expect(keyIdOf(pair.publicKeyPem)).toBe(pair.keyId);
    expect(keyIdOf(loadPrivateKey(pair.privateKeyRaw))).toBe(pair.keyId);
    expect(rawPublicKey(pair.publicKeyPem).equals(pair.publicKeyRaw)).toBe(true);
    expect(loadPublicKey(pair.publicKeyRaw).export({ format: 'pem', type: 'spki' })).toBe(pair.publicKeyPem);
  });

  it('signs with either private key form and verifies with either public key form', () => {
    const pair = createWorkspaceKeyPair();
    const data = Buffer.from('manifest bytes');
    const signature = signBytes(data, pair.privateKeyRaw);
    expect(signature.equals(signBytes(data, pair.privateKeyPem))).toBe(true); // Ed25519 is deterministic
    expect(verifyBytes(data, signature, pair.publicKeyPem)).toBe(true);
    expect(verifyBytes(data, signature, pair.publicKeyRaw)).toBe(true);
  });

  it('rejects another key, changed data, and malformed signatures', () => {
    const pair = createWorkspaceKeyPair();
    const other = createWorkspaceKeyPair();
    const data = Buffer.from('manifest bytes');
    const signature = signBytes(data, pair.privateKeyPem);
    expect(verifyBytes(data, signature, other.publicKeyRaw)).toBe(false);
    expect(verifyBytes(Buffer.from('manifest bytez'), signature, pair.publicKeyRaw)).toBe(false);
    expect(verifyBytes(data, signature.subarray(1), pair.publicKeyRaw)).toBe(false);
    expect(verifyBytes(data, Buffer.alloc(64), pair.publicKeyRaw)).toBe(false);
    for (let i = 0; i < 64; i++) {
      const flipped = Buffer.from(signature);
      flipped[i]! ^= 1;
      expect(verifyBytes(data, flipped, pair.publicKeyRaw)).toBe(false);
    }
  });

  it('refuses keys that are not Ed25519 or have the wrong length', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => loadPublicKey(rsa.publicKey)).toThrow(/Ed25519/);
    expect(() => loadPrivateKey(rsa.privateKey)).toThrow(/Ed25519/);
    expect(() => loadPublicKey(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => loadPrivateKey(createWorkspaceKeyPair().publicKeyPem)).toThrow();
  });

  it('groups a key id for reading aloud', () => {
    expect(keyFingerprint('0123456789abcdef0123456789abcdef')).toBe('0123-4567-89ab-cdef-0123-4567-89ab-cdef');
  });
});
