import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';

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
    font = fontkit.create(readFileSync(path));
    parsedByPath.set(path, font);
  }
  return font;
}

/** Characters of `text` the face cannot draw (they would show as empty boxes). */
export function missingGlyphs(face: FontFace, text: string, location: FontLocation = {}): string[] {
  const font = loadFont(face, location);
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint < 0x20 || char === '\u00a0') continue;
    if (!font.hasGlyphForCodePoint(codePoint)) missing.add(char);
  }
  return [...missing];
}
