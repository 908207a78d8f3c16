import { beforeAll, describe, expect, it } from 'vitest';
import { renderDossier } from '../../../electron/core/pdf';
import { makeTranslate } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';
import { outlineEntries, outlineRoot, pageMediaBox } from '../../fixtures/pdf/pdf-structure';
import { compact, pdfPages, waitForPoppler } from '../../fixtures/pdf/poppler';

beforeAll(() => waitForPoppler());

describe('award dossier', () => {
  it('bundles profile, self-assessment, every stage, the decision and the certificate', async () => {
    const model = fx.dossierModel();
    const pdf = await renderDossier(model, { t: makeTranslate('zh-CN').t });
    const pages = pdfPages(pdf).map(compact);
    const text = pages.join('');
    expect(pages[0]).toContain('评审档案');
    expect(pages[0]).toContain('SB-2026-0042');
    for (const section of model.selfAssessment) expect(text).toContain(compact(section.body.split('\n')[0]!));
    expect(text).toContain('资料评审报告');
    expect(text).toContain('现场评审报告');
    expect(text).toContain('赞成13票，反对1票，弃权1票');
    expect(text).toContain(compact(model.decision.resolution));
    expect(pages.at(-1)).toContain('荣誉证书');
    expect(pages.at(-1)).toContain('二〇二六年十一月');
  });

  it('has a bookmark per section and per stage, opening the right pages', async () => {
    const pdf = await renderDossier(fx.dossierModel(), { t: makeTranslate('zh-CN').t });
    const root = outlineRoot(pdf);
    expect(root).not.toBeNull();
    const entries = outlineEntries(pdf);
    const top = entries.filter((e) => e.parent === root).map((e) => e.title);
    expect(top).toEqual(['封面', '申报资料', '自评报告', '评审记录', '评审委员会决定', '荣誉证书']);

    const byTitle = (title: string) => entries.find((e) => e.title === title)!;
    const stages = entries.filter((e) => e.parent === byTitle('评审记录').object).map((e) => e.title);
    expect(stages).toEqual(['资料评审报告', '现场评审报告']);
    const sections = entries.filter((e) => e.parent === byTitle('自评报告').object).map((e) => e.title);
    expect(sections).toEqual(['组织概述', '4.1 领导', '4.2 战略', '4.3 顾客与市场', '4.4 资源', '4.5 过程管理', '4.6 测量、分析与改进', '4.7 结果']);

    // the certificate bookmark opens a landscape page, the others portrait ones
    expect(pageMediaBox(pdf, byTitle('荣誉证书').page!)).toEqual([0, 0, 841.89, 595.28]);
    expect(pageMediaBox(pdf, byTitle('评审委员会决定').page!)).toEqual([0, 0, 595.28, 841.89]);
    // each stage bookmark opens a different page
    const stagePages = entries.filter((e) => stages.includes(e.title)).map((e) => e.page);
    expect(new Set(stagePages).size).toBe(2);
  });

  it('leaves cover and certificate unnumbered', async () => {
    const pages = pdfPages(await renderDossier(fx.dossierModel(), { t: makeTranslate('zh-CN').t })).map(compact);
    const numbered = pages.length - 2;
    expect(pages[0]).not.toMatch(/第\d+页/);
    expect(pages.at(-1)).not.toMatch(/第\d+页/);
    expect(pages[1]).toContain(`第1页共${numbered}页`);
    expect(pages.at(-2)).toContain(`第${numbered}页共${numbered}页`);
  });
});
