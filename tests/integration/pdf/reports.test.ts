import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument, renderEvaluationReport, renderFeedbackReport, renderPublicNotice, renderScoreSheets } from '../../../electron/core/pdf';
import { outlineEntries } from '../../fixtures/pdf/pdf-structure';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';
import { compact, layoutLines, pdfInfo, pdfPages, pdfText, waitForPoppler, writeTemp } from '../../fixtures/pdf/poppler';

const zh = makeTranslate('zh-CN').t;

beforeAll(() => waitForPoppler());

describe('evaluation report', () => {
  it('shows cover, profile, panel, scores, findings, key themes and signatures', async () => {
    const model = fx.evaluationReportModel();
    const pdf = await renderEvaluationReport(model, { t: zh });
    const pages = pdfPages(pdf).map(compact);
    const text = pages.join('');
    expect(pages[0]).toContain('现场评审报告');
    expect(pages[0]).toContain(fx.APPLICANT_NAME);
    expect(pages[0]).toContain('PS-2026-017');
    expect(pages[0]).toContain('2026年10月18日');
    for (const label of ['申报组织概况', '91330110MA2H3K7X5R', '评审组', '评分结果', '各类目得分率', '各条款得分', '关键主题', '评审组签字', '组长签字']) {
      expect(text).toContain(label);
    }
    for (const member of fx.PANEL) expect(text).toContain(member.name);
    // total and an item scored 15 points × 35 % = 5.25, written from hundredths
    expect(text).toContain('总分505.00分（满分1000分，得分率50.5%）');
    const rows = layoutLines(pdf);
    expect(rows).toContain('4.4.3财务资源1535%5.25');
    expect(rows).toContain('4.4资源13058.0044.6%');
    expect(rows).toContain('总分1000505.0050.5%');
    const item = model.categories[0]!.items[0]!;
    expect(text).toContain(compact(`${item.code} ${item.name}（得分率 ${item.percent}%，得分 27.50）`));
    expect(text).toContain(compact(item.strengths[0]!));
    expect(text).toContain(compact(item.opportunities[1]!));
    expect(text).toContain(compact(model.keyThemes.opportunities[1]!));
  });

  it('draws the radar chart as vectors, not as an image', async () => {
    const pdf = await renderEvaluationReport(fx.evaluationReportModel(), { t: zh });
    expect(execFileSync('pdfimages', ['-list', writeTemp(pdf)], { encoding: 'utf8' })).not.toMatch(/\bimage\b/);
    const chartPage = pdfPages(pdf).map(compact).find((p) => p.includes('各类目得分率'))!;
    for (const label of ['4.1领导', '4.7结果', '100%', '20%']) expect(chartPage).toContain(label);
  });

  it('numbers the pages after the cover and heads them with award and applicant', async () => {
    const pdf = await renderEvaluationReport(fx.evaluationReportModel(), { t: zh });
    const pages = pdfPages(pdf).map(compact);
    const total = pages.length - 1;
    expect(pages[0]).not.toContain('第1页');
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(`第${i + 1}页共${total}页`);
      expect(page).toContain(fx.APPLICANT_NAME);
    });
  });

  it('speaks English and traditional Chinese', async () => {
    const en = compact(pdfText(await renderEvaluationReport(fx.evaluationReportModel({ lang: 'en' }), { t: makeTranslate('en').t })));
    for (const label of ['EvaluationReport–Sitevisit', 'Strengths', 'Opportunitiesforimprovement', 'Keythemes', 'Total505.00points(of1000,50.5%)', 'Page1of']) {
      expect(en).toContain(label);
    }
    const tw = compact(pdfText(await renderEvaluationReport(fx.evaluationReportModel({ lang: 'zh-TW' }), { t: makeTranslate('zh-TW').t })));
    for (const label of ['現場評審報告', '優勢', '改進機會', '關鍵主題', '第1頁共']) expect(tw).toContain(label);
  });
});

describe('feedback report', () => {
  it('gives strengths, opportunities and bands but never exact scores', async () => {
    const model = fx.feedbackReportModel();
    const pdf = await renderFeedbackReport(model, { t: zh });
    const text = compact(pdfText(pdf));
    expect(text).toContain('反馈报告');
    expect(text).toContain(`${fx.APPLICANT_NAME}：`);
    expect(text).toContain('4.1.2高层领导的作用（评分区间50–65%）');
    expect(layoutLines(pdf)).toContain('4.4.3财务资源30–45%');
    const item = model.categories[3]!.items[1]!;
    expect(text).toContain(compact(item.strengths[0]!));
    expect(text).toContain(compact(item.opportunities[0]!));
    expect(text).toContain('杭州市市长质量奖评审委员会办公室');
    // the exact results stay out: no points, no total, no exact item percentages
    expect(text).not.toMatch(/\d+\.\d{2}/);
    expect(text).not.toContain('505');
    expect(text).not.toMatch(/（得分率|[^–\d]55%/);
  });
});

describe('feedback reports combined in one file', () => {
  it('starts each applicant on a new page, numbers each report on its own and bookmarks each applicant', async () => {
    const first = fx.feedbackReportModel();
    const second = { ...fx.feedbackReportModel(), applicantName: '宁波海曙精密铸造有限公司' };
    const pdf = await renderDocument({ kind: 'feedbackReports', models: [first, second] }, { t: zh });
    const pages = pdfPages(pdf).map(compact);
    const single = pdfPages(await renderFeedbackReport(first, { t: zh })).length;
    expect(pages).toHaveLength(2 * single);
    expect(pages[0]).toContain(`${fx.APPLICANT_NAME}：`);
    expect(pages[single]).toContain('宁波海曙精密铸造有限公司：');
    expect(pages.filter((page) => page.includes(`第1页共${single}页`))).toHaveLength(2);
    expect(pdfInfo(pdf)['Title']).toBe('反馈报告');
    const bookmarks = outlineEntries(pdf);
    expect(bookmarks.map((b) => b.title)).toEqual([fx.APPLICANT_NAME, '宁波海曙精密铸造有限公司']);
    expect(bookmarks[0]!.page).not.toBe(bookmarks[1]!.page);
  });
});

describe('score sheets', () => {
  it('prints a filled sheet with scores, expert and signature line', async () => {
    const pdf = await renderScoreSheets([fx.scoreSheetModel(true)], { t: zh });
    const text = compact(pdfText(pdf));
    expect(text).toContain('资料评审评分表');
    expect(text).toContain('李晓梅');
    expect(text).toContain(fx.APPLICANT_NAME);
    const rows = layoutLines(pdf);
    expect(rows).toContain('4.4.3财务资源1535%5.25');
    expect(rows).toContain('4.4资源13058.00');
    expect(rows).toContain('合计1000505.00');
    expect(text).toContain('评审专家签字');
  });

  it('prints a blank sheet to fill in by hand, numbered per sheet in a batch', async () => {
    const pdf = await renderScoreSheets([fx.scoreSheetModel(false), fx.scoreSheetModel(true)], { t: zh });
    const pages = pdfPages(pdf).map(compact);
    const blank = pages.filter((p) => !p.includes('李晓梅')).join('');
    expect(layoutLines(pdf)).toContain('4.4.3财务资源15');
    expect(blank).not.toContain('5.25');
    expect(blank).not.toContain('35%');
    expect(blank).toContain('评审专家签字');
    const perSheet = pages.length / 2;
    expect(pages[0]).toContain(`第1页共${perSheet}页`);
    expect(pages[perSheet]).toContain(`第1页共${perSheet}页`);
  });
});

describe('public-notice list', () => {
  it('lists the proposed winners with the notice period and contacts', async () => {
    const model = fx.publicNoticeModel();
    const pdf = await renderPublicNotice(model, { t: zh });
    const text = compact(pdfText(pdf));
    expect(text).toContain('2026年度杭州市市长质量奖拟授奖名单公示');
    expect(text).toContain('公示期自2026年11月10日至2026年11月16日');
    expect(text).toContain('6家组织');
    const rows = layoutLines(pdf);
    model.entries.forEach((entry, i) => expect(rows.some((r) => r.startsWith(`${i + 1}${entry.name}${entry.tierName}`))).toBe(true));
    expect(text).toContain('0571-87654321');
    expect(text).toContain('杭州市市场监督管理局');
    expect(pdfInfo(pdf)['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
  });
});
