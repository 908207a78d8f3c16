import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import samples from '../../fixtures/applicants/sample-applicants.json';
import type { Core } from '../../../electron/core';
import type { Envelope } from '../../../shared/api/contract';
import { office, openTestCore, tempDir } from '../../helpers/workspace';

const temp = tempDir();
let core: Core;
let applicantId: string;

async function ok<T>(promise: Promise<Envelope>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const add = (fileName: string, bytes: Buffer, itemId: string | null = '4.1.2') =>
  core.dispatch('attachments.add', { applicantId, itemId, fileName, contentBase64: bytes.toString('base64') }, office);

/** Every body stored in the workspace's files folder (content-addressed: <2 hex>/<sha256>). */
function storedBodies(): string[] {
  const root = core.workspace.filesDir;
  return readdirSync(root)
    .filter((dir) => /^[a-f0-9]{2}$/.test(dir))
    .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)));
}

const attachmentRows = () => (core.db.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest of a picture')]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml …')]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(32)]);
const SCRIPT = Buffer.from('#!/bin/sh\nrm -rf ~\n');

beforeAll(async () => {
  core = openTestCore(temp.dir);
  const cycle = await ok<{ id: string }>(core.dispatch('cycles.create', { name: '2026年度市长质量奖', year: 2026 }, office));
  applicantId = (await ok<{ id: string }>(core.dispatch('applicants.create', { cycleId: cycle.id, record: samples[0] }, office))).id;
});
afterAll(() => {
  core.close();
  temp.dispose();
});

describe('evidence attachments', () => {
  it('stores each accepted format once, by its SHA-256, as a plain file nobody can execute', async () => {
    for (const [name, bytes] of [['手册.pdf', PDF], ['现场照片.png', PNG], ['制度汇编.docx', DOCX], ['说明.txt', Buffer.from('质量方针：顾客至上。')]] as const) {
      await ok(add(name, bytes));
    }
    await ok(add('手册-副本.pdf', PDF, '4.2.2'));
    const bodies = storedBodies();
    expect(bodies).toHaveLength(4);
    for (const body of bodies) {
      expect(statSync(body).mode & 0o111).toBe(0);
      expect(body.endsWith('.pdf') || body.endsWith('.exe')).toBe(false);
    }
    expect(attachmentRows()).toBe(5);
  });

  it.each([
    ['a Windows program renamed to .pdf', '年度报告.pdf', PE, 'applicants.attachment.executable'],
    ['a Linux program renamed to .docx', '制度.docx', ELF, 'applicants.attachment.executable'],
    ['a shell script renamed to .txt', '说明.txt', SCRIPT, 'applicants.attachment.executable'],
    ['a text file renamed to .png', '照片.png', Buffer.from('not a picture'), 'applicants.attachment.contentMismatch'],
    ['a PDF renamed to .xlsx', '数据.xlsx', PDF, 'applicants.attachment.contentMismatch'],
    ['an empty file', '空白.pdf', Buffer.alloc(0), 'applicants.attachment.empty'],
    ['an executable extension', 'setup.exe', PDF, 'applicants.attachment.type'],
    ['a script extension', '宏.js', Buffer.from('alert(1)'), 'applicants.attachment.type'],
  ])('refuses %s and stores nothing', async (_label, fileName, bytes, key) => {
    const before = storedBodies().length;
    const rows = attachmentRows();
    const result = await add(fileName, bytes);
    expect(result).toMatchObject({ ok: false, error: { key, params: expect.objectContaining({ fileName }) } });
    expect(storedBodies()).toHaveLength(before);
    expect(attachmentRows()).toBe(rows);
  });

  it('takes a file of exactly the size limit and refuses one byte more, naming both sizes', async () => {
    const limit = 50 * 1024 * 1024;
    const body = Buffer.alloc(limit, 0x20);
    body.write('%PDF-1.7\n', 0, 'latin1');
    const accepted = await ok<{ attachment: { size: number; sha256: string } }>(add('扫描件.pdf', body));
    expect(accepted.attachment.size).toBe(limit);
    expect(statSync(join(core.workspace.filesDir, accepted.attachment.sha256.slice(0, 2), accepted.attachment.sha256)).size).toBe(limit);

    const before = storedBodies().length;
    const tooLarge = await add('扫描件-大.pdf', Buffer.concat([body, Buffer.from(' ')]));
    expect(tooLarge).toMatchObject({ ok: false, error: { key: 'applicants.attachment.tooLarge', params: { size: limit + 1, max: limit } } });
    expect(storedBodies()).toHaveLength(before);
  });

  it('keeps a body while another attachment still refers to it', async () => {
    const view = await ok<{ attachments: { id: string; fileName: string; sha256: string }[] }>(core.dispatch('applications.get', { applicantId }, office));
    const copy = view.attachments.find((a) => a.fileName === '手册-副本.pdf')!;
    await ok(core.dispatch('attachments.remove', { attachmentId: copy.id }, office));
    const original = view.attachments.find((a) => a.fileName === '手册.pdf')!;
    expect(existsSync(join(core.workspace.filesDir, copy.sha256.slice(0, 2), copy.sha256))).toBe(true);
    const content = await ok<{ contentBase64: string }>(core.dispatch('attachments.content', { attachmentId: original.id }, office));
    expect(Buffer.from(content.contentBase64, 'base64').equals(PDF)).toBe(true);
    const actions = core.db.prepare(`SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq`).all(copy.id);
    expect(actions).toEqual([{ action: 'attachment.add' }, { action: 'attachment.remove' }]);
  });
});
