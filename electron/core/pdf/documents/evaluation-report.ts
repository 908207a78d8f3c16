import { createPdf, finishToBuffer, type PdfContext } from '../pdf-context';
import { formatDate, formatPercentOfMax, formatPoints, percentOfMax } from '../format';
import { drawPageFrames } from '../layout/frame';
import { drawRadarChart } from '../layout/radar-chart';
import { drawSignatureBlock, SIGNATURE_ROW_HEIGHT } from '../layout/signature';
import { COLORS, SIZES } from '../layout/style';
import { drawTable, type TableRow } from '../layout/table';
import { contentBox, ensureSpace, heading, paragraph } from '../layout/text';
import type { EvaluationReportModel, RenderOptions } from '../types';
import { bookmarkPage, drawCover, drawFindings, drawKeyThemes, drawProfile } from './sections';

export function evaluationTitle(ctx: Pick<PdfContext, 't'>, model: EvaluationReportModel): string {
  return ctx.t('evaluation.stageTitle', { stage: ctx.t(`stages.${model.stage}`) });
}

function drawPanel(ctx: PdfContext, model: EvaluationReportModel): void {
  const { t } = ctx;
  heading(ctx, t('evaluation.panelTitle'), 1);
  drawTable(ctx, {
    columns: [
      { header: t('evaluation.colMemberName'), weight: 2 },
      { header: t('evaluation.colRole'), weight: 1.2, align: 'center' },
      { header: t('evaluation.colAffiliation'), weight: 5 },
    ],
    rows: model.panel.map((m) => [m.name, t(m.role === 'leader' ? 'evaluation.roleLeader' : 'evaluation.roleMember'), m.affiliation ?? '']),
  });
}

function drawScores(ctx: PdfContext, model: EvaluationReportModel): void {
  const { doc, t } = ctx;
  heading(ctx, t('evaluation.scoresTitle'), 1);
  paragraph(ctx, t('evaluation.totalLine', {
    score: formatPoints(model.totalScore),
    max: model.maxTotal,
    percent: formatPercentOfMax(model.totalScore, model.maxTotal),
  }), { bold: true, after: 8 });

  drawTable(ctx, {
    columns: [
      { header: t('evaluation.colCode'), weight: 1, align: 'center' },
      { header: t('evaluation.colCategory'), weight: 5 },
      { header: t('evaluation.colMax'), weight: 1.3, align: 'right' },
      { header: t('evaluation.colScore'), weight: 1.5, align: 'right' },
      { header: t('evaluation.colPercentOfMax'), weight: 1.5, align: 'right' },
    ],
    rows: [
      ...model.categories.map((c) => [c.code, c.name, String(c.maxPoints), formatPoints(c.score), `${formatPercentOfMax(c.score, c.maxPoints)}%`]),
      { cells: ['', t('evaluation.total'), String(model.maxTotal), formatPoints(model.totalScore), `${formatPercentOfMax(model.totalScore, model.maxTotal)}%`], bold: true },
    ],
  });

  const chartHeight = 290;
  ensureSpace(ctx, chartHeight + 30);
  ctx.font('sans-bold', SIZES.h3).fillColor(COLORS.text);
  const box = contentBox(doc);
  doc.text(t('evaluation.radarTitle'), box.left, doc.y, { width: box.width, align: 'center' });
  const top = doc.y;
  drawRadarChart(ctx, {
    centerX: box.left + box.width / 2,
    centerY: top + chartHeight / 2 + 6,
    radius: 105,
    axes: model.categories.map((c) => ({ label: `${c.code} ${c.name}`, percent: percentOfMax(c.score, c.maxPoints) })),
  });
  doc.x = box.left;
  doc.y = top + chartHeight + 10;

  heading(ctx, t('evaluation.itemScoresTitle'), 2);
  const rows: TableRow[] = [];
  for (const category of model.categories) {
    rows.push({
      cells: [category.code, category.name, String(category.maxPoints), '', formatPoints(category.score)],
      bold: true,
      fill: COLORS.zebra,
    });
    for (const item of category.items) {
      rows.push({ cells: [item.code, item.name, String(item.maxPoints), `${item.percent}%`, formatPoints(item.score)] });
    }
  }
  drawTable(ctx, {
    columns: [
      { header: t('evaluation.colCode'), weight: 1.1, align: 'center' },
      { header: t('evaluation.colItem'), weight: 5 },
      { header: t('evaluation.colMax'), weight: 1.2, align: 'right' },
      { header: t('evaluation.colPercent'), weight: 1.3, align: 'right' },
      { header: t('evaluation.colScore'), weight: 1.4, align: 'right' },
    ],
    rows,
    fontSize: SIZES.body - 0.5,
  });
}

function drawItemFindings(ctx: PdfContext, model: EvaluationReportModel): void {
  const { t } = ctx;
  heading(ctx, t('evaluation.findingsTitle'), 1);
  for (const category of model.categories) {
    for (const item of category.items) {
      heading(ctx, t('evaluation.itemHeading', {
        code: item.code,
        name: item.name,
        percent: item.percent,
        score: formatPoints(item.score),
      }), 2);
      drawFindings(ctx, item.strengths, item.opportunities);
    }
  }
}

export function drawSignatures(ctx: PdfContext, model: EvaluationReportModel): void {
  const { t } = ctx;
  // The whole block stays on one page: a signature belongs with the names above it.
  ensureSpace(ctx, 60 + Math.ceil(model.panel.length / 2) * SIGNATURE_ROW_HEIGHT);
  heading(ctx, t('evaluation.signaturesTitle'), 1);
  const ordered = [...model.panel].sort((a, b) => Number(b.role === 'leader') - Number(a.role === 'leader'));
  drawSignatureBlock(ctx, ordered.map((m) => ({
    label: t(m.role === 'leader' ? 'evaluation.signLeader' : 'evaluation.signMember'),
    name: m.name,
  })), t('common.signDate'));
}

/** Everything after the cover; the dossier reuses it for each stage's evaluation. */
export function drawEvaluationBody(ctx: PdfContext, model: EvaluationReportModel, options: { includeProfile: boolean }): void {
  if (options.includeProfile) drawProfile(ctx, model.applicant);
  drawPanel(ctx, model);
  drawScores(ctx, model);
  drawItemFindings(ctx, model);
  drawKeyThemes(ctx, model.keyThemes);
  drawSignatures(ctx, model);
}

/** Cover and body of one report, numbered on its own ("第 N 页 共 M 页" counts this report's pages). */
function drawEvaluationReport(ctx: PdfContext, model: EvaluationReportModel): void {
  const { t } = ctx;
  const title = evaluationTitle({ t }, model);
  drawCover(ctx, {
    kicker: model.awardName,
    title,
    name: model.applicant.name,
    facts: [
      ...(model.reportNo ? [[t('evaluation.reportNo'), model.reportNo] as [string, string]] : []),
      [t('evaluation.stage'), t(`stages.${model.stage}`)],
      [t('evaluation.panelLeader'), model.panel.filter((m) => m.role === 'leader').map((m) => m.name).join('、') || '—'],
      [t('evaluation.reportDate'), formatDate(t, model.generatedAt)],
    ],
    note: t('common.confidential'),
  });
  ctx.setFrame({ title: `${model.awardName} · ${title}`, subtitle: model.applicant.name });
  ctx.doc.addPage();
  drawEvaluationBody(ctx, model, { includeProfile: true });
}

/**
 * One report, or several in one file (a batch printed "combined"): each keeps its cover and its own
 * page numbers, and a bookmark per applicant leads to its cover.
 */
export function buildEvaluationReports(models: EvaluationReportModel[], options: RenderOptions): PdfContext {
  const first = models[0];
  if (!first) throw new RangeError('no reports to render');
  const title = evaluationTitle({ t: options.t }, first);
  const ctx = createPdf({ ...options, title: models.length === 1 ? `${title} ${first.applicant.name}` : title, subject: first.awardName, date: first.generatedAt });
  for (const model of models) {
    const page = ctx.doc.bufferedPageRange().count;
    drawEvaluationReport(ctx, model);
    if (models.length > 1) bookmarkPage(ctx, model.applicant.name, page);
  }
  drawPageFrames(ctx);
  return ctx;
}

export function buildEvaluationReport(model: EvaluationReportModel, options: RenderOptions): PdfContext {
  return buildEvaluationReports([model], options);
}

export function renderEvaluationReport(model: EvaluationReportModel, options: RenderOptions): Promise<Buffer> {
  return finishToBuffer(buildEvaluationReport(model, options).doc);
}
