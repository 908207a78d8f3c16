import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatDate, formatPoints } from '../format';
import { drawPageFrames } from '../layout/frame';
import { drawSignatureBlock } from '../layout/signature';
import { COLORS, SIZES } from '../layout/style';
import { drawTable, type TableRow } from '../layout/table';
import { contentBox, paragraph, textLine } from '../layout/text';
import type { RenderOptions, ScoreSheetModel } from '../types';
import { drawFacts } from './sections';

function drawScoreSheet(ctx: PdfContext, model: ScoreSheetModel): void {
  const { doc, t } = ctx;
  const title = t('scoreSheet.title');
  ctx.setFrame({ title: `${model.awardName} · ${title}`, subtitle: model.applicantName ?? '' });
  doc.addPage();
  const box = contentBox(doc);
  ctx.font('sans-bold', SIZES.h1).fillColor(COLORS.accent);
  textLine(doc, t('scoreSheet.heading', { stage: t(`stages.${model.stage}`) }), box.left, doc.y, { align: 'center', width: box.width });
  doc.y += 30;
  doc.fillColor(COLORS.text);
  const blankLine = '';
  drawFacts(ctx, [
    [t('scoreSheet.applicant'), model.applicantName ?? blankLine],
    [t('scoreSheet.expert'), model.expertName ?? blankLine],
    [t('scoreSheet.stage'), t(`stages.${model.stage}`)],
    [t('scoreSheet.maxTotal'), String(model.maxTotal)],
  ]);

  const score = (value: number | null): string => (value === null ? '' : formatPoints(value));
  const rows: TableRow[] = [];
  for (const category of model.categories) {
    rows.push({ cells: [category.code, category.name, String(category.maxPoints), '', score(category.score), ''], bold: true, fill: COLORS.zebra });
    for (const item of category.items) {
      rows.push({ cells: [item.code, item.name, String(item.maxPoints), item.percent === null ? '' : `${item.percent}%`, score(item.score), item.note ?? ''] });
    }
  }
  rows.push({ cells: ['', t('scoreSheet.total'), String(model.maxTotal), '', score(model.total), ''], bold: true });
  drawTable(ctx, {
    columns: [
      { header: t('scoreSheet.colCode'), weight: 1.1, align: 'center' },
      { header: t('scoreSheet.colItem'), weight: 4.6 },
      { header: t('scoreSheet.colMax'), weight: 1.1, align: 'right' },
      { header: t('scoreSheet.colPercent'), weight: 1.4, align: 'right' },
      { header: t('scoreSheet.colScore'), weight: 1.4, align: 'right' },
      { header: t('scoreSheet.colNote'), weight: 3 },
    ],
    rows,
    fontSize: SIZES.body - 0.5,
    minRowHeight: 20,
  });
  paragraph(ctx, t('scoreSheet.rule'), { size: SIZES.small, color: COLORS.muted, after: 6 });
  drawSignatureBlock(ctx, [{ label: t('scoreSheet.signExpert'), ...(model.expertName ? { name: model.expertName } : {}) }], t('common.signDate'));
  if (model.expertName) {
    ctx.font('sans', SIZES.small).fillColor(COLORS.muted);
    textLine(doc, t('scoreSheet.printedOn', { date: formatDate(t, model.generatedAt) }), box.left, doc.y, { align: 'right', width: box.width });
    doc.fillColor(COLORS.text);
  }
}

/** One or many score sheets (per expert and applicant, filled or blank) in one file. */
export function buildScoreSheets(models: ScoreSheetModel[], options: RenderOptions): PdfContext {
  const first = models[0];
  if (!first) throw new RangeError('no score sheets to render');
  const title = options.t('scoreSheet.title');
  const ctx = createPdf({ ...options, title: `${first.awardName} ${title}`, subject: first.awardName, date: first.generatedAt });
  for (const model of models) drawScoreSheet(ctx, model);
  drawPageFrames(ctx);
  return ctx;
}

export function renderScoreSheet(model: ScoreSheetModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildScoreSheets([model], options).doc);
}

export function renderScoreSheets(models: ScoreSheetModel[], options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildScoreSheets(models, options).doc);
}
