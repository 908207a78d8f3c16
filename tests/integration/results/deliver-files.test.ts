/**
 * What the desktop shell does with files (electron/core/deliver-files.ts), run under Node on real
 * output: a batch of certificates printed through `documents.print` unpacked into a chosen folder,
 * and an evidence file copied for the system viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { JobView } from '../../../shared/api/results';
import { deliverDownloadToFolder, writeViewerCopy } from '../../../electron/core/deliver-files';
import { pdfText, waitForPoppler } from '../../fixtures/pdf/poppler';
import { tempDir } from '../../helpers/workspace';
import { ok, office, scoredFixture, waitForJob, type ScoredFixture } from './helpers';

const A = '甲·闽江精密机械股份有限公司';
const B = '乙·福州智能装备有限公司';
let f: ScoredFixture;
const temp = tempDir('award-desk-deliver-');

beforeAll(async () => {
  await waitForPoppler();
  f = await scoredFixture([
    { name: A, body: '91350100M000100A1', documentReview: 60, siteVisit: 70 },
    { name: B, body: '91350100M000100B2', documentReview: 70, siteVisit: 65 },
  ]);
  for (const name of [A, B]) {
    await ok(f.core.dispatch('decisions.record', { applicantId: f.applicants[name], votes: { for: 9, against: 1, abstain: 1 }, outcome: 'award', meetingDate: '2026-12-01' }, office));
  }
  await ok(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
}, 120_000);
afterAll(() => {
  f.dispose();
  temp.dispose();
});

describe('printed batches into a folder', () => {
  it('unpacks one PDF per applicant, and a second delivery never overwrites the first', async () => {
    const started = await ok<{ jobId: string }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'certificates', mode: 'perApplicant' }, office));
    const job: JobView = await waitForJob(f.core, started.jobId).done;
    expect(job.download?.fileName).toMatch(/\.zip$/);
    const folder = join(temp.dir, '证书 输出');

    const first = await deliverDownloadToFolder(f.core.workspace.path, job.download!.downloadId, folder);
    expect(first).toHaveLength(2);
    expect(first.every((name) => name.endsWith('.pdf'))).toBe(true);
    const texts = first.map((name) => pdfText(readFileSync(join(folder, name))));
    expect(texts.some((text) => text.includes('闽江精密机械股份有限公司'))).toBe(true);
    expect(texts.some((text) => text.includes('福州智能装备有限公司'))).toBe(true);
    const firstBytes = first.map((name) => readFileSync(join(folder, name)));

    const second = await deliverDownloadToFolder(f.core.workspace.path, job.download!.downloadId, folder);
    expect(second).toEqual(first.map((name) => name.replace(/\.pdf$/, ' (2).pdf')));
    expect(first.map((name) => readFileSync(join(folder, name)))).toEqual(firstBytes);
    expect(readdirSync(folder)).toHaveLength(4);
  });

  it('delivers a single PDF as it is, and refuses an unknown download', async () => {
    const started = await ok<{ jobId: string }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, kind: 'ranking' }, office));
    const job: JobView = await waitForJob(f.core, started.jobId).done;
    const folder = join(temp.dir, 'ranking');
    const written = await deliverDownloadToFolder(f.core.workspace.path, job.download!.downloadId, folder);
    expect(written).toEqual([job.download!.fileName]);
    expect(statSync(join(folder, written[0]!)).size).toBe(job.download!.bytes);
    await expect(deliverDownloadToFolder(f.core.workspace.path, 'A'.repeat(22), folder)).rejects.toMatchObject({ payload: { key: 'exchange.download.unknown' } });
  });
});

describe('copies for the system viewer', () => {
  const viewer = join(temp.dir, 'viewer');
  const pdf = Buffer.from('%PDF-1.4\n% evidence\n%%EOF\n');

  it('writes a read-only copy under a fresh folder, keeping a safe version of the name', () => {
    const one = writeViewerCopy(viewer, '../质量手册.pdf', pdf);
    const two = writeViewerCopy(viewer, '../质量手册.pdf', pdf);
    expect(one).not.toBe(two);
    expect(one.startsWith(viewer)).toBe(true);
    expect(one.endsWith('质量手册.pdf')).toBe(true);
    expect(readFileSync(one)).toEqual(pdf);
    expect(statSync(one).mode & 0o222).toBe(0);
  });

  it('refuses anything that is not a document or picture, and content that lies about its type', () => {
    const before = existsSync(viewer) ? readdirSync(viewer).length : 0;
    expect(() => writeViewerCopy(viewer, 'setup.exe', Buffer.from('MZ....'))).toThrow(expect.objectContaining({ payload: expect.objectContaining({ key: 'applicants.attachment.notViewable' }) }));
    expect(() => writeViewerCopy(viewer, 'run.sh', Buffer.from('#!/bin/sh\n'))).toThrow(expect.objectContaining({ payload: expect.objectContaining({ key: 'applicants.attachment.notViewable' }) }));
    expect(() => writeViewerCopy(viewer, '报告.pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))).toThrow(expect.objectContaining({ payload: expect.objectContaining({ key: 'applicants.attachment.executable' }) }));
    expect(existsSync(viewer) ? readdirSync(viewer).length : 0).toBe(before);
  });
});
