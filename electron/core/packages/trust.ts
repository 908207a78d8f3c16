/**
 * Who may sign what. openPackage asks a TrustResolver for the key of a manifest's sender before it
 * checks the signature; the resolver sees the manifest only after schema validation and before
 * signature verification, so it may use it to *find* a key, never to decide anything else.
 *
 * Enrolment (docs/packages.md, "Key exchange"): a review package carries a fresh 32-byte secret.
 * The expert workspace made from it creates its own key pair and proves, once, that it holds the
 * secret by an HMAC over its public key and the review's context. That proof travels in every
 * scores package; the office, which kept the secret, recomputes it and thereby learns that the key
 * belongs to a workspace made from its review package, and pins that key.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { ManifestOf, PackageKind, PackageManifest } from '../../../shared/api/package-manifest';
import { keyIdOf, loadPublicKey, rawPublicKey, type PublicKeyInput } from './keys';
import { refused } from './refusal';

export interface TrustedKey {
  keyId: string;
  publicKey: KeyObject;
  /** The only sender workspace this key may sign for. */
  workspaceId: string;
  /** The package kinds this key may sign; any kind when absent. */
  kinds?: readonly PackageKind[];
}

export interface TrustQuery {
  keyId: string;
  /** Schema-valid but NOT yet verified. */
  unverifiedManifest: PackageManifest;
}

/** Returns the key to verify with, undefined for "not trusted", or throws a refusal with a more precise reason. */
export type TrustResolver = (query: TrustQuery) => TrustedKey | undefined | Promise<TrustedKey | undefined>;
export type Trust = TrustResolver | readonly TrustedKey[];

export function trustedKey(publicKey: PublicKeyInput, workspaceId: string, kinds?: readonly PackageKind[]): TrustedKey {
  const key = loadPublicKey(publicKey);
  return { keyId: keyIdOf(key), publicKey: key, workspaceId, ...(kinds ? { kinds } : {}) };
}

/** A fixed set of pinned keys, e.g. the office key in an expert workspace. */
export function trustKeys(keys: readonly TrustedKey[]): TrustResolver {
  const byId = new Map(keys.map((key) => [key.keyId, key]));
  return ({ keyId }) => byId.get(keyId);
}

export function resolverOf(trust: Trust): TrustResolver {
  return typeof trust === 'function' ? trust : trustKeys(trust);
}

/** The first resolver that knows the key wins. */
export function anyOf(...resolvers: readonly Trust[]): TrustResolver {
  const all = resolvers.map(resolverOf);
  return async (query) => {
    for (const resolve of all) {
      const key = await resolve(query);
      if (key) return key;
    }
    return undefined;
  };
}

/**
 * Trust on first use: accepts the key the manifest carries. Only for a first contact that a person
 * confirms (creating an expert workspace from a review package, a new applicant's first submission);
 * the caller pins the key afterwards and should show keyFingerprint(keyId) for comparison.
 */
export function trustCarriedKey(options: { kinds: readonly PackageKind[]; workspaceId?: string }): TrustResolver {
  return ({ keyId, unverifiedManifest: manifest }) => {
    if (!options.kinds.includes(manifest.kind)) return undefined;
    if (options.workspaceId !== undefined && options.workspaceId !== manifest.senderWorkspaceId) return undefined;
    const key = trustedKey(Buffer.from(manifest.senderPublicKey, 'base64'), manifest.senderWorkspaceId, options.kinds);
    return key.keyId === keyId ? key : undefined;
  };
}

// ——— Enrolment ———

export interface Enrolment {
  enrolmentId: string;
  /** base64url, 32 random bytes. Goes into the review package header and the office database only. */
  secret: string;
}

/** What the proof binds the expert key to. */
export interface EnrolmentContext {
  enrolmentId: string;
  cycleId: string;
  officeKeyId: string;
  expertWorkspaceId: string;
}

export function createEnrolment(): Enrolment {
  return { enrolmentId: randomUUID(), secret: randomBytes(32).toString('base64url') };
}

const PROOF_DOMAIN = 'quality-award-desk/enrolment/v1';

/** HMAC-SHA256 keyed by the secret over a length-prefixed encoding, so no two contexts share an input. */
export function enrolmentProof(secret: string, context: EnrolmentContext, expertPublicKey: PublicKeyInput): string {
  const key = Buffer.from(secret, 'base64url');
  if (key.length !== 32) throw new TypeError('an enrolment secret has 32 bytes');
  const hmac = createHmac('sha256', key);
  const fields = [PROOF_DOMAIN, context.enrolmentId, context.cycleId, context.officeKeyId, context.expertWorkspaceId];
  for (const field of [...fields.map((f) => Buffer.from(f, 'utf8')), rawPublicKey(expertPublicKey)]) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(field.length);
    hmac.update(length).update(field);
  }
  return hmac.digest('hex');
}

export function verifyEnrolmentProof(secret: string, context: EnrolmentContext, expertPublicKey: PublicKeyInput, proof: string): boolean {
  const expected = Buffer.from(enrolmentProof(secret, context, expertPublicKey), 'hex');
  const actual = Buffer.from(/^[0-9a-f]{64}$/u.test(proof) ? proof : '', 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Expert side, when the workspace is made from a verified review package: the proof to put into
 * every scores package. The secret is not needed afterwards and should not be stored.
 */
export function enrolFromReview(review: ManifestOf<'review'>, expertPublicKey: PublicKeyInput): { enrolmentId: string; proof: string } {
  const { enrolmentId, secret } = review.header.enrolment;
  const context: EnrolmentContext = {
    enrolmentId,
    cycleId: review.cycleId,
    officeKeyId: review.senderKeyId,
    expertWorkspaceId: review.header.expert.workspaceId,
  };
  return { enrolmentId, proof: enrolmentProof(secret, context, expertPublicKey) };
}

/** Office side: what the office stored when it wrote the review package. */
export interface EnrolmentRecord extends EnrolmentContext, Enrolment {
  /** packageId of the review package; scores must answer this one. */
  reviewPackageId: string;
  /** Set after the first accepted scores package; any other key is then refused. */
  pinnedKeyId?: string;
}

/**
 * Office side: trusts the key a scores package carries if its enrolment proof verifies against the
 * stored secret. Refuses precisely when the enrolment is unknown, the proof is wrong, or a second
 * key turns up for an already pinned enrolment (somebody else made a workspace from the review package).
 */
export function trustEnrolledExperts(lookup: (enrolmentId: string) => EnrolmentRecord | undefined | Promise<EnrolmentRecord | undefined>): TrustResolver {
  return async ({ keyId, unverifiedManifest: manifest }) => {
    if (manifest.kind !== 'scores') return undefined;
    const { enrolmentId, proof } = manifest.header.enrolment;
    const record = await lookup(enrolmentId);
    if (!record) throw refused('enrolmentUnknown', { enrolmentId });
    const carried = Buffer.from(manifest.senderPublicKey, 'base64');
    if (keyIdOf(carried) !== keyId) return undefined;
    const answersReview = manifest.header.reviewPackageId === record.reviewPackageId && manifest.cycleId === record.cycleId;
    if (!answersReview || !verifyEnrolmentProof(record.secret, record, carried, proof)) {
      throw refused('enrolmentInvalid', { enrolmentId });
    }
    if (record.pinnedKeyId !== undefined && record.pinnedKeyId !== keyId) throw refused('enrolmentKeyConflict', { enrolmentId, keyId });
    return trustedKey(carried, record.expertWorkspaceId, ['scores']);
  };
}
