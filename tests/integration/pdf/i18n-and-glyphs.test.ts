import { describe, expect, it } from 'vitest';
import { FONT_FACES, missingGlyphs, renderDocument, type DocumentRequest } from '../../../electron/core/pdf';
import { loadDocumentsNamespace, makeTranslate } from '../../fixtures/pdf/i18n';
import type { FixtureLanguage } from '../../fixtures/pdf/criteria';
import * as fx from '../../fixtures/pdf/models';

const LANGUAGES: FixtureLanguage[] = ['zh-CN', 'en', 'zh-TW'];

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object') {
      for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
    } else {
      out.set(`${prefix}${key}`, String(value));
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function allRequests(lang: FixtureLanguage): DocumentRequest[] {
  return [
    { kind: 'evaluationReport', model: fx.evaluationReportModel({ lang }) },
    { kind: 'feedbackReport', model: fx.feedbackReportModel(lang) },
    { kind: 'rankingSheet', model: fx.rankingSheetModel(30) },
    { kind: 'scoreSheets', models: [fx.scoreSheetModel(true, lang), fx.scoreSheetModel(false, lang)] },
    { kind: 'publicNotice', model: fx.publicNoticeModel() },
    { kind: 'certificate', model: fx.certificateModel({ tierName: '提名奖' }) },
    { kind: 'dossier', model: fx.dossierModel() },
  ];
}

describe('documents namespace', () => {
  it('has the same keys and placeholders in zh-CN, en and zh-TW', () => {
    const [base, ...others] = LANGUAGES.map((lang) => flatten(loadDocumentsNamespace(lang)));
    for (const other of others) {
      expect([...other.keys()].sort()).toEqual([...base!.keys()].sort());
      for (const [key, text] of base!) {
        // en may leave out a value zh needs (e.g. chineseMonth vs monthName) only for dates
        if (key.endsWith('date')) continue;
        expect(placeholders(other.get(key)!), key).toEqual(placeholders(text));
      }
    }
  });

  it.each(LANGUAGES)('has every key the documents ask for (%s)', async (lang) => {
    const { t, missing } = makeTranslate(lang);
    for (const request of allRequests(lang)) await renderDocument(request, { t });
    expect(missing).toEqual([]);
  });
});

describe('glyph coverage', () => {
  it('draws every character of the label texts and fixtures in every face', () => {
    const texts = LANGUAGES.flatMap((lang) => [...flatten(loadDocumentsNamespace(lang)).values()]);
    const fixtures = JSON.stringify([fx.evaluationReportModel(), fx.evaluationReportModel({ lang: 'zh-TW' }), fx.dossierModel(), fx.LONG_NAME]);
    const sample = `${texts.join('')}${fixtures}二〇一二三四五六七八九十年月日０１２３４５６７８９％–—·、（）“”「」《》`;
    for (const face of FONT_FACES) {
      expect(missingGlyphs(face, sample), face).toEqual([]);
    }
  });

  it('would notice a character the fonts lack', () => {
    // U+1F600 (emoji) is not in Noto Sans SC: the check is not vacuous.
    expect(missingGlyphs('sans', 'A😀')).toEqual(['😀']);
  });
});
