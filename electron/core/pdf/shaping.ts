import type { FontkitFont, GlyphPosition, GlyphRun } from 'fontkit';

/**
 * Text shaping with caches that outlive a document. pdfkit shapes every string through
 * fontkit's OpenType engine and caches the result per document only; long CJK lines are each
 * shaped whole although their ideographs never interact. Here:
 * - every shaped string is cached for the life of the parsed font;
 * - a string of Han, Latin and common punctuation is cut between adjacent ideographs and put
 *   together from cached pieces, each piece shaped by fontkit with the script fontkit would
 *   detect for the whole string. That is exact as long as no lookup spanning two glyphs
 *   (ligature, pair kerning, cursive, contextual) can involve an ideograph, which is checked
 *   against the font's GSUB/GPOS once; if the check fails, whole strings are shaped as before.
 */

interface StoredRun {
  glyphs: { id: number }[];
  positions: GlyphPosition[];
}

/** A run handed to pdfkit, which scales `positions` in place: always a fresh copy. */
class CopiedRun implements GlyphRun {
  readonly glyphs: unknown[];
  readonly positions: GlyphPosition[];
  constructor(source: StoredRun) {
    this.glyphs = source.glyphs.slice();
    this.positions = source.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  }
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

// Characters whose Unicode script is certain (stable since Unicode 1.1), so the script detected
// here matches fontkit's own detection. Anything else takes the whole-string path.
const HAN = /[\u3005-\u3007\u3021-\u3029\u3038-\u303B\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFA6D\uFA70-\uFAD9]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF]/;
const SPLITTABLE_TEXT =
  /^[\t\n\r\u0020-\u007E\u00A0-\u00A9\u00AB-\u00B9\u00BB-\u00FF\u2010-\u2027\u2030-\u205E\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFA6D\uFA70-\uFAD9\uFF01-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]*$/;

/** Tags fontkit's default shaper applies for horizontal text. */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

type Coverage = { version: number; glyphs?: number[]; rangeRecords?: { start: number; end: number }[] };
type Listish<T> = T[] | { toArray(): T[] };
const items = <T>(list: Listish<T> | undefined): T[] => (!list ? [] : Array.isArray(list) ? list : list.toArray());

interface LayoutTable {
  scriptList: { script: { defaultLangSys?: { featureIndexes: number[] }; langSysRecords: { langSys: { featureIndexes: number[] } }[] } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { lookupType: number; subTables: Record<string, unknown>[] } };
}

function addCoverage(into: Set<number>, coverage: Coverage | undefined): void {
  for (const glyph of coverage?.glyphs ?? []) into.add(glyph);
  for (const range of coverage?.rangeRecords ?? []) for (let g = range.start; g <= range.end; g++) into.add(g);
}

/**
 * Glyphs that a default-feature lookup spanning two or more glyphs may act on; null when a
 * contextual lookup is in play (then nothing is assumed).
 */
export function spanningGlyphs(font: FontkitFont): Set<number> | null {
  const glyphs = new Set<number>();
  for (const [tag, extension] of [['GSUB', 7], ['GPOS', 9]] as const) {
    const table = (font as unknown as Record<string, LayoutTable | undefined>)[tag];
    if (!table) continue;
    const lookups = new Set<number>();
    for (const { script } of table.scriptList) {
      for (const langSys of [script.defaultLangSys, ...script.langSysRecords.map((r) => r.langSys)]) {
        for (const index of langSys?.featureIndexes ?? []) {
          const feature = table.featureList[index];
          if (feature && DEFAULT_FEATURES.has(feature.tag)) feature.feature.lookupListIndexes.forEach((l) => lookups.add(l));
        }
      }
    }
    for (const index of lookups) {
      const lookup = table.lookupList.get(index);
      for (const raw of lookup.subTables) {
        const type = lookup.lookupType === extension ? (raw['lookupType'] as number) : lookup.lookupType;
        const sub = (lookup.lookupType === extension ? raw['extension'] : raw) as Record<string, unknown>;
        const contextual = tag === 'GSUB' ? type >= 5 : type >= 7;
        if (contextual) return null;
        if (tag === 'GSUB' && type === 4) {
          addCoverage(glyphs, sub['coverage'] as Coverage);
          for (const set of items(sub['ligatureSets'] as Listish<Listish<{ components: number[] }>>)) {
            for (const ligature of items(set)) ligature.components.forEach((g) => glyphs.add(g));
          }
        }
        if (tag === 'GPOS' && (type === 2 || type === 3)) addCoverage(glyphs, sub['coverage'] as Coverage);
        if (tag === 'GPOS' && type === 5) addCoverage(glyphs, sub['ligatureCoverage'] as Coverage);
      }
    }
  }
  return glyphs;
}

const CACHE_LIMIT = 50_000;

export class Shaper {
  private readonly runs = new Map<string, StoredRun>();
  private readonly pieces = new Map<string, StoredRun>();
  private readonly loneIdeograph = new Map<string, boolean>();
  private spanning: Set<number> | null | undefined;

  constructor(private readonly font: FontkitFont) {}

  layout(text: string): GlyphRun {
    let run = this.runs.get(text);
    if (!run) {
      run = this.split(text) ?? (this.font.layout(text) as unknown as StoredRun);
      if (this.runs.size >= CACHE_LIMIT) this.runs.clear();
      this.runs.set(text, run);
    }
    return new CopiedRun(run);
  }

  private split(text: string): StoredRun | null {
    if (!SPLITTABLE_TEXT.test(text)) return null;
    const firstHan = text.search(HAN);
    if (firstHan < 0) return null;
    const firstLatin = text.search(LATIN_LETTER);
    const script = firstLatin >= 0 && firstLatin < firstHan ? 'latn' : 'hani';
    if (this.spanning === undefined) this.spanning = spanningGlyphs(this.font);
    if (this.spanning === null) return null;

    const segments: string[] = [];
    let current = '';
    let previousLone = false;
    for (const char of text) {
      const lone = HAN.test(char) && this.isLone(char, script);
      if (lone && previousLone) {
        segments.push(current);
        current = '';
      }
      current += char;
      previousLone = lone;
    }
    segments.push(current);
    // One piece is the whole string, shaped with the script fontkit itself would detect.
    if (segments.length === 1) return this.piece(text, script);

    const glyphs: StoredRun['glyphs'] = [];
    const positions: GlyphPosition[] = [];
    for (const segment of segments) {
      const piece = this.piece(segment, script);
      glyphs.push(...piece.glyphs);
      positions.push(...piece.positions);
    }
    return { glyphs, positions };
  }

  /** Shaped with the script of the whole string, as fontkit would have shaped it in place. */
  private piece(segment: string, script: string): StoredRun {
    const key = `${script}\u0000${segment}`;
    let piece = this.pieces.get(key);
    if (!piece) {
      const run = (this.font.layout as (text: string, script: string) => unknown)(segment, script) as StoredRun;
      piece = { glyphs: run.glyphs, positions: run.positions.map((p) => ({ ...p })) };
      if (this.pieces.size >= CACHE_LIMIT) this.pieces.clear();
      this.pieces.set(key, piece);
    }
    return piece;
  }

  /** An ideograph no spanning lookup can touch, before or after substitution. */
  private isLone(char: string, script: string): boolean {
    const key = `${script}\u0000${char}`;
    let lone = this.loneIdeograph.get(key);
    if (lone === undefined) {
      const mapped = (this.font as unknown as { glyphForCodePoint(cp: number): { id: number } }).glyphForCodePoint(char.codePointAt(0)!);
      const shaped = this.piece(char, script).glyphs;
      lone = !this.spanning!.has(mapped.id) && shaped.every((g) => !this.spanning!.has(g.id));
      this.loneIdeograph.set(key, lone);
    }
    return lone;
  }
}
