import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatDate, formatPercentOfMax, formatPoints } from '../format';
import { drawPageFrames } from '../layout/frame';
import { COLORS, SIZES } from '../layout/style';
import { drawTable, type TableColumn } from '../layout/table';
import { contentBox, textLine } from '../layout/text';
import type { RankingSheetModel, RenderOptions } from '../types';

/** Committee ranking: A4 landscape, header row on every page, "第 N 页 共 M 页" in the footer. */
export function buildRankingSheet(model: RankingSheetModel, options: RenderOptions): PdfContext {
  const { t } = options;
  const title = t('ranking.title');
  const ctx = createPdf({ ...options, title: `${model.awardName} ${title}`, subject: model.awardName, date: model.generatedAt, layout: 'landscape' });
  const { doc } = ctx;
  ctx.setFrame({ title: `${model.awardName} · ${title}`, subtitle: formatDate(t, model.generatedAt) });
  doc.addPage();

  const box = contentBox(doc);
  ctx.font('sans-bold', SIZES.h1).fillColor(COLORS.accent);
  textLine(doc, `${model.awardName} ${title}`, box.left, doc.y, { align: 'center', width: box.width });
  doc.y += 26;
  ctx.font('sans', SIZES.body).fillColor(COLORS.muted);
  textLine(doc, t('ranking.subtitle', { max: model.maxTotal, count: model.rows.length, date: formatDate(t, model.generatedAt) }), box.left, doc.y, {
    align: 'center',
    width: box.width,
  });
  doc.y += 22;
  doc.fillColor(COLORS.text);

  const columns: TableColumn[] = [
    { header: t('ranking.colRank'), weight: 0.7, align: 'center' },
    // Region wide enough for a city and district on one line: wrapped, it doubled every row's height.
    { header: t('ranking.colApplicant'), weight: 3.9 },
    { header: t('ranking.colIndustry'), weight: 3.6 },
    { header: t('ranking.colRegion'), weight: 1.8 },
    ...model.stages.map((stage): TableColumn => ({ header: t('ranking.colStageScore', { stage: t(`stages.${stage}`) }), weight: 1.3, align: 'right' })),
    { header: t('ranking.colTotal'), weight: 1.3, align: 'right' },
    { header: t('ranking.colPercent'), weight: 1.1, align: 'right' },
    { header: t('ranking.colTier'), weight: 1.5, align: 'center' },
    { header: t('ranking.colNote'), weight: 1.5 },
  ];
  drawTable(ctx, {
    columns,
    zebra: true,
    fontSize: SIZES.body - 1,
    padding: 3.5,
    rows: model.rows.map((row) => [
      String(row.rank),
      row.applicantName,
      row.industry ?? '',
      row.region ?? '',
      ...model.stages.map((_, i) => {
        const score = row.stageScores[i];
        return score === null || score === undefined ? '—' : formatPoints(score);
      }),
      formatPoints(row.total),
      `${formatPercentOfMax(row.total, model.maxTotal)}%`,
      row.proposedTier ?? '',
      row.note ?? '',
    ]),
  });

  drawPageFrames(ctx);
  return ctx;
}

export function renderRankingSheet(model: RankingSheetModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildRankingSheet(model, options).doc);
}
