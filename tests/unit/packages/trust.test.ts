import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import type { PackageManifest } from '../../../shared/api/package-manifest';
import { createWorkspaceKeyPair, type WorkspaceKeyPair } from '../../../electron/core/packages/keys';
import {
  anyOf,
  createEnrolment,
  enrolmentProof,
  trustCarriedKey,
  trustedKey,
  trustEnrolledExperts,
  trustKeys,
  verifyEnrolmentProof,
  type EnrolmentContext,
  type EnrolmentRecord,
} from '../../../electron/core/packages/trust';

const office = createWorkspaceKeyPair();
const expert = createWorkspaceKeyPair();
const enrolment = createEnrolment();
const context: EnrolmentContext = { enrolmentId: enrolment.enrolmentId, cycleId: 'cycle-2025', officeKeyId: office.keyId, expertWorkspaceId: 'expert-3' };

describe('enrolment proof', () => {
  it('is a deterministic HMAC that verifies for the same secret, context and key', () => {
    const proof = enrolmentProof(enrolment.secret, context, expert.publicKeyRaw);
    expect(proof).toMatch(/^[0-9a-f]{64}$/);
    expect(enrolmentProof(enrolment.secret, context, expert.publicKeyPem)).toBe(proof);
    expect(verifyEnrolmentProof(enrolment.secret, context, expert.publicKeyRaw, proof)).toBe(true);
  });

  it('fails for another secret, another key, or any other context field', () => {
    const proof = enrolmentProof(enrolment.secret, context, expert.publicKeyRaw);
    expect(verifyEnrolmentProof(createEnrolment().secret, context, expert.publicKeyRaw, proof)).toBe(false);
    expect(verifyEnrolmentProof(enrolment.secret, context, createWorkspaceKeyPair().publicKeyRaw, proof)).toBe(false);
    for (const field of Object.keys(context) as (keyof EnrolmentContext)[]) {
      expect(verifyEnrolmentProof(enrolment.secret, { ...context, [field]: `${context[field]}x` }, expert.publicKeyRaw, proof), field).toBe(false);
    }
  });

  it('cannot be shifted between adjacent fields (length-prefixed input)', () => {
    const a = enrolmentProof(enrolment.secret, { ...context, cycleId: 'ab', officeKeyId: 'c' }, expert.publicKeyRaw);
    const b = enrolmentProof(enrolment.secret, { ...context, cycleId: 'a', officeKeyId: 'bc' }, expert.publicKeyRaw);
    expect(a).not.toBe(b);
  });

  it('rejects malformed proofs and secrets', () => {
    const proof = enrolmentProof(enrolment.secret, context, expert.publicKeyRaw);
    expect(verifyEnrolmentProof(enrolment.secret, context, expert.publicKeyRaw, proof.toUpperCase())).toBe(false);
    expect(verifyEnrolmentProof(enrolment.secret, context, expert.publicKeyRaw, proof.slice(2))).toBe(false);
    expect(verifyEnrolmentProof(enrolment.secret, context, expert.publicKeyRaw, '')).toBe(false);
    expect(() => enrolmentProof('short', context, expert.publicKeyRaw)).toThrow(/32 bytes/);
  });

  it('creates fresh enrolments', () => {
    const other = createEnrolment();
    expect(other.enrolmentId).not.toBe(enrolment.enrolmentId);
    expect(Buffer.from(other.secret, 'base64url')).toHaveLength(32);
  });
});

function scoresManifest(sender: WorkspaceKeyPair, proof: string, overrides: Partial<{ enrolmentId: string; reviewPackageId: string; workspaceId: string }> = {}): PackageManifest {
  return {
    formatVersion: 1,
    packageId: randomUUID(),
    kind: 'scores',
    cycleId: 'cycle-2025',
    senderWorkspaceId: overrides.workspaceId ?? 'expert-3',
    senderKeyId: sender.keyId,
    senderPublicKey: sender.publicKeyRaw.toString('base64'),
    createdAt: new Date().toISOString(),
    sequence: 1,
    header: { enrolment: { enrolmentId: overrides.enrolmentId ?? enrolment.enrolmentId, proof }, reviewPackageId: overrides.reviewPackageId ?? record().reviewPackageId, final: true },
    files: [],
  };
}

const REVIEW_PACKAGE = randomUUID();
function record(extra: Partial<EnrolmentRecord> = {}): EnrolmentRecord {
  return { ...context, ...enrolment, reviewPackageId: REVIEW_PACKAGE, ...extra };
}

async function refusalKey(promise: unknown): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.payload.key;
    throw error;
  }
  return 'accepted';
}

describe('trustEnrolledExperts', () => {
  const proof = enrolmentProof(enrolment.secret, context, expert.publicKeyRaw);
  const resolve = trustEnrolledExperts((id) => (id === enrolment.enrolmentId ? record() : undefined));

  it('trusts the carried key of a scores package whose proof verifies, for the enrolled workspace only', async () => {
    const key = await resolve({ keyId: expert.keyId, unverifiedManifest: scoresManifest(expert, proof) });
    expect(key).toMatchObject({ keyId: expert.keyId, workspaceId: 'expert-3', kinds: ['scores'] });
  });

  it('refuses unknown enrolments, wrong proofs, other review packages, and keys that differ from the pinned one', async () => {
    expect(await refusalKey(resolve({ keyId: expert.keyId, unverifiedManifest: scoresManifest(expert, proof, { enrolmentId: randomUUID() }) }))).toBe('packages.refused.enrolmentUnknown');
    const impostor = createWorkspaceKeyPair();
    expect(await refusalKey(resolve({ keyId: impostor.keyId, unverifiedManifest: scoresManifest(impostor, proof) }))).toBe('packages.refused.enrolmentInvalid');
    expect(await refusalKey(resolve({ keyId: expert.keyId, unverifiedManifest: scoresManifest(expert, proof, { reviewPackageId: randomUUID() }) }))).toBe('packages.refused.enrolmentInvalid');
    const pinned = trustEnrolledExperts(() => record({ pinnedKeyId: createWorkspaceKeyPair().keyId }));
    expect(await refusalKey(pinned({ keyId: expert.keyId, unverifiedManifest: scoresManifest(expert, proof) }))).toBe('packages.refused.enrolmentKeyConflict');
    const samePin = trustEnrolledExperts(() => record({ pinnedKeyId: expert.keyId }));
    expect(await samePin({ keyId: expert.keyId, unverifiedManifest: scoresManifest(expert, proof) })).toBeDefined();
  });

  it('does not answer for other kinds or a key id that is not the carried key', async () => {
    const review = { ...scoresManifest(expert, proof), kind: 'review' } as unknown as PackageManifest;
    expect(await resolve({ keyId: expert.keyId, unverifiedManifest: review })).toBeUndefined();
    expect(await resolve({ keyId: office.keyId, unverifiedManifest: scoresManifest(expert, proof) })).toBeUndefined();
  });
});

describe('simple resolvers', () => {
  const manifest = scoresManifest(expert, '0'.repeat(64));

  it('trustKeys finds pinned keys by id', () => {
    const resolve = trustKeys([trustedKey(office.publicKeyPem, 'office-1'), trustedKey(expert.publicKeyRaw, 'expert-3')]);
    expect(resolve({ keyId: expert.keyId, unverifiedManifest: manifest })).toMatchObject({ workspaceId: 'expert-3' });
    expect(resolve({ keyId: createWorkspaceKeyPair().keyId, unverifiedManifest: manifest })).toBeUndefined();
  });

  it('trustCarriedKey accepts the carried key only for the listed kinds and workspace', () => {
    expect(trustCarriedKey({ kinds: ['scores'] })({ keyId: expert.keyId, unverifiedManifest: manifest })).toMatchObject({ keyId: expert.keyId, workspaceId: 'expert-3' });
    expect(trustCarriedKey({ kinds: ['review'] })({ keyId: expert.keyId, unverifiedManifest: manifest })).toBeUndefined();
    expect(trustCarriedKey({ kinds: ['scores'], workspaceId: 'expert-4' })({ keyId: expert.keyId, unverifiedManifest: manifest })).toBeUndefined();
    expect(trustCarriedKey({ kinds: ['scores'] })({ keyId: office.keyId, unverifiedManifest: manifest })).toBeUndefined();
  });

  it('anyOf asks each resolver in turn', async () => {
    const resolve = anyOf([trustedKey(office.publicKeyPem, 'office-1')], trustCarriedKey({ kinds: ['scores'] }));
    expect(await resolve({ keyId: office.keyId, unverifiedManifest: manifest })).toMatchObject({ workspaceId: 'office-1' });
    expect(await resolve({ keyId: expert.keyId, unverifiedManifest: manifest })).toMatchObject({ workspaceId: 'expert-3' });
  });
});

describe('enrolment and cycles', () => {
  it('refuses a scores package for another cycle than the enrolment, even with a valid proof', async () => {
    const proof = enrolmentProof(enrolment.secret, context, expert.publicKeyRaw);
    const resolve = trustEnrolledExperts(() => record());
    const otherCycle = { ...scoresManifest(expert, proof), cycleId: 'cycle-2026' };
    expect(await refusalKey(resolve({ keyId: expert.keyId, unverifiedManifest: otherCycle }))).toBe('packages.refused.enrolmentInvalid');
  });
});
