import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_NAME_BOX,
  fitText,
  renderCertificate,
  renderCertificateToFile,
  renderCertificatesCombined,
  resolveFontPath,
} from '../../../electron/core/pdf';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';
import { compact, pdfFonts, pdfInfo, pdfPages, pdfText, pdfWordBoxes, waitForPoppler, writeTemp } from '../../fixtures/pdf/poppler';

const zh = makeTranslate('zh-CN').t;

// pdftotext boxes span the font's full ascent and descent, taller than the ink: test the middle.
const inside = (box: { y: number; height: number }, y: number) => y >= box.y && y <= box.y + box.height;

beforeAll(() => waitForPoppler());

describe('award certificate', () => {
  it('carries name, award wording, issuer, Chinese-numeral date and number', async () => {
    const pdf = await renderCertificate(fx.certificateModel(), { t: zh });
    const text = compact(pdfText(pdf));
    expect(text).toContain('荣誉证书');
    expect(text).toContain(`授予：${fx.APPLICANT_NAME}`);
    expect(text).toContain('“2026年度杭州市市长质量奖”称号。');
    expect(text).toContain('特发此证。');
    expect(text).toContain('杭州市人民政府');
    expect(text).toContain('二〇二六年十一月');
    expect(text).toContain('证书编号：HZZLJ-2026-001');
  });

  it('is one A4 landscape page in serif type, embedded as subsets', async () => {
    const pdf = await renderCertificate(fx.certificateModel(), { t: zh });
    const info = pdfInfo(pdf);
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
  });

  it('names the tier when there is one, in each language', async () => {
    const model = fx.certificateModel({ tierName: '提名奖' });
    expect(compact(pdfText(await renderCertificate(model, { t: zh })))).toContain('“2026年度杭州市市长质量奖提名奖”称号。');
    const en = compact(pdfText(await renderCertificate(model, { t: makeTranslate('en').t })));
    expect(en).toContain('CertificateofHonour');
    expect(en).toContain('November2026');
    expect(en).toContain('2026年度杭州市市长质量奖:提名奖');
    const tw = compact(pdfText(await renderCertificate(model, { t: makeTranslate('zh-TW').t })));
    expect(tw).toContain('榮譽證書');
    expect(tw).toContain('二〇二六年十一月');
    expect(tw).toContain('「2026年度杭州市市长质量奖提名奖」稱號。');
  });

  it('stamps the seal as an image with its transparency kept', async () => {
    const withSeal = await renderCertificate(fx.certificateModel(), { t: zh });
    const list = execFileSync('pdfimages', ['-list', writeTemp(withSeal)], { encoding: 'utf8' });
    expect(list).toMatch(/\bimage\b.*\n.*\bsmask\b/);
    const withoutSeal = await renderCertificate(fx.certificateModel({ seal: undefined }), { t: zh });
    expect(execFileSync('pdfimages', ['-list', writeTemp(withoutSeal)], { encoding: 'utf8' })).not.toMatch(/\bimage\b/);
  });

  it('fits a 60-character name inside its box by shrinking and wrapping', async () => {
    expect([...fx.LONG_NAME]).toHaveLength(60);
    const doc = new PDFDocument({ autoFirstPage: false });
    const fontkit = await import('fontkit');
    doc.registerFont('name', fontkit.create(readFileSync(resolveFontPath('serif-bold'))) as unknown as Buffer);
    doc.font('name');
    const fitted = fitText(doc, fx.LONG_NAME, CERTIFICATE_NAME_BOX);
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.length).toBeLessThanOrEqual(CERTIFICATE_NAME_BOX.maxLines);
    expect(fitted.size).toBeGreaterThanOrEqual(CERTIFICATE_NAME_BOX.minSize);
    expect(fitted.lines.join('')).toBe(fx.LONG_NAME);
    doc.fontSize(fitted.size);
    for (const line of fitted.lines) expect(doc.widthOfString(line)).toBeLessThanOrEqual(CERTIFICATE_NAME_BOX.width);
    expect(fitted.lines.length * fitted.lineHeight).toBeLessThanOrEqual(CERTIFICATE_NAME_BOX.height);
    // no line starts with closing punctuation
    for (const line of fitted.lines) expect(line[0]).not.toMatch(/[）)，。、]/);

    const short = fitText(doc, fx.APPLICANT_NAME, CERTIFICATE_NAME_BOX);
    expect(short).toMatchObject({ size: CERTIFICATE_NAME_BOX.maxSize, lines: [fx.APPLICANT_NAME] });
  });

  it('keeps the drawn long name within the name box on the page', async () => {
    const pdf = await renderCertificate(fx.certificateModel({ recipientName: fx.LONG_NAME }), { t: zh });
    expect(compact(pdfText(pdf))).toContain(fx.LONG_NAME);
    const [page] = pdfWordBoxes(pdf);
    const box = CERTIFICATE_NAME_BOX;
    const nameWords = page!.words.filter((w) => inside(box, (w.yMin + w.yMax) / 2));
    expect(nameWords.map((w) => w.text).join('')).toBe(fx.LONG_NAME);
    for (const word of nameWords) {
      expect(word.xMin).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(word.xMax).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    for (const word of page!.words) {
      expect(word.xMax).toBeLessThanOrEqual(page!.width);
      expect(word.yMax).toBeLessThanOrEqual(page!.height);
    }
  });

  it('shrinks even an absurdly long name rather than overflow', async () => {
    const name = fx.LONG_NAME.repeat(4);
    const pdf = await renderCertificate(fx.certificateModel({ recipientName: name }), { t: zh });
    const [page] = pdfWordBoxes(pdf);
    const box = CERTIFICATE_NAME_BOX;
    const nameWords = page!.words.filter((w) => inside(box, (w.yMin + w.yMax) / 2));
    expect(nameWords.map((w) => w.text).join('')).toBe(name);
  });

  it('keeps names with XML specials intact on the page and the metadata well-formed', async () => {
    const name = 'A&B <Smart> Manufacturing Co., Ltd.';
    const pdf = await renderCertificate(fx.certificateModel({ recipientName: name }), { t: makeTranslate('en').t });
    expect(pdfText(pdf)).toContain(name);
    expect(pdfInfo(pdf)['Title']).toContain('A＆B ＜Smart＞ Manufacturing');
    const xmp = /<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(pdf.toString('latin1'))![0];
    expect(xmp).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(xmp).not.toContain('<Smart>');
  });

  it('streams to a file with the same bytes as in memory', async () => {
    const model = fx.certificateModel();
    const file = join(mkdtempSync(join(tmpdir(), 'certificate-')), 'certificate.pdf');
    await renderCertificateToFile(model, file, { t: zh });
    expect(readFileSync(file).equals(await renderCertificate(model, { t: zh }))).toBe(true);
  });

  it('combines many certificates into one file, one page each', async () => {
    const names = ['宁波新材料股份有限公司', '温州精密机械股份有限公司', fx.LONG_NAME];
    const pdf = await renderCertificatesCombined(
      names.map((recipientName, i) => fx.certificateModel({ recipientName, certificateNo: `HZZLJ-2026-00${i + 1}` })),
      { t: zh },
    );
    const pages = pdfPages(pdf).map(compact);
    expect(pages).toHaveLength(3);
    names.forEach((name, i) => {
      expect(pages[i]).toContain(name);
      expect(pages[i]).toContain(`HZZLJ-2026-00${i + 1}`);
    });
    // fonts are embedded once for the whole batch
    expect(pdfFonts(pdf)).toHaveLength(2);
  });
});
