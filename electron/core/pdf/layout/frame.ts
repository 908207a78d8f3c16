import type { PageFrame, PdfContext } from '../pdf-context';
import { COLORS, SIZES } from './style';
import { textLine } from './text';

/**
 * Header and footer of every framed page, drawn once all pages exist (bufferPages) so the
 * footer can say "第 N 页 共 M 页". Pages are numbered within their frame: a cover or a
 * certificate (no frame) takes no number, and each score sheet in a batch counts from 1.
 */
export function drawPageFrames(ctx: PdfContext): void {
  const { doc, t } = ctx;
  const range = doc.bufferedPageRange();
  const totals = new Map<PageFrame, number>();
  for (const frame of ctx.frames) if (frame) totals.set(frame, (totals.get(frame) ?? 0) + 1);
  const numbers = new Map<PageFrame, number>();
  for (let index = range.start; index < range.start + range.count; index++) {
    const frame = ctx.frames[index];
    if (!frame) continue;
    const number = (numbers.get(frame) ?? 0) + 1;
    numbers.set(frame, number);
    const framed = totals.get(frame)!;
    doc.switchToPage(index);
    const { width, height, margins } = doc.page;
    const left = margins.left;
    const innerWidth = width - margins.left - margins.right;

    ctx.font('sans', SIZES.small).fillColor(COLORS.muted);
    const headerY = margins.top - 26;
    textLine(doc, frame.title, left, headerY, { align: 'left', width: innerWidth });
    if (frame.subtitle) {
      const maxSubtitleWidth = innerWidth - doc.widthOfString(frame.title) - 24;
      textLine(doc, shorten(ctx, frame.subtitle, maxSubtitleWidth), left, headerY, { align: 'right', width: innerWidth });
    }
    doc.moveTo(left, headerY + 13).lineTo(left + innerWidth, headerY + 13).lineWidth(0.5).strokeColor(COLORS.lightRule).stroke();

    const footerY = height - margins.bottom + 18;
    textLine(doc, t('common.pageOf', { page: number, total: framed }), left, footerY, { align: 'center', width: innerWidth });
    doc.fillColor(COLORS.text);
  }
}

/** Cuts text with an ellipsis so a running header never runs into its neighbour. */
function shorten(ctx: PdfContext, text: string, maxWidth: number): string {
  const { doc } = ctx;
  if (doc.widthOfString(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}
