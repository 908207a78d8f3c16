import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { packageManifestSchema, rawPublicKeySchema, enrolmentSecretSchema } from '../../../shared/api/package-manifest';
import { createWorkspaceKeyPair } from '../../../electron/core/packages/keys';
import { createEnrolment } from '../../../electron/core/packages/trust';

const keys = createWorkspaceKeyPair();
const base = {
  formatVersion: 1,
  packageId: randomUUID(),
  cycleId: 'cycle-2025',
  senderWorkspaceId: 'office-1',
  senderKeyId: keys.keyId,
  senderPublicKey: keys.publicKeyRaw.toString('base64'),
  createdAt: '2025-03-01T08:00:00.000Z',
  sequence: 1,
  files: [{ path: 'review.json', size: 2, sha256: 'a'.repeat(64) }],
};
const review = {
  ...base,
  kind: 'review',
  header: { expert: { name: '张三', workspaceId: 'expert-3' }, enrolment: createEnrolment(), applicantCount: 4, dueDate: '2025-04-01' },
};

describe('package manifest schema', () => {
  it('accepts each kind with its own header', () => {
    expect(packageManifestSchema.safeParse(review).success).toBe(true);
    const scores = { ...base, kind: 'scores', header: { enrolment: { enrolmentId: randomUUID(), proof: 'b'.repeat(64) }, reviewPackageId: randomUUID(), final: false } };
    expect(packageManifestSchema.safeParse(scores).success).toBe(true);
    const submission = { ...base, kind: 'submission', header: { applicant: { name: '某公司', creditCode: '91350100M000100Y43' }, submissionId: randomUUID() } };
    expect(packageManifestSchema.safeParse(submission).success).toBe(true);
  });

  it('refuses a header of another kind, unknown keys, and bad field formats', () => {
    expect(packageManifestSchema.safeParse({ ...review, kind: 'scores' }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, note: 'x' }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, header: { ...review.header, extra: 1 } }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, sequence: 0 }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, sequence: 1.5 }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, senderKeyId: keys.keyId.toUpperCase() }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, files: [{ path: 'a', size: -1, sha256: 'a'.repeat(64) }] }).success).toBe(false);
    expect(packageManifestSchema.safeParse({ ...review, cycleId: '../x' }).success).toBe(false);
  });

  it('accepts only the canonical base64 of a 32-byte key and secret', () => {
    const canonical = keys.publicKeyRaw.toString('base64');
    expect(rawPublicKeySchema.safeParse(canonical).success).toBe(true);
    // Same bytes with the unused low bits of the last character set: decodes equally, so must be refused.
    const last = canonical[42]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const sloppy = canonical.slice(0, 42) + alphabet[alphabet.indexOf(last) + 1] + '=';
    expect(Buffer.from(sloppy, 'base64').equals(keys.publicKeyRaw)).toBe(true);
    expect(rawPublicKeySchema.safeParse(sloppy).success).toBe(false);
    expect(enrolmentSecretSchema.safeParse(createEnrolment().secret).success).toBe(true);
    expect(enrolmentSecretSchema.safeParse(createEnrolment().secret + 'A').success).toBe(false);
  });
});
