import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontkitFont, GlyphPosition, GlyphRun } from 'fontkit';

/** The four faces the documents use; everything else stays out of the PDF. */
export type FontFace = 'sans' | 'sans-bold' | 'serif' | 'serif-bold';

interface FaceSource {
  readonly packageName: string;
  readonly file: string;
}

const FACE_SOURCES: Record<FontFace, FaceSource> = {
  sans: { packageName: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  'sans-bold': { packageName: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
  serif: { packageName: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' },
  'serif-bold': { packageName: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' },
};

export const FONT_FACES = Object.keys(FACE_SOURCES) as FontFace[];

/** Base name of each face's TTF, as shipped flat in the packaged app's `resources/fonts/`. */
export function fontFileName(face: FontFace): string {
  const file = FACE_SOURCES[face].file;
  return file.slice(file.lastIndexOf('/') + 1);
}

export interface FontLocation {
  /** Directory holding the TTFs by base name (packaged app: `<resources>/fonts`). Checked first. */
  fontsDir?: string;
}

const requireFromHere = createRequire(import.meta.url);

export function resolveFontPath(face: FontFace, location: FontLocation = {}): string {
  if (location.fontsDir) {
    const candidate = join(location.fontsDir, fontFileName(face));
    if (existsSync(candidate)) return candidate;
  }
  const source = FACE_SOURCES[face];
  return requireFromHere.resolve(`${source.packageName}/${source.file}`);
}

// Parsed once per process and path: pdfkit re-parses a path or Buffer source (10 MB) every time
// it restores a font, whereas a parsed fontkit object is reused as is.
const parsedByPath = new Map<string, FontkitFont>();

export function loadFont(face: FontFace, location: FontLocation = {}): FontkitFont {
  const path = resolveFontPath(face, location);
  let font = parsedByPath.get(path);
  if (!font) {
    font = withSharedLayoutCache(fontkit.create(readFileSync(path)));
    parsedByPath.set(path, font);
  }
  return font;
}

/** A shaped run handed to pdfkit, which scales `positions` in place: always a fresh copy. */
class CopiedRun implements GlyphRun {
  readonly glyphs: unknown[];
  readonly positions: GlyphPosition[];
  constructor(source: { glyphs: unknown[]; positions: GlyphPosition[] }) {
    this.glyphs = source.glyphs.slice();
    this.positions = source.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset }));
  }
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

const LAYOUT_CACHE_LIMIT = 50_000;

interface FontkitInternals {
  getGlyph(id: number): { _decode(): unknown };
  createSubset(): { font: unknown };
}

/**
 * Two per-document costs of pdfkit + fontkit are really per-font, so they are cached here for as
 * long as the parsed font lives:
 * - shaping: pdfkit caches shaped text per document only, so every new document would run each
 *   string through the OpenType engine again;
 * - subsetting: fontkit's TrueType subsetter decodes every glyph's outline just to see whether it
 *   is a composite, again in every document.
 * Everything else is forwarded to fontkit untouched; the output bytes are the same.
 */
function withSharedLayoutCache(font: FontkitFont): FontkitFont {
  const internals = font as unknown as FontkitInternals;
  const runs = new Map<string, { glyphs: unknown[]; positions: GlyphPosition[] }>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      run = new CopiedRun(font.layout(text));
      if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
      runs.set(text, run);
    }
    return new CopiedRun(run);
  };

  const subsetGlyphs = new Map<number, object>();
  const getSubsetGlyph = (id: number): object => {
    let glyph = subsetGlyphs.get(id);
    if (!glyph) {
      const real = internals.getGlyph(id);
      const decoded = real._decode();
      // Inherits everything from the real glyph but answers _decode from memory.
      glyph = Object.create(real, { _decode: { value: () => decoded } }) as object;
      subsetGlyphs.set(id, glyph);
    }
    return glyph;
  };
  const subsetFont = forward(font, { getGlyph: getSubsetGlyph });
  const createSubset = () => {
    const subset = internals.createSubset();
    subset.font = subsetFont;
    return subset;
  };
  return forward(font, { layout, createSubset });
}

/** A view of `target` with some methods replaced; other methods run bound to the real object. */
function forward<T extends object>(target: T, overrides: Record<string, unknown>): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(real, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property];
      const value: unknown = Reflect.get(real, property, real);
      if (typeof value !== 'function') return value;
      let fn = bound.get(property);
      if (!fn) {
        fn = (value as (...args: unknown[]) => unknown).bind(real);
        bound.set(property, fn);
      }
      return fn;
    },
  });
}

/** Characters of `text` the face cannot draw (they would show as empty boxes). */
export function missingGlyphs(face: FontFace, text: string, location: FontLocation = {}): string[] {
  const font = loadFont(face, location);
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20) continue;
    if (!font.hasGlyphForCodePoint(codePoint)) missing.add(char);
  }
  return [...missing];
}
