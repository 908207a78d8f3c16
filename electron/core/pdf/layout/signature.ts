import type { PdfContext } from '../pdf-context';
import { COLORS, SIZES } from './style';
import { contentBox, ensureSpace, textLine } from './text';

export interface SignatureLine {
  label: string;
  /** Printed under the line, e.g. the signer's name; omitted on blank forms. */
  name?: string;
}

export const SIGNATURE_ROW_HEIGHT = 46;

/** Two signature slots per row, each "label ____ date ____", with the printed name beneath. */
export function drawSignatureBlock(ctx: PdfContext, lines: SignatureLine[], dateLabel: string): void {
  const { doc } = ctx;
  const rowHeight = SIGNATURE_ROW_HEIGHT;
  const box = contentBox(doc);
  const slotWidth = (box.width - 24) / 2;
  for (let index = 0; index < lines.length; index += 2) {
    ensureSpace(ctx, rowHeight);
    const y = doc.y + 18;
    for (const [offset, line] of lines.slice(index, index + 2).entries()) {
      const x = box.left + offset * (slotWidth + 24);
      ctx.font('sans', SIZES.body).fillColor(COLORS.text);
      const labelWidth = doc.widthOfString(line.label) + 6;
      textLine(doc, line.label, x, y - 10);
      const dateWidth = doc.widthOfString(dateLabel) + 6;
      const lineEnd = x + slotWidth - dateWidth - 64;
      doc.moveTo(x + labelWidth, y + 2).lineTo(lineEnd, y + 2).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
      textLine(doc, dateLabel, lineEnd + 6, y - 10);
      doc.moveTo(lineEnd + 6 + dateWidth, y + 2).lineTo(x + slotWidth, y + 2).stroke();
      if (line.name) {
        ctx.font('sans', SIZES.small).fillColor(COLORS.muted);
        textLine(doc, line.name, x + labelWidth, y + 6, { align: 'center', width: lineEnd - x - labelWidth });
      }
    }
    doc.y += rowHeight;
  }
  doc.fillColor(COLORS.text);
}
