import type { Doc, PdfContext } from '../pdf-context';
import { COLORS, LINE_GAP, SIZES } from './style';

export interface ContentBox {
  left: number;
  right: number;
  width: number;
  top: number;
  bottom: number;
}

export function contentBox(doc: Doc): ContentBox {
  const { width, height, margins } = doc.page;
  return {
    left: margins.left,
    right: width - margins.right,
    width: width - margins.left - margins.right,
    top: margins.top,
    bottom: height - margins.bottom,
  };
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  const { doc } = ctx;
  if (doc.y + height > contentBox(doc).bottom) {
    doc.addPage();
  }
}

export function spacer(ctx: PdfContext, height: number): void {
  ctx.doc.y += height;
}

/**
 * One unwrapped line at an exact position. `lineBreak: false` keeps pdfkit's wrapper (and its
 * automatic page breaks) out of the way, so this is safe in margins and on buffered pages.
 */
export function textLine(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  options: { align?: 'left' | 'center' | 'right'; width?: number; characterSpacing?: number } = {},
): void {
  const spacing = options.characterSpacing ?? 0;
  const textWidth = doc.widthOfString(text, { characterSpacing: spacing });
  const width = options.width ?? 0;
  let left = x;
  if (options.align === 'center') left = x + (width - textWidth) / 2;
  if (options.align === 'right') left = x + width - textWidth;
  doc.text(text, left, y, { lineBreak: false, characterSpacing: spacing });
}

export function heading(ctx: PdfContext, text: string, level: 1 | 2 | 3): void {
  const { doc } = ctx;
  const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3;
  // Keep a heading with at least three lines of what follows it.
  ensureSpace(ctx, size * 1.6 + SIZES.body * 5);
  const box = contentBox(doc);
  if (level < 3) doc.y += level === 1 ? 6 : 4;
  ctx.font('sans-bold', size).fillColor(level === 1 ? COLORS.accent : COLORS.text);
  doc.text(text, box.left, doc.y, { width: box.width, lineGap: LINE_GAP });
  if (level === 1) {
    const y = doc.y + 2;
    doc.moveTo(box.left, y).lineTo(box.right, y).lineWidth(0.8).strokeColor(COLORS.accent).stroke();
    doc.y = y + 6;
  } else {
    doc.y += 3;
  }
  doc.fillColor(COLORS.text);
}

export interface ParagraphOptions {
  size?: number;
  bold?: boolean;
  color?: string;
  indent?: number;
  after?: number;
}

/** Wrapped text across the content width; pdfkit continues it on new pages as needed. */
export function paragraph(ctx: PdfContext, text: string, options: ParagraphOptions = {}): void {
  const { doc } = ctx;
  const box = contentBox(doc);
  const indent = options.indent ?? 0;
  ctx.font(options.bold ? 'sans-bold' : 'sans', options.size ?? SIZES.body).fillColor(options.color ?? COLORS.text);
  doc.text(text, box.left + indent, doc.y, { width: box.width - indent, lineGap: LINE_GAP });
  doc.fillColor(COLORS.text);
  doc.y += options.after ?? 4;
}

/** Paragraphs separated by newlines, each as its own block. */
export function paragraphs(ctx: PdfContext, text: string, options: ParagraphOptions = {}): void {
  for (const block of text.split(/\n+/).map((p) => p.trim()).filter(Boolean)) {
    paragraph(ctx, block, options);
  }
}

export function bulletList(ctx: PdfContext, items: string[], options: { emptyText: string; marker?: string }): void {
  const { doc } = ctx;
  if (items.length === 0) {
    paragraph(ctx, options.emptyText, { color: COLORS.muted, indent: 14 });
    return;
  }
  for (const [index, item] of items.entries()) {
    ctx.font('sans', SIZES.body);
    const lineHeight = doc.currentLineHeight(true);
    ensureSpace(ctx, lineHeight + LINE_GAP);
    const box = contentBox(doc);
    const y = doc.y;
    const marker = options.marker === 'number' ? `${index + 1}.` : null;
    if (marker) {
      textLine(doc, marker, box.left, y, { align: 'right', width: 14 });
    } else {
      doc.circle(box.left + 8, y + lineHeight / 2, 1.6).fillColor(COLORS.accent).fill();
    }
    doc.fillColor(COLORS.text);
    doc.text(item, box.left + 18, y, { width: box.width - 18, lineGap: LINE_GAP });
    doc.y += 2;
  }
  doc.y += 2;
}
