/**
 * The key exchange of docs/packages.md end to end: office → review package (office key + enrolment
 * secret) → expert workspace with a fresh key pair → scores package with the enrolment proof →
 * office verifies the scores really come from a workspace made from its review package.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManifestOf } from '../../../shared/api/package-manifest';
import { createWorkspaceKeyPair, keyFingerprint, type WorkspaceKeyPair } from '../../../electron/core/packages/keys';
import { openPackage } from '../../../electron/core/packages/reader';
import { createEnrolment, enrolFromReview, trustCarriedKey, trustedKey, trustEnrolledExperts, trustKeys, type EnrolmentRecord } from '../../../electron/core/packages/trust';
import { writePackage } from '../../../electron/core/packages/writer';
import { CYCLE, listTree, OFFICE_WS, refusalOf, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
beforeEach(async () => (sb = await sandbox()));
afterEach(async () => sb.dispose());

const EXPERT_WS = 'expert-3';

async function officeIssuesReview(office: WorkspaceKeyPair) {
  const enrolment = createEnrolment();
  const out = join(sb.inbox, 'review.qadpkg');
  const written = await writePackage(
    {
      kind: 'review',
      cycleId: CYCLE,
      senderWorkspaceId: OFFICE_WS,
      sequence: 1,
      header: { expert: { name: '李评审', workspaceId: EXPERT_WS }, enrolment, applicantCount: 1 },
      files: [{ path: 'review.json', source: Buffer.from('{"applicants":["a1"]}') }],
      privateKey: office.privateKeyPem,
    },
    out,
  );
  // What the office keeps in its database for this enrolment.
  const record: EnrolmentRecord = { ...enrolment, cycleId: CYCLE, officeKeyId: office.keyId, expertWorkspaceId: EXPERT_WS, reviewPackageId: written.manifest.packageId };
  return { file: out, record };
}

async function expertCreatesWorkspace(reviewFile: string) {
  // First contact: the expert trusts the office key the package carries (and may compare the fingerprint).
  const review = await openPackage(reviewFile, { stagingDir: join(sb.root, 'expert', 'staging'), trust: trustCarriedKey({ kinds: ['review'] }), expect: { kind: 'review', minSequence: 1 } });
  const manifest = review.manifest as ManifestOf<'review'>;
  const keys = createWorkspaceKeyPair();
  const enrolment = enrolFromReview(manifest, keys.publicKeyRaw);
  await review.dispose();
  return { keys, enrolment, officeKey: trustedKey(Buffer.from(manifest.senderPublicKey, 'base64'), manifest.senderWorkspaceId, ['review']), reviewPackageId: manifest.packageId, fingerprint: keyFingerprint(manifest.senderKeyId) };
}

async function expertSendsScores(keys: WorkspaceKeyPair, enrolment: { enrolmentId: string; proof: string }, reviewPackageId: string, sequence: number, workspaceId = EXPERT_WS) {
  const out = join(sb.inbox, `scores-${sequence}-${randomUUID().slice(0, 4)}.qadpkg`);
  await writePackage(
    {
      kind: 'scores',
      cycleId: CYCLE,
      senderWorkspaceId: workspaceId,
      sequence,
      header: { enrolment, reviewPackageId, final: true },
      files: [{ path: 'scores.json', source: Buffer.from('{"a1":{"4.1":80}}') }],
      privateKey: keys.privateKeyRaw,
    },
    out,
  );
  return out;
}

describe('enrolment key exchange', () => {
  it('lets the office verify scores from the workspace made from its review package, then pin that key', async () => {
    const office = createWorkspaceKeyPair();
    const { file, record } = await officeIssuesReview(office);
    const expert = await expertCreatesWorkspace(file);
    expect(expert.officeKey.keyId).toBe(office.keyId);
    expect(expert.fingerprint.replaceAll('-', '')).toBe(office.keyId);

    const db = new Map([[record.enrolmentId, { ...record }]]);
    const trust = trustEnrolledExperts((id) => db.get(id));
    const scores = await expertSendsScores(expert.keys, expert.enrolment, expert.reviewPackageId, 1);
    const opened = await openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', cycleId: CYCLE, senderWorkspaceId: EXPERT_WS, minSequence: 1 } });
    expect(opened.signer).toMatchObject({ keyId: expert.keys.keyId, workspaceId: EXPERT_WS });
    await opened.dispose();
    db.get(record.enrolmentId)!.pinnedKeyId = opened.signer.keyId;

    // Later packages from the same workspace still pass; a replay of the first does not.
    const second = await expertSendsScores(expert.keys, expert.enrolment, expert.reviewPackageId, 2);
    const again = await openPackage(second, { stagingDir: sb.staging, trust, expect: { kind: 'scores', lastAcceptedSequence: () => 1 } });
    await again.dispose();
    expect((await refusalOf(openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', lastAcceptedSequence: () => 2 } }))).payload.key).toBe('packages.refused.replay');
  });

  it('refuses scores from a workspace that never saw the review package', async () => {
    const office = createWorkspaceKeyPair();
    const { record } = await officeIssuesReview(office);
    const trust = trustEnrolledExperts((id) => (id === record.enrolmentId ? record : undefined));
    const outsider = createWorkspaceKeyPair();
    // Knows the public facts (ids) but not the secret, so can only guess a proof.
    const scores = await expertSendsScores(outsider, { enrolmentId: record.enrolmentId, proof: 'f'.repeat(64) }, record.reviewPackageId, 1);
    expect((await refusalOf(openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', minSequence: 1 } }))).payload.key).toBe('packages.refused.enrolmentInvalid');
  });

  it('refuses a proof lifted from a real scores package onto another key', async () => {
    const office = createWorkspaceKeyPair();
    const { file, record } = await officeIssuesReview(office);
    const expert = await expertCreatesWorkspace(file);
    const trust = trustEnrolledExperts(() => record);
    const thief = createWorkspaceKeyPair();
    const scores = await expertSendsScores(thief, expert.enrolment, expert.reviewPackageId, 1);
    expect((await refusalOf(openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', minSequence: 1 } }))).payload.key).toBe('packages.refused.enrolmentInvalid');
  });

  it('refuses a second workspace made from the same review package once the first is pinned', async () => {
    const office = createWorkspaceKeyPair();
    const { file, record } = await officeIssuesReview(office);
    const first = await expertCreatesWorkspace(file);
    const copy = await expertCreatesWorkspace(file); // e.g. an intercepted copy of the review package
    const trust = trustEnrolledExperts(() => ({ ...record, pinnedKeyId: first.keys.keyId }));
    const scores = await expertSendsScores(copy.keys, copy.enrolment, copy.reviewPackageId, 1);
    expect((await refusalOf(openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', minSequence: 1 } }))).payload.key).toBe('packages.refused.enrolmentKeyConflict');
  });

  it('refuses scores claiming another expert workspace than the enrolment', async () => {
    const office = createWorkspaceKeyPair();
    const { file, record } = await officeIssuesReview(office);
    const expert = await expertCreatesWorkspace(file);
    const trust = trustEnrolledExperts(() => record);
    const scores = await expertSendsScores(expert.keys, expert.enrolment, expert.reviewPackageId, 1, 'expert-4');
    expect((await refusalOf(openPackage(scores, { stagingDir: sb.staging, trust, expect: { kind: 'scores', minSequence: 1 } }))).payload.key).toBe('packages.refused.keySenderMismatch');
  });

  it('lets the expert workspace verify later review packages against the pinned office key only', async () => {
    const office = createWorkspaceKeyPair();
    const { file } = await officeIssuesReview(office);
    const expert = await expertCreatesWorkspace(file);
    const pinned = trustKeys([expert.officeKey]);
    const fine = await openPackage(file, { stagingDir: sb.staging, trust: pinned, expect: { kind: 'review', minSequence: 1 } });
    await fine.dispose();
    const fakeOffice = createWorkspaceKeyPair();
    const fake = join(sb.inbox, 'fake-review.qadpkg');
    await writePackage(
      {
        kind: 'review',
        cycleId: CYCLE,
        senderWorkspaceId: OFFICE_WS,
        sequence: 2,
        header: { expert: { name: '李评审', workspaceId: EXPERT_WS }, enrolment: createEnrolment(), applicantCount: 0 },
        files: [],
        privateKey: fakeOffice.privateKeyPem,
      },
      fake,
    );
    expect((await refusalOf(openPackage(fake, { stagingDir: sb.staging, trust: pinned, expect: { kind: 'review', minSequence: 1 } }))).payload.key).toBe('packages.refused.untrustedKey');
    expect(await listTree(sb.staging)).toEqual([]);
  });
});
