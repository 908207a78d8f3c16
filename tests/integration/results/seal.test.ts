/**
 * The office's certificate seal kept with the cycle (issue 7): set, read back, replaced and removed
 * through the channels, refused when it is not a sound PNG with transparency or once the results are
 * approved (nothing changed either way), audited, and stamped on the certificates `documents.print`
 * renders (checked with poppler's pdfimages).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/core/db/audit';
import { findDownload } from '../../../electron/core/file-intake';
import type { Core } from '../../../electron/core';
import type { CycleSeal } from '../../../shared/api/cycles';
import type { PrintInput } from '../../../shared/api/results';
import { waitForPoppler, writeTemp } from '../../fixtures/pdf/poppler';
import { sealPng } from '../../fixtures/pdf/seal-png';
import { auditActions, openFixture, type Fixture } from '../panels/helpers';
import { ok, office, refused, scoredFixture, waitForJob, type ScoredFixture } from './helpers';

const base64 = (bytes: Buffer) => bytes.toString('base64');
const setSeal = (core: Core, cycleId: string, png: Buffer, fileName = '公章.png') => core.dispatch('cycles.setSeal', { cycleId, fileName, contentBase64: base64(png) }, office);
const getSeal = (core: Core, cycleId: string) => ok<CycleSeal | null>(core.dispatch('cycles.getSeal', { cycleId }, office));
const sealRows = (core: Core) => core.db.prepare('SELECT cycle_id, sha256, file_name, set_at FROM cycle_seals').all();
const sealActions = (core: Core, cycleId: string) => auditActions(core, cycleId).filter((a) => a.action.endsWith('Seal'));

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A well-formed PNG of one colour; RGB (colour type 2) has no transparency. */
function flatPng(size: number, colorType: 2 | 6): Buffer {
  const channels = colorType === 6 ? 4 : 3;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  const rows = Buffer.alloc((size * channels + 1) * size, 0x80);
  for (let y = 0; y < size; y++) rows[y * (size * channels + 1)] = 0;
  return Buffer.concat([sealPng().subarray(0, 8), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('the cycle seal on an open cycle', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture();
  });
  afterAll(() => f.dispose());

  it('is set, read back, replaced and removed, each change audited', async () => {
    expect(await getSeal(f.core, f.cycleId)).toBeNull();
    const png = sealPng();
    const set = await ok<CycleSeal>(setSeal(f.core, f.cycleId, png));
    expect(set).toMatchObject({ cycleId: f.cycleId, fileName: '公章.png', width: 240, height: 240, bytes: png.length, setBy: 'office' });
    expect(set.sha256).toBe(createHash('sha256').update(png).digest('hex'));
    expect(await getSeal(f.core, f.cycleId)).toEqual(set);
    expect(Buffer.from((await getSeal(f.core, f.cycleId))!.contentBase64, 'base64').equals(png)).toBe(true);

    const larger = sealPng(320, { gradient: true });
    const replaced = await ok<CycleSeal>(setSeal(f.core, f.cycleId, larger, 'seal-2.png'));
    expect(replaced).toMatchObject({ width: 320, height: 320, fileName: 'seal-2.png' });
    expect(sealRows(f.core)).toHaveLength(1);

    expect(await ok(f.core.dispatch('cycles.removeSeal', { cycleId: f.cycleId }, office))).toEqual({ removed: true });
    expect(await getSeal(f.core, f.cycleId)).toBeNull();
    // Removing again changes nothing and records nothing.
    expect(await ok(f.core.dispatch('cycles.removeSeal', { cycleId: f.cycleId }, office))).toEqual({ removed: false });

    const actions = sealActions(f.core, f.cycleId);
    expect(actions.map((a) => a.action)).toEqual(['cycle.setSeal', 'cycle.setSeal', 'cycle.removeSeal']);
    expect(JSON.parse(actions[0]!.payload)).toEqual({ before: null, after: { sha256: set.sha256, fileName: '公章.png', bytes: png.length, width: 240, height: 240 } });
    expect(JSON.parse(actions[1]!.payload).before).toEqual({ sha256: set.sha256, fileName: '公章.png' });
    expect(JSON.parse(actions[2]!.payload)).toEqual({ before: { sha256: replaced.sha256, fileName: 'seal-2.png' } });
    expect(verifyAuditChain(f.core.db).ok).toBe(true);
  });

  it('refuses images that are not a sound PNG with transparency, and changes nothing', async () => {
    const kept = await ok<CycleSeal>(setSeal(f.core, f.cycleId, sealPng()));
    const rows = sealRows(f.core);
    const audited = auditActions(f.core).length;
    const good = sealPng();
    const badCrc = Buffer.from(good);
    badCrc[good.length - 20]! ^= 0xff; // inside IDAT
    const truncatedData = flatPng(128, 6);
    const idatStart = truncatedData.indexOf('IDAT', 0, 'latin1');
    const cases: [string, Buffer, string][] = [
      ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'ui.seal.notPng'],
      ['text named .png', Buffer.from('not an image at all'), 'ui.seal.notPng'],
      ['a PNG cut short', good.subarray(0, good.length - 30), 'ui.seal.corrupt'],
      ['a PNG with a damaged chunk', badCrc, 'ui.seal.corrupt'],
      ['a PNG whose image data is short', Buffer.concat([truncatedData.subarray(0, idatStart - 4), chunk('IDAT', deflateSync(Buffer.alloc(10))), chunk('IEND', Buffer.alloc(0))]), 'ui.seal.corrupt'],
      ['a PNG without transparency', flatPng(128, 2), 'ui.seal.opaque'],
      ['a tiny PNG', sealPng(32), 'ui.seal.dimensions'],
    ];
    for (const [what, bytes, key] of cases) {
      const error = await refused(setSeal(f.core, f.cycleId, bytes));
      expect({ what, code: error.code, key: error.key }).toEqual({ what, code: 'validation', key });
    }
    expect((await refused(setSeal(f.core, f.cycleId, sealPng(32)))).params).toMatchObject({ width: 32, height: 32, min: 64, max: 2048 });
    // Past 1 MB the contract itself refuses it, naming the field.
    const huge = await refused(setSeal(f.core, f.cycleId, Buffer.concat([good, Buffer.alloc(1024 * 1024)])));
    expect(huge).toMatchObject({ code: 'validation', fields: [{ path: 'contentBase64', key: 'ui.seal.tooLarge' }] });
    expect((await refused(setSeal(f.core, 'no-such-cycle', good))).code).toBe('notFound');

    expect(sealRows(f.core)).toEqual(rows);
    expect(auditActions(f.core)).toHaveLength(audited);
    expect(await getSeal(f.core, f.cycleId)).toEqual(kept);
  });
});

describe('the cycle seal on printed certificates', () => {
  let f: ScoredFixture;
  const A = '甲·闽江精密机械股份有限公司';
  const B = '乙·福州智能装备有限公司';

  beforeAll(async () => {
    await waitForPoppler();
    f = await scoredFixture([
      { name: A, body: '91350100M000100A1', documentReview: 60, siteVisit: 70 },
      { name: B, body: '91350100M000100B2', documentReview: 70, siteVisit: 65 },
    ]);
    const decide = (name: string, outcome: string) =>
      ok(f.core.dispatch('decisions.record', { applicantId: f.applicants[name], votes: { for: 9, against: 1, abstain: 1 }, outcome, meetingDate: '2026-12-01' }, office));
    await decide(A, 'award');
    await decide(B, 'nomination');
  }, 120_000);
  afterAll(() => f.dispose());

  async function print(input: Partial<PrintInput> & { kind: PrintInput['kind'] }): Promise<Buffer> {
    const started = await ok<{ jobId: string }>(f.core.dispatch('documents.print', { cycleId: f.cycleId, ...input }, office));
    const job = await waitForJob(f.core, started.jobId).done;
    expect(job.state).toBe('done');
    return readFileSync(findDownload(f.core.workspace.path, job.download!.downloadId)!.path);
  }

  /** pdfimages -list rows as { page, type, width, height }. */
  function images(pdf: Buffer): { page: number; type: string; width: number; height: number }[] {
    const lines = execFileSync('pdfimages', ['-list', writeTemp(pdf, 'sealed')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    return lines.map((line) => {
      const [page, , type, width, height] = line.trim().split(/\s+/);
      return { page: Number(page), type: type!, width: Number(width), height: Number(height) };
    });
  }

  it('stamps the stored seal on every certificate and on the dossier, and is locked while the results are approved', async () => {
    await ok(setSeal(f.core, f.cycleId, sealPng(240)));
    await ok(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));

    const certificates = await print({ kind: 'certificates', mode: 'combined' });
    const found = images(certificates);
    // Both certificates (one page each) carry the seal: its colour and its alpha as a soft mask.
    expect(found).toEqual([1, 2].flatMap((page) => [{ page, type: 'image', width: 240, height: 240 }, { page, type: 'smask', width: 240, height: 240 }]));

    const dossier = await print({ kind: 'dossiers', applicantIds: [f.applicants[A]!] });
    expect(images(dossier).filter((i) => i.width === 240).map((i) => i.type)).toEqual(['image', 'smask']);

    const before = sealRows(f.core);
    const audited = auditActions(f.core).length;
    expect(await refused(setSeal(f.core, f.cycleId, sealPng(320)))).toMatchObject({ code: 'refused', key: 'errors.cycles.locked' });
    expect(await refused(f.core.dispatch('cycles.removeSeal', { cycleId: f.cycleId }, office))).toMatchObject({ code: 'refused', key: 'errors.cycles.locked' });
    expect(sealRows(f.core)).toEqual(before);
    expect(auditActions(f.core)).toHaveLength(audited);
  }, 120_000);

  it("uses the stored seal in the CLI's print too, unless --seal gives another", () => {
    const cli = join(__dirname, '..', '..', '..', 'out', 'cli.cjs');
    const dir = mkdtempSync(join(tmpdir(), 'award-desk-seal-cli-'));
    const sealFile = join(dir, 'other-seal.png');
    writeFileSync(sealFile, sealPng(320));
    const printWith = (out: string, ...extra: string[]) => {
      const run = spawnSync(process.execPath, [cli, 'print', 'certificates', '--workspace', f.core.workspace.path, '--out', join(dir, out), ...extra, '--lang', 'en'], { encoding: 'utf8', timeout: 120_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return readdirSync(join(dir, out)).map((file) => images(readFileSync(join(dir, out, file))).map((i) => `${i.type} ${i.width}`));
    };
    try {
      expect(printWith('stored')).toEqual([['image 240', 'smask 240'], ['image 240', 'smask 240']]);
      expect(printWith('override', '--seal', sealFile)).toEqual([['image 320', 'smask 320'], ['image 320', 'smask 320']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('prints certificates without a seal once it is removed (after reopening)', async () => {
    await ok(f.core.dispatch('results.reopen', { cycleId: f.cycleId, reason: '更换证书公章' }, office));
    await ok(f.core.dispatch('cycles.removeSeal', { cycleId: f.cycleId }, office));
    await ok(f.core.dispatch('results.approve', { cycleId: f.cycleId }, office));
    expect(images(await print({ kind: 'certificates', mode: 'combined' }))).toEqual([]);
    expect(verifyAuditChain(f.core.db).ok).toBe(true);
  }, 120_000);
});
