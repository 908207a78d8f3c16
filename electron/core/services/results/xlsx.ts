/**
 * Excel workbooks of the results: the ranking with per-item scores, the expert × item matrix of every
 * applicant, every comment, and the public-notice list (公示名单). Headers in the workspace's language;
 * figures as numbers with two decimals (display rounding of the exact values), never re-added.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { NOT_AWARDED, type XLSX_EXPORTS } from '../../../../shared/api/results';
import { itemScoreHundredths, toDecimalString, type Rational } from '../../../../shared/domain/scoring';
import type { CoreContext } from '../../context';
import { reserveDownload, safeFileName } from '../../file-intake';
import { getSettings } from '../settings';
import { awardedApplicants } from '../documents/models';
import { industryText, itemName, loadDocumentSource, tierName, type DocumentSource } from '../documents/source';
import { stageFindings } from '../documents/evaluation';
import { rankingRows } from './ranking';

type ExportKind = (typeof XLSX_EXPORTS)[number];

/** Points with two decimals as a number (rounded exactly like the screen shows them). */
const points = (value: Rational) => Number(toDecimalString(value, 2, { shift: 2 }));

function sheet(workbook: ExcelJS.Workbook, name: string, headers: { header: string; width: number }[]): ExcelJS.Worksheet {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = headers.map((h, i) => ({ header: h.header, key: `c${i}`, width: h.width }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  return worksheet;
}

function rankingSheet(workbook: ExcelJS.Workbook, source: DocumentSource): void {
  const { t, outcome } = source;
  const rows = rankingRows(source.ctx, outcome, null);
  const stages = outcome.data.stages;
  const items = source.index.items;
  const ws = sheet(workbook, t('results.xlsx.sheet.ranking'), [
    { header: t('results.xlsx.col.rank'), width: 7 },
    { header: t('results.xlsx.col.name'), width: 36 },
    { header: t('results.xlsx.col.creditCode'), width: 22 },
    { header: t('results.xlsx.col.industry'), width: 26 },
    { header: t('results.xlsx.col.region'), width: 16 },
    ...stages.map((s) => ({ header: t('results.xlsx.col.stageTotal', { stage: t(`documents.stages.${s.stage}`), weight: s.weightPercent }), width: 14 })),
    { header: t('results.xlsx.col.total'), width: 11 },
    { header: t('results.xlsx.col.tier'), width: 14 },
    { header: t('results.xlsx.col.decision'), width: 14 },
    { header: t('results.xlsx.col.certificateNo'), width: 18 },
    { header: t('results.xlsx.col.flagged'), width: 10 },
    { header: t('results.xlsx.col.maxSpread'), width: 10 },
    ...items.map((item) => ({ header: `${item.id} ${item.names[source.language]}（${item.points}）`, width: 12 })),
  ]);
  for (const row of rows) {
    const result = outcome.resultOf.get(row.applicantId);
    ws.addRow([
      row.rank ?? '',
      row.legalName,
      row.creditCode,
      industryText(source, row.section, row.division),
      row.region,
      ...row.stageTotals.map((s) => (s.total ? points(s.total) : '')),
      row.combined ? points(row.combined) : '',
      row.tierId ? tierName(source, row.tierId) : '',
      row.decision ? (row.decision.outcome === NOT_AWARDED ? t('results.outcome.notAwarded') : tierName(source, row.decision.outcome)) : '',
      row.certificateNo ?? '',
      row.disagreement.flaggedItems,
      row.disagreement.maxSpread ?? '',
      ...items.map((item) => {
        const score = result?.items.find((i) => i.itemId === item.id)?.score;
        return score ? points(score) : '';
      }),
    ]);
  }
}

function matrixSheet(workbook: ExcelJS.Workbook, source: DocumentSource): void {
  const { t, outcome } = source;
  const items = source.index.items;
  const ws = sheet(workbook, t('results.xlsx.sheet.matrix'), [
    { header: t('results.xlsx.col.name'), width: 34 },
    { header: t('results.xlsx.col.stage'), width: 12 },
    { header: t('results.xlsx.col.expert'), width: 14 },
    ...items.map((item) => ({ header: `${item.id}（${item.points}）`, width: 9 })),
    { header: t('results.xlsx.col.total'), width: 11 },
  ]);
  for (const data of source.order) {
    for (const stage of data.stages) {
      if (stage.memberIds.length === 0) continue;
      const rows = source.ctx.db
        .prepare('SELECT expert_id, item_id, percent FROM scores WHERE stage = ? AND applicant_id = ?')
        .all(stage.stage, data.applicant.id) as { expert_id: string; item_id: string; percent: number }[];
      const line = (label: string, percentOf: (itemId: string) => number | undefined) => {
        const percents = items.map((item) => percentOf(item.id));
        const complete = percents.every((p) => p !== undefined);
        const total = complete ? items.reduce((s, item, i) => s + itemScoreHundredths(item.points, percents[i]!), 0) / 100 : '';
        ws.addRow([data.applicant.legalName, t(`documents.stages.${stage.stage}`), label, ...percents.map((p) => p ?? ''), total]);
      };
      for (const expertId of stage.memberIds) {
        line(outcome.data.expertNames.get(expertId) ?? expertId, (itemId) => rows.find((r) => r.expert_id === expertId && r.item_id === itemId)?.percent);
      }
      if (stage.consensus && Object.keys(stage.consensus).length > 0) line(t('results.xlsx.consensus'), (itemId) => stage.consensus![itemId]);
    }
  }
}

function commentsSheet(workbook: ExcelJS.Workbook, source: DocumentSource): void {
  const { t, outcome } = source;
  const ws = sheet(workbook, t('results.xlsx.sheet.comments'), [
    { header: t('results.xlsx.col.name'), width: 34 },
    { header: t('results.xlsx.col.stage'), width: 12 },
    { header: t('results.xlsx.col.item'), width: 26 },
    { header: t('results.xlsx.col.source'), width: 14 },
    { header: t('results.xlsx.col.kind'), width: 12 },
    { header: t('results.xlsx.col.text'), width: 90 },
  ]);
  const order = new Map(source.index.items.map((item, i) => [item.id, i]));
  for (const data of source.order) {
    for (const stage of data.stages) {
      const own = source.ctx.db
        .prepare('SELECT expert_id, item_id, kind, text FROM score_comments WHERE stage = ? AND applicant_id = ? ORDER BY expert_id, position')
        .all(stage.stage, data.applicant.id) as { expert_id: string; item_id: string; kind: string; text: string }[];
      own.sort((a, b) => (order.get(a.item_id) ?? 0) - (order.get(b.item_id) ?? 0) || stage.memberIds.indexOf(a.expert_id) - stage.memberIds.indexOf(b.expert_id));
      const kindText = (kind: string) => t(kind === 'strength' ? 'documents.findings.strengths' : 'documents.findings.opportunities');
      const stageText = t(`documents.stages.${stage.stage}`);
      for (const c of own) {
        ws.addRow([data.applicant.legalName, stageText, `${c.item_id} ${itemName(source, c.item_id)}`, outcome.data.expertNames.get(c.expert_id) ?? c.expert_id, kindText(c.kind), c.text]);
      }
      const agreed = source.ctx.db
        .prepare('SELECT 1 FROM consensus_comments WHERE stage = ? AND applicant_id = ? LIMIT 1')
        .get(stage.stage, data.applicant.id);
      if (!agreed) continue;
      for (const item of source.index.items) {
        const found = stageFindings(source, data.applicant.id, stage).get(item.id);
        if (!found) continue;
        for (const text of found.strengths) ws.addRow([data.applicant.legalName, stageText, `${item.id} ${itemName(source, item.id)}`, t('results.xlsx.consensus'), kindText('strength'), text]);
        for (const text of found.opportunities) ws.addRow([data.applicant.legalName, stageText, `${item.id} ${itemName(source, item.id)}`, t('results.xlsx.consensus'), kindText('opportunity'), text]);
      }
    }
  }
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
}

function publicNoticeSheet(workbook: ExcelJS.Workbook, source: DocumentSource): void {
  const { t } = source;
  const ws = sheet(workbook, t('results.xlsx.sheet.publicNotice'), [
    { header: t('results.xlsx.col.number'), width: 7 },
    { header: t('results.xlsx.col.name'), width: 40 },
    { header: t('results.xlsx.col.tier'), width: 16 },
    { header: t('results.xlsx.col.industry'), width: 28 },
    { header: t('results.xlsx.col.region'), width: 18 },
  ]);
  awardedApplicants(source).forEach(({ applicantId, tierId }, i) => {
    const { applicant } = source.order.find((a) => a.applicant.id === applicantId)!;
    ws.addRow([i + 1, applicant.legalName, tierName(source, tierId), industryText(source, applicant.section, applicant.division), applicant.region]);
  });
}

const WRITERS: Record<ExportKind, (workbook: ExcelJS.Workbook, source: DocumentSource) => void> = {
  ranking: rankingSheet,
  matrix: matrixSheet,
  comments: commentsSheet,
  publicNotice: publicNoticeSheet,
};

export async function resultsWorkbook(ctx: CoreContext, cycleId: string, kind: ExportKind, language = getSettings(ctx).language): Promise<{ buffer: Buffer; fileName: string }> {
  const source = loadDocumentSource(ctx, cycleId, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quality Award Desk';
  // Dates from the data, so the same results give the same workbook contents.
  workbook.created = new Date(source.documentDate);
  workbook.modified = new Date(source.documentDate);
  WRITERS[kind](workbook, source);
  const buffer = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { buffer, fileName: safeFileName(`${source.t(`results.xlsx.file.${kind}`)}-${source.outcome.data.cycle.name}.xlsx`) };
}

export async function exportResultsXlsx(ctx: CoreContext, cycleId: string, kind: ExportKind) {
  const { buffer, fileName } = await resultsWorkbook(ctx, cycleId, kind);
  const { downloadId, path } = reserveDownload(ctx.workspace.path, fileName);
  writeFileSync(path, buffer);
  return { downloadId, fileName: basename(path), bytes: buffer.length };
}
