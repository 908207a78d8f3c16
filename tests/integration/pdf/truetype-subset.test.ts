import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FACES, resolveFontPath } from '../../../electron/core/pdf';
import { remapComposite, TrueTypeSource, TrueTypeSubset } from '../../../electron/core/pdf/truetype-subset';

interface ParsedGlyph {
  advanceWidth: number;
  path: { toSVG(): string };
}
interface ParsedFont {
  numGlyphs: number;
  getGlyph(id: number): ParsedGlyph;
  glyphForCodePoint(codePoint: number): ParsedGlyph & { id: number };
}
const parse = (bytes: Uint8Array) => fontkit.create(bytes) as unknown as ParsedFont;

describe('TrueType subsetter', () => {
  it.each(FONT_FACES)('keeps outlines and advance widths of the glyphs it takes (%s)', (face) => {
    const file = readFileSync(resolveFontPath(face));
    const original = parse(file);
    const subset = new TrueTypeSubset(new TrueTypeSource(file));
    const text = '荣誉证书授予浙江明远智能装备股份有限公司二〇二六年十一月（第一分公司）Quality Award 2026 – 5.25%';
    const ids = [...new Set([...text].map((c) => original.glyphForCodePoint(c.codePointAt(0)!).id))];
    const mapped = ids.map((id) => subset.includeGlyph(id));
    expect(new Set(mapped).size).toBe(ids.length);
    expect(subset.includeGlyph(ids[0]!)).toBe(mapped[0]); // stable mapping

    const embedded = parse(subset.encode());
    expect(embedded.numGlyphs).toBe(ids.length + 1); // plus .notdef
    ids.forEach((id, i) => {
      const before = original.getGlyph(id);
      const after = embedded.getGlyph(mapped[i]!);
      expect(after.advanceWidth).toBe(before.advanceWidth);
      expect(after.path.toSVG()).toBe(before.path.toSVG());
    });
  });

  it('writes a valid table directory with checksums', () => {
    const file = readFileSync(resolveFontPath('serif-bold'));
    const subset = new TrueTypeSubset(new TrueTypeSource(file));
    subset.includeGlyph(1000);
    const font = Buffer.from(subset.encode());
    const numTables = font.readUInt16BE(4);
    const tags: string[] = [];
    let total = 0;
    for (let i = 0; i < font.length; i += 4) total = (total + font.readUInt32BE(i)) >>> 0;
    for (let i = 0; i < numTables; i++) {
      const entry = 12 + 16 * i;
      const tag = font.toString('latin1', entry, entry + 4);
      tags.push(tag);
      const [sum, offset, length] = [font.readUInt32BE(entry + 4), font.readUInt32BE(entry + 8), font.readUInt32BE(entry + 12)];
      expect(offset % 4).toBe(0);
      const table = Buffer.concat([font.subarray(offset, offset + length), Buffer.alloc((4 - (length % 4)) % 4)]);
      let own = 0;
      for (let j = 0; j < table.length; j += 4) own = (own + (tag === 'head' && j === 8 ? 0 : table.readUInt32BE(j))) >>> 0;
      expect(own, tag).toBe(sum);
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
    // whole-file sum with checkSumAdjustment in place is the magic number
    expect(total).toBe(0xb1b0afba);
  });

  it('maps the components of composite glyphs into the subset', () => {
    // header (10 bytes) + two components: word args + scale, then byte args (last)
    const glyph = Buffer.alloc(10 + (4 + 4 + 2) + (4 + 2));
    glyph.writeInt16BE(-1, 0);
    glyph.writeUInt16BE(0x0001 | 0x0008 | 0x0020, 10);
    glyph.writeUInt16BE(500, 12);
    glyph.writeUInt16BE(0x0000, 20);
    glyph.writeUInt16BE(700, 22);
    const seen: number[] = [];
    const out = remapComposite(glyph, (id) => (seen.push(id), id === 500 ? 3 : 4));
    expect(seen).toEqual([500, 700]);
    expect(out.readUInt16BE(12)).toBe(3);
    expect(out.readUInt16BE(22)).toBe(4);
    expect(glyph.readUInt16BE(12)).toBe(500); // the font's own bytes are left alone
  });
});
