/**
 * Workspace signing keys: Ed25519 through node:crypto. A key is identified by the SHA-256 of its
 * raw 32-byte public key (hex, first 32 characters), so the id can be recomputed from the key that
 * a manifest carries and never has to be trusted on its own.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export interface WorkspaceKeyPair {
  keyId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  /** 32 bytes. */
  publicKeyRaw: Buffer;
  /** The 32-byte seed. */
  privateKeyRaw: Buffer;
}

/** A public key as PEM (SPKI), raw 32 bytes, or a KeyObject. */
export type PublicKeyInput = KeyObject | string | Uint8Array;
/** A private key as PEM (PKCS#8), raw 32-byte seed, or a KeyObject. */
export type PrivateKeyInput = KeyObject | string | Uint8Array;

export const SIGNATURE_BYTES = 64;
const RAW_KEY_BYTES = 32;
// DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 8410), before the 32 key bytes.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function createWorkspaceKeyPair(): WorkspaceKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyRaw = rawPublicKey(publicKey);
  return {
    keyId: keyIdOf(publicKeyRaw),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyRaw,
    privateKeyRaw: Buffer.from(privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length)),
  };
}

export function loadPublicKey(input: PublicKeyInput): KeyObject {
  let key: KeyObject;
  if (typeof input === 'string') key = createPublicKey(input);
  else if (input instanceof Uint8Array) {
    if (input.length !== RAW_KEY_BYTES) throw new TypeError('an Ed25519 public key has 32 bytes');
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, input]), format: 'der', type: 'spki' });
  } else key = input.type === 'private' ? createPublicKey(input) : input;
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 key');
  return key;
}

export function loadPrivateKey(input: PrivateKeyInput): KeyObject {
  let key: KeyObject;
  if (typeof input === 'string') key = createPrivateKey(input);
  else if (input instanceof Uint8Array) {
    if (input.length !== RAW_KEY_BYTES) throw new TypeError('an Ed25519 private key seed has 32 bytes');
    key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, input]), format: 'der', type: 'pkcs8' });
  } else key = input;
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 private key');
  return key;
}

export function rawPublicKey(input: PublicKeyInput): Buffer {
  const der = loadPublicKey(input).export({ format: 'der', type: 'spki' });
  return Buffer.from(der.subarray(SPKI_PREFIX.length));
}

export function keyIdOf(input: PublicKeyInput): string {
  return createHash('sha256').update(rawPublicKey(input)).digest('hex').slice(0, 32);
}

/** The key id grouped for reading aloud or comparing on two screens: `3f2a-91c0-…`. */
export function keyFingerprint(keyId: string): string {
  return keyId.match(/.{1,4}/gu)?.join('-') ?? keyId;
}

export function signBytes(data: Uint8Array, privateKey: PrivateKeyInput): Buffer {
  return sign(null, data, loadPrivateKey(privateKey));
}

export function verifyBytes(data: Uint8Array, signature: Uint8Array, publicKey: PublicKeyInput): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  try {
    return verify(null, data, loadPublicKey(publicKey), signature);
  } catch {
    return false;
  }
}
