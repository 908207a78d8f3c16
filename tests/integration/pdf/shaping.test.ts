import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FACES, resolveFontPath } from '../../../electron/core/pdf';
import { Shaper, spanningGlyphs } from '../../../electron/core/pdf/shaping';
import { loadDocumentsNamespace } from '../../fixtures/pdf/i18n';
import * as fx from '../../fixtures/pdf/models';

type Run = { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
const simplify = (run: unknown) => {
  const { glyphs, positions } = run as Run;
  return { ids: glyphs.map((g) => g.id), positions: positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]) };
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const corpus = [
  ...strings([loadDocumentsNamespace('zh-CN'), loadDocumentsNamespace('en'), loadDocumentsNamespace('zh-TW')]),
  ...strings([fx.evaluationReportModel(), fx.evaluationReportModel({ lang: 'en' }), fx.evaluationReportModel({ lang: 'zh-TW' }), fx.dossierModel(), fx.rankingSheetModel()]),
  fx.LONG_NAME,
  '二〇二六年十一月二十一日',
  '总分 505.00 分（满分 1000 分，得分率 50.5%）',
  'AB公司 Quality 奖 fi fl ffi “引号”《书名》——破折号…省略号',
].flatMap((s) => [s, ...s.split('\n')]);

const POOL = [...'质量奖评审工作台浙江明远智能装备股份有限公司二〇一二三十年月日優勢改進機會AaBbfiflTtVvWwYy0123456789 .,;:!?-–—()（）“”‘’「」《》、，。；：！？％·…'];

describe.each(FONT_FACES)('shaping cache for %s', (face) => {
  const font = fontkit.create(readFileSync(resolveFontPath(face)));

  it('finds no lookup that could join two ideographs, so lines are put together from pieces', () => {
    const spanning = spanningGlyphs(font);
    expect(spanning).not.toBeNull();
    const ideographs = [...new Set([...corpus.join('')].filter((c) => /\p{Script=Han}/u.test(c)))];
    expect(ideographs.length).toBeGreaterThan(300);
    for (const c of ideographs) expect(spanning!.has((font as unknown as { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(c.codePointAt(0)!).id)).toBe(false);
  });

  it('shapes the document texts exactly as fontkit does', () => {
    const shaper = new Shaper(font);
    for (const text of corpus) expect(simplify(shaper.layout(text)), text).toEqual(simplify(font.layout(text)));
  });

  it('shapes any mix of ideographs, Latin, digits and punctuation exactly as fontkit does', () => {
    const shaper = new Shaper(font);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(simplify(shaper.layout(text))).toEqual(simplify(font.layout(text)));
      }),
      { numRuns: 1000 },
    );
  });
});
