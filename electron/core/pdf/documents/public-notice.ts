import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatDate } from '../format';
import { drawPageFrames } from '../layout/frame';
import { COLORS, SIZES } from '../layout/style';
import { drawTable } from '../layout/table';
import { contentBox, paragraph, spacer, textLine } from '../layout/text';
import type { PublicNoticeModel, RenderOptions } from '../types';

/** Public-notice list (公示名单): announcement text, the proposed winners, contact, sign-off. */
export function buildPublicNotice(model: PublicNoticeModel, options: RenderOptions): PdfContext {
  const { t } = options;
  const heading = t('publicNotice.heading', { award: model.awardName });
  const ctx = createPdf({ ...options, title: heading, subject: model.awardName, date: model.publishedAt });
  const { doc } = ctx;
  ctx.setFrame({ title: t('publicNotice.title'), subtitle: model.issuer });
  doc.addPage();

  const box = contentBox(doc);
  ctx.font('sans-bold', SIZES.h1).fillColor(COLORS.accent);
  doc.text(heading, box.left + 20, doc.y + 6, { width: box.width - 40, align: 'center', lineGap: 4 });
  doc.y += 14;
  paragraph(ctx, t('publicNotice.intro', {
    award: model.awardName,
    from: formatDate(t, model.period.from),
    to: formatDate(t, model.period.to),
    issuer: model.issuer,
    count: model.entries.length,
  }), { after: 10 });

  const hasTier = model.entries.some((e) => e.tierName);
  drawTable(ctx, {
    columns: [
      { header: t('publicNotice.colNo'), weight: 0.8, align: 'center' },
      { header: t('publicNotice.colName'), weight: 5.4 },
      ...(hasTier ? [{ header: t('publicNotice.colTier'), weight: 1.6, align: 'center' as const }] : []),
      { header: t('publicNotice.colIndustry'), weight: 2 },
      { header: t('publicNotice.colRegion'), weight: 1.4 },
    ],
    rows: model.entries.map((entry, i) => [
      String(i + 1),
      entry.name,
      ...(hasTier ? [entry.tierName ?? ''] : []),
      entry.industry ?? '',
      entry.region ?? '',
    ]),
  });

  const contact = model.contact;
  if (contact && (contact.phone || contact.email || contact.address)) {
    paragraph(ctx, t('publicNotice.contactTitle'), { bold: true, after: 2 });
    if (contact.phone) paragraph(ctx, t('publicNotice.phone', { value: contact.phone }), { after: 1 });
    if (contact.email) paragraph(ctx, t('publicNotice.email', { value: contact.email }), { after: 1 });
    if (contact.address) paragraph(ctx, t('publicNotice.address', { value: contact.address }), { after: 1 });
  }

  spacer(ctx, 24);
  if (doc.y + 44 > contentBox(doc).bottom) doc.addPage();
  ctx.font('sans', SIZES.body + 1).fillColor(COLORS.text);
  const signoff = contentBox(doc);
  textLine(doc, model.issuer, signoff.left, doc.y, { align: 'right', width: signoff.width });
  textLine(doc, formatDate(t, model.publishedAt), signoff.left, doc.y + 18, { align: 'right', width: signoff.width });
  doc.y += 36;

  drawPageFrames(ctx);
  return ctx;
}

export function renderPublicNotice(model: PublicNoticeModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildPublicNotice(model, options).doc);
}
