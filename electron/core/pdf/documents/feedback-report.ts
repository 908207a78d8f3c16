import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatBand, formatDate } from '../format';
import { drawPageFrames } from '../layout/frame';
import { COLORS, SIZES } from '../layout/style';
import { drawTable, type TableRow } from '../layout/table';
import { contentBox, heading, paragraph, spacer, textLine } from '../layout/text';
import type { FeedbackReportModel, RenderOptions } from '../types';
import { bookmarkPage, drawFindings, drawKeyThemes } from './sections';

/**
 * Feedback for the applicant: findings per item and results as scoring bands, never points. Several
 * in one file (a batch printed "combined") each start on a new page, numbered on their own, with a
 * bookmark per applicant.
 */
export function buildFeedbackReports(models: FeedbackReportModel[], options: RenderOptions): PdfContext {
  const first = models[0];
  if (!first) throw new RangeError('no feedback reports to render');
  const title = options.t('feedback.title');
  const ctx = createPdf({ ...options, title: models.length === 1 ? `${title} ${first.applicantName}` : title, subject: first.awardName, date: first.generatedAt });
  for (const model of models) {
    const page = ctx.doc.bufferedPageRange().count;
    drawFeedbackReport(ctx, model);
    if (models.length > 1) bookmarkPage(ctx, model.applicantName, page);
  }
  drawPageFrames(ctx);
  return ctx;
}

export function buildFeedbackReport(model: FeedbackReportModel, options: RenderOptions): PdfContext {
  return buildFeedbackReports([model], options);
}

function drawFeedbackReport(ctx: PdfContext, model: FeedbackReportModel): void {
  const { doc, t } = ctx;
  const title = t('feedback.title');
  ctx.setFrame({ title: `${model.awardName} · ${title}`, subtitle: model.applicantName });
  doc.addPage();

  const box = contentBox(doc);
  ctx.font('sans', SIZES.h3).fillColor(COLORS.muted);
  textLine(doc, model.awardName, box.left, doc.y, { align: 'center', width: box.width });
  doc.y += 22;
  ctx.font('sans-bold', SIZES.title).fillColor(COLORS.accent);
  textLine(doc, title, box.left, doc.y, { align: 'center', width: box.width, characterSpacing: 3 });
  doc.y += 46;
  paragraph(ctx, t('feedback.salutation', { name: model.applicantName }), { bold: true, after: 6 });
  paragraph(ctx, t('feedback.intro', { award: model.awardName }), { after: 4 });
  paragraph(ctx, t('feedback.bandNote'), { color: COLORS.muted, after: 6 });

  drawKeyThemes(ctx, model.keyThemes);

  heading(ctx, t('feedback.resultsTitle'), 1);
  const rows: TableRow[] = [];
  for (const category of model.categories) {
    rows.push({ cells: [category.code, category.name, ''], bold: true, fill: COLORS.zebra });
    for (const item of category.items) rows.push({ cells: [item.code, item.name, formatBand(item.percent)] });
  }
  drawTable(ctx, {
    columns: [
      { header: t('feedback.colCode'), weight: 1.1, align: 'center' },
      { header: t('feedback.colItem'), weight: 6 },
      { header: t('feedback.colBand'), weight: 1.8, align: 'center' },
    ],
    rows,
  });

  heading(ctx, t('feedback.findingsTitle'), 1);
  for (const category of model.categories) {
    for (const item of category.items) {
      heading(ctx, t('feedback.itemHeading', { code: item.code, name: item.name, band: formatBand(item.percent) }), 2);
      drawFindings(ctx, item.strengths, item.opportunities);
    }
  }

  spacer(ctx, 16);
  if (doc.y + 50 > contentBox(doc).bottom) doc.addPage();
  ctx.font('sans', SIZES.body + 1).fillColor(COLORS.text);
  const right = contentBox(doc);
  textLine(doc, model.issuer, right.left, doc.y, { align: 'right', width: right.width });
  textLine(doc, formatDate(t, model.generatedAt), right.left, doc.y + 18, { align: 'right', width: right.width });
  doc.y += 36;
}

export function renderFeedbackReport(model: FeedbackReportModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildFeedbackReport(model, options).doc);
}
