// fontkit 2 ships no type declarations; only the surface the PDF engine touches is typed here.
declare module 'fontkit' {
  export interface FontkitFont {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
