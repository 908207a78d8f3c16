import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import './skip-woff2-decoder';
import * as fontkit from 'fontkit';
import type { FontkitFont, GlyphRun } from 'fontkit';
import { Shaper } from './shaping';
import { TrueTypeSource, TrueTypeSubset } from './truetype-subset';

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

const resolved = new Map<string, string>();

export function resolveFontPath(face: FontFace, location: FontLocation = {}): string {
  // Resolving costs a require.resolve or a stat: done once per face and directory.
  const key = `${location.fontsDir ?? ''}\0${face}`;
  let path = resolved.get(key);
  if (!path) {
    const candidate = location.fontsDir ? join(location.fontsDir, fontFileName(face)) : null;
    if (candidate && existsSync(candidate)) {
      path = candidate;
    } else {
      const source = FACE_SOURCES[face];
      path = requireFromHere.resolve(`${source.packageName}/${source.file}`);
    }
    resolved.set(key, path);
  }
  return path;
}

// Parsed once per process and path: pdfkit re-parses a path or Buffer source (10 MB) every time
// it restores a font, whereas a parsed fontkit object is reused as is.
const parsedByPath = new Map<string, FontkitFont>();

export function loadFont(face: FontFace, location: FontLocation = {}): FontkitFont {
  const path = resolveFontPath(face, location);
  let font = parsedByPath.get(path);
  if (!font) {
    const file = readFileSync(path);
    font = withSharedCaches(fontkit.create(file), file);
    parsedByPath.set(path, font);
  }
  return font;
}

/**
 * Two per-document costs of pdfkit + fontkit are really per-font, so they are paid once here:
 * - shaping: pdfkit caches shaped text per document only (see shaping.ts);
 * - subsetting: fontkit's subsetter decodes outlines and encodes tables generically on every
 *   document; TrueTypeSubset copies glyph bytes from tables parsed once (CFF fonts keep fontkit's).
 * Everything else is forwarded to fontkit untouched.
 */
function withSharedCaches(font: FontkitFont, file: Buffer): FontkitFont {
  const shaper = new Shaper(font);
  const layout = (text: string, features?: unknown): GlyphRun => (features === undefined ? shaper.layout(text) : font.layout(text, features));
  const overrides: Record<string, unknown> = { layout };
  if (isTrueType(file)) {
    let source: TrueTypeSource | undefined;
    overrides['createSubset'] = () => new TrueTypeSubset((source ??= new TrueTypeSource(file)));
  }
  return forward(font, overrides);
}

function isTrueType(file: Buffer): boolean {
  const numTables = file.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) if (file.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'glyf') return true;
  return false;
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

/**
 * Pays a face's first-use costs ahead of the first document (~60 ms each for these 10 MB fonts: the
 * table directory, cmap, metrics and the subsetter's glyph index), e.g. in a print worker while the
 * core's thread is still reading the workspace.
 */
export function warmFonts(faces: readonly FontFace[], location: FontLocation = {}): void {
  for (const face of faces) {
    const font = loadFont(face, location);
    // Each getter parses its table once and caches it on the font object pdfkit will be given.
    void [font.ascent, font.descent, font.bbox];
    font.layout('证书 2026');
    font.createSubset();
  }
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
