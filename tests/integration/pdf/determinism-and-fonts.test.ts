import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FONT_FACES, fontFileName, renderDocument, resolveFontPath, type DocumentRequest } from '../../../electron/core/pdf';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';
import { pdfFonts, pdfInfo, pdfText, waitForPoppler } from '../../fixtures/pdf/poppler';

const zh = makeTranslate('zh-CN').t;

beforeAll(() => waitForPoppler());

const REQUESTS: [string, () => DocumentRequest, string][] = [
  ['certificate', () => ({ kind: 'certificate', model: fx.certificateModel() }), '2026-11-28T00:00:00Z'],
  ['evaluation report', () => ({ kind: 'evaluationReport', model: fx.evaluationReportModel() }), '2026-10-18T09:30:00Z'],
  ['feedback report', () => ({ kind: 'feedbackReport', model: fx.feedbackReportModel() }), '2026-12-05T00:00:00Z'],
  ['ranking sheet', () => ({ kind: 'rankingSheet', model: fx.rankingSheetModel() }), '2026-11-02T00:00:00Z'],
  ['score sheets', () => ({ kind: 'scoreSheets', models: [fx.scoreSheetModel(true), fx.scoreSheetModel(false)] }), '2026-09-20T00:00:00Z'],
  ['public notice', () => ({ kind: 'publicNotice', model: fx.publicNoticeModel() }), '2026-11-10T00:00:00Z'],
  ['dossier', () => ({ kind: 'dossier', model: fx.dossierModel() }), '2026-12-01T00:00:00Z'],
];

const trailerId = (pdf: Buffer) => /\/ID \[<([0-9a-f]{32})>/.exec(pdf.toString('latin1'))?.[1];
const subsetTags = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6})\+/g)].map((m) => m[1]);

describe('deterministic output', () => {
  // The first render in this file runs with cold font caches, the second with warm ones.
  it.each(REQUESTS)('renders the %s byte for byte the same twice', async (_name, request) => {
    const first = await renderDocument(request(), { t: zh });
    const second = await renderDocument(request(), { t: zh });
    expect(second.equals(first)).toBe(true);
    expect(trailerId(first)).toMatch(/^[0-9a-f]{32}$/);
    expect(subsetTags(first).length).toBeGreaterThan(0);
  });

  it.each(REQUESTS)('dates the %s from its input, not the clock', async (_name, request, date) => {
    const info = pdfInfo(await renderDocument(request(), { t: zh }));
    const expected = new Date(date);
    expect(new Date(info['CreationDate']!).getTime()).toBe(expected.getTime());
    expect(new Date(info['ModDate']!).getTime()).toBe(expected.getTime());
  });

  it('does not depend on the machine time zone', async () => {
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Shanghai';
      const shanghai = await renderDocument({ kind: 'certificate', model: fx.certificateModel({ issuedAt: '2026-11-30T20:00:00Z' }) }, { t: zh });
      process.env['TZ'] = 'America/Los_Angeles';
      const losAngeles = await renderDocument({ kind: 'certificate', model: fx.certificateModel({ issuedAt: '2026-11-30T20:00:00Z' }) }, { t: zh });
      expect(losAngeles.equals(shanghai)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });

  it('changes ID and dates when the input date changes', async () => {
    const a = await renderDocument({ kind: 'certificate', model: fx.certificateModel() }, { t: zh });
    const b = await renderDocument({ kind: 'certificate', model: fx.certificateModel({ issuedAt: '2026-12-28T00:00:00Z' }) }, { t: zh });
    expect(trailerId(a)).not.toBe(trailerId(b));
    expect(pdfText(b).replace(/\s+/g, '')).toContain('二〇二六年十二月');
  });
});

describe('embedded fonts', () => {
  it.each(REQUESTS)('embeds only Noto subsets in the %s', async (_name, request) => {
    const fonts = pdfFonts(await renderDocument(request(), { t: zh }));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)SC-(Regular|Bold)$/);
      expect(font.type).toBe('CID TrueType');
      expect(font).toMatchObject({ embedded: true, subset: true });
    }
  });

  it('finds the TTFs in a fontsDir first and falls back to the npm packages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    for (const face of FONT_FACES) symlinkSync(resolveFontPath(face), join(dir, fontFileName(face)));
    for (const face of FONT_FACES) expect(resolveFontPath(face, { fontsDir: dir })).toBe(join(dir, fontFileName(face)));
    const empty = mkdtempSync(join(tmpdir(), 'no-fonts-'));
    expect(resolveFontPath('serif', { fontsDir: empty })).toMatch(/@expo-google-fonts\/noto-serif-sc\/400Regular\/NotoSerifSC_400Regular\.ttf$/);

    const request: DocumentRequest = { kind: 'certificate', model: fx.certificateModel() };
    const fromDir = await renderDocument(request, { t: zh, fontsDir: dir });
    expect(fromDir.equals(await renderDocument(request, { t: zh }))).toBe(true);
  });
});
