import { createPdf, finishToBuffer, finishToFile, type PdfContext } from '../pdf-context';
import { formatCertificateDate } from '../format';
import { fitText, type FitOptions } from '../layout/fit-text';
import { drawPng } from '../layout/png-image';
import { COLORS } from '../layout/style';
import { textLine } from '../layout/text';
import type { CertificateModel, RenderOptions } from '../types';

/** A4 landscape in points. */
export const CERTIFICATE_PAGE = { width: 841.89, height: 595.28 } as const;

const BODY_LEFT = 120;
const BODY_WIDTH = CERTIFICATE_PAGE.width - 2 * BODY_LEFT;

/** Where the recipient's name goes and how it may shrink or wrap; nothing is drawn outside. */
export const CERTIFICATE_NAME_BOX: FitOptions & { x: number; y: number } = {
  x: BODY_LEFT,
  y: 214,
  width: BODY_WIDTH,
  height: 96,
  maxSize: 30,
  singleLineMinSize: 22,
  minSize: 15,
  maxLines: 3,
  leading: 1.3,
};

const AWARD_BOX: FitOptions & { x: number; y: number } = {
  x: BODY_LEFT,
  y: 326,
  width: BODY_WIDTH,
  height: 62,
  maxSize: 22,
  singleLineMinSize: 17,
  minSize: 13,
  maxLines: 2,
  leading: 1.35,
};

const ISSUER_BOX: FitOptions & { y: number } = {
  y: 440,
  width: 300,
  height: 44,
  maxSize: 19,
  singleLineMinSize: 14,
  minSize: 11,
  maxLines: 2,
  leading: 1.25,
};

const SEAL_SIZE = 124;
const ISSUER_CENTER_X = CERTIFICATE_PAGE.width - 230;

function drawBorder(ctx: PdfContext): void {
  const { doc } = ctx;
  const { width, height } = CERTIFICATE_PAGE;
  doc.rect(0, 0, width, height).fillColor('#fffdf6').fill();
  doc.lineWidth(4).strokeColor(COLORS.gold).rect(22, 22, width - 44, height - 44).stroke();
  doc.lineWidth(0.8).rect(32, 32, width - 64, height - 64).stroke();
  for (const [x, y] of [
    [32, 32],
    [width - 32, 32],
    [32, height - 32],
    [width - 32, height - 32],
  ] as const) {
    doc.polygon([x, y - 7], [x + 7, y], [x, y + 7], [x - 7, y]).fillColor(COLORS.gold).fill();
  }
}

function drawFitted(ctx: PdfContext, text: string, box: FitOptions & { x: number; y: number }, face: 'serif' | 'serif-bold'): void {
  const { doc } = ctx;
  ctx.font(face, box.maxSize);
  const fitted = fitText(doc, text, box);
  doc.fontSize(fitted.size);
  const blockHeight = fitted.lines.length * fitted.lineHeight;
  let y = box.y + (box.height - blockHeight) / 2 + (fitted.lineHeight - fitted.size) / 2;
  for (const line of fitted.lines) {
    textLine(doc, line, box.x, y, { align: 'center', width: box.width });
    y += fitted.lineHeight;
  }
}

/** Adds one certificate page (A4 landscape, edge-to-edge, no running header) to the context. */
export function drawCertificatePage(ctx: PdfContext, model: CertificateModel): void {
  const { doc, t } = ctx;
  ctx.setFrame(null);
  doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  drawBorder(ctx);
  const { width } = CERTIFICATE_PAGE;

  ctx.font('serif', 10.5).fillColor(COLORS.muted);
  textLine(doc, t('certificate.number', { number: model.certificateNo }), 60, 52, { align: 'right', width: width - 120 });

  const title = t('certificate.title');
  const spacing = /[\u3400-\u9fff]/u.test(title) ? 22 : 2;
  ctx.font('serif-bold', 42).fillColor(COLORS.accent);
  // Letter-spacing adds after the last glyph too; shift by half of it to stay optically centred.
  textLine(doc, title, spacing / 2, 84, { align: 'center', width, characterSpacing: spacing });
  doc.moveTo(width / 2 - 110, 148).lineTo(width / 2 + 110, 148).lineWidth(0.8).strokeColor(COLORS.gold).stroke();

  ctx.font('serif', 19).fillColor(COLORS.text);
  textLine(doc, t('certificate.presentedTo'), BODY_LEFT, 182);

  drawFitted(ctx, model.recipientName, CERTIFICATE_NAME_BOX, 'serif-bold');
  const ruleY = CERTIFICATE_NAME_BOX.y + CERTIFICATE_NAME_BOX.height + 8;
  doc.moveTo(BODY_LEFT + 40, ruleY).lineTo(BODY_LEFT + BODY_WIDTH - 40, ruleY).lineWidth(0.6).strokeColor(COLORS.rule).stroke();

  const award = model.tierName
    ? t('certificate.awardWithTier', { award: model.awardName, tier: model.tierName })
    : t('certificate.award', { award: model.awardName });
  doc.fillColor(COLORS.text);
  drawFitted(ctx, award, AWARD_BOX, 'serif');

  ctx.font('serif', 18).fillColor(COLORS.text);
  textLine(doc, t('certificate.closing'), BODY_LEFT + 36, 404);

  const issuerBox = { ...ISSUER_BOX, x: ISSUER_CENTER_X - ISSUER_BOX.width / 2 };
  drawFitted(ctx, model.issuer, issuerBox, 'serif');
  ctx.font('serif', 17);
  textLine(doc, formatCertificateDate(t, model.issuedAt), issuerBox.x, 493, { align: 'center', width: issuerBox.width });

  if (model.seal) {
    // The seal is stamped over issuer and date, as on paper; PNG alpha keeps the text visible.
    drawPng(ctx, model.seal, ISSUER_CENTER_X - SEAL_SIZE / 2, 420, SEAL_SIZE, SEAL_SIZE);
  }
  doc.fillColor(COLORS.text);
}

/** Certificates in one file: fonts are subset and embedded once for all pages. */
export function buildCertificates(models: CertificateModel[], options: RenderOptions): PdfContext {
  const first = models[0];
  if (!first) throw new RangeError('no certificates to render');
  const title = models.length === 1 ? `${options.t('certificate.title')} ${first.recipientName}` : options.t('certificate.title');
  const ctx = createPdf({ ...options, title, subject: first.awardName, date: first.issuedAt, layout: 'landscape' });
  for (const model of models) drawCertificatePage(ctx, model);
  return ctx;
}

export function renderCertificate(model: CertificateModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildCertificates([model], options).doc);
}

/** Streams one certificate to a file. */
export function renderCertificateToFile(model: CertificateModel, filePath: string, options: RenderOptions): Promise<void> {
  return finishToFile(buildCertificates([model], options).doc, filePath);
}

export function renderCertificatesCombined(models: CertificateModel[], options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildCertificates(models, options).doc);
}
