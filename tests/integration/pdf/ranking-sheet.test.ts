import { beforeAll, describe, expect, it } from 'vitest';
import { renderRankingSheet } from '../../../electron/core/pdf';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';
import { compact, layoutLines, pdfInfo, pdfPages, waitForPoppler } from '../../fixtures/pdf/poppler';

beforeAll(() => waitForPoppler());

describe('ranking sheet', () => {
  it('is A4 landscape with every applicant, score and tier', async () => {
    const model = fx.rankingSheetModel();
    const pdf = await renderRankingSheet(model, { t: makeTranslate('zh-CN').t });
    expect(pdfInfo(pdf)['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const rows = layoutLines(pdf);
    expect(rows).toContain(`1${fx.APPLICANT_NAME}C34通用设备制造业杭州市697.50682.00685.5068.6%质量奖`);
    // a stage without a score shows a dash, not zero
    expect(rows).toContain('6绍兴纺织服装股份有限公司C34通用设备制造业绍兴市660.75—664.7566.5%提名奖');
    expect(rows).toContain('5湖州环保科技股份有限公司I65软件和信息技术服务业湖州市672.90665.40668.9066.9%提名奖行业代表性');
    const text = pdfPages(pdf).map(compact).join('');
    for (const row of model.rows) expect(text).toContain(compact(row.applicantName));
    expect(text).toContain('行业代表性');
  });

  it('repeats the header row on every page and says 第 N 页 共 M 页', async () => {
    const pdf = await renderRankingSheet(fx.rankingSheetModel(), { t: makeTranslate('zh-CN').t });
    const pages = pdfPages(pdf).map(compact);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => {
      for (const header of ['排名', '申报组织', '资料评审', '现场评审', '综合得分', '得分率', '拟授奖等级', '备注']) {
        expect(page, `page ${i + 1}`).toContain(header);
      }
      expect(page).toContain(`第${i + 1}页共${pages.length}页`);
    });
    // the title block is on the first page only; later pages start with the header row
    expect(pages.filter((p) => p.includes('满分1000分'))).toHaveLength(1);
  });

  it('numbers pages in English and traditional Chinese', async () => {
    const en = pdfPages(await renderRankingSheet(fx.rankingSheetModel(), { t: makeTranslate('en').t })).map(compact);
    en.forEach((page, i) => {
      expect(page).toContain(`Page${i + 1}of${en.length}`);
      // header words are never broken inside ("Ran k", "Documen t")
      for (const header of ['Rank', 'Applicant', 'Industry', 'Document', 'review', 'Site', 'visit', 'Overall', 'Proposed', 'Remarks']) {
        expect(page).toContain(header);
      }
    });
    const tw = pdfPages(await renderRankingSheet(fx.rankingSheetModel(), { t: makeTranslate('zh-TW').t })).map(compact);
    tw.forEach((page, i) => {
      expect(page).toContain(`第${i + 1}頁共${tw.length}頁`);
      expect(page).toContain('擬授獎等級');
    });
  });

  it('cuts a row taller than a page with an ellipsis instead of spilling it', async () => {
    const model = fx.rankingSheetModel(3);
    model.rows[1]!.note = '行业代表性说明。'.repeat(400);
    const pdf = await renderRankingSheet(model, { t: makeTranslate('zh-CN').t });
    const pages = pdfPages(pdf).map(compact);
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain('排名');
      expect(page).toContain(`第${i + 1}页共3页`);
    });
    expect(pages[1]).toContain('…');
    expect(pages[2]).toContain(model.rows[2]!.applicantName);
  });
});
