import type { PdfContext } from '../pdf-context';
import { COLORS, SIZES } from './style';
import { contentBox } from './text';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the table width in proportion. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableRow {
  cells: string[];
  bold?: boolean;
  fill?: string;
}

export interface TableOptions {
  columns: TableColumn[];
  rows: (TableRow | string[])[];
  fontSize?: number;
  /** Draw the header row; repeated at the top of every page the table continues on. */
  header?: boolean;
  zebra?: boolean;
  padding?: number;
  /** Minimum row height, e.g. room for a handwritten score. */
  minRowHeight?: number;
}

const CELL_LINE_GAP = 1.5;

/**
 * A ruled table that breaks between rows and repeats its header on each new page. Fonts are set
 * explicitly for every cell because measuring and drawing must use the very same face.
 */
export function drawTable(ctx: PdfContext, options: TableOptions): void {
  const { doc } = ctx;
  const size = options.fontSize ?? SIZES.body;
  const padding = options.padding ?? 4;
  const box = contentBox(doc);
  const totalWeight = options.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = fitHeaderWords(ctx, options.columns, options.columns.map((c) => (c.weight / totalWeight) * box.width), size, padding);
  const showHeader = options.header ?? true;
  const headerRow: TableRow = { cells: options.columns.map((c) => c.header), bold: true, fill: COLORS.headerFill };

  const rowHeight = (row: TableRow): number => {
    ctx.font(row.bold ? 'sans-bold' : 'sans', size);
    const heights = row.cells.map((cell, i) =>
      doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * padding, lineGap: CELL_LINE_GAP }),
    );
    // A row never outgrows a page: beyond that its cells are cut with an ellipsis.
    const page = contentBox(doc);
    return Math.min(page.bottom - page.top - headerHeight, Math.max(options.minRowHeight ?? 0, Math.max(...heights) + 2 * padding));
  };

  const drawRow = (row: TableRow, y: number, height: number): void => {
    let x = box.left;
    if (row.fill) doc.rect(box.left, y, box.width, height).fillColor(row.fill).fill();
    for (const [i, column] of options.columns.entries()) {
      const width = widths[i]!;
      ctx.font(row.bold ? 'sans-bold' : 'sans', size).fillColor(COLORS.text);
      const text = row.cells[i] ?? '';
      if (text) {
        doc.text(text, x + padding, y + padding, {
          width: width - 2 * padding,
          height: height - 2 * padding,
          ellipsis: true,
          align: column.align ?? 'left',
          lineGap: CELL_LINE_GAP,
        });
      }
      x += width;
    }
    doc.lineWidth(0.5).strokeColor(COLORS.rule);
    doc.rect(box.left, y, box.width, height).stroke();
    x = box.left;
    for (const width of widths.slice(0, -1)) {
      x += width;
      doc.moveTo(x, y).lineTo(x, y + height).stroke();
    }
  };

  let headerHeight = 0; // read by rowHeight: the header row itself is measured against a full page
  if (showHeader) headerHeight = rowHeight(headerRow);
  const startPageWith = (firstRowHeight: number): number => {
    let y = doc.y;
    if (y + headerHeight + firstRowHeight > contentBox(doc).bottom) {
      doc.addPage();
      y = doc.y;
    }
    if (showHeader) {
      drawRow(headerRow, y, headerHeight);
      y += headerHeight;
    }
    return y;
  };

  const rows = options.rows.map((r) => (Array.isArray(r) ? { cells: r } : r));
  let y = startPageWith(rows[0] ? rowHeight(rows[0]) : 0);
  for (const [index, row] of rows.entries()) {
    const height = rowHeight(row);
    if (y + height > contentBox(doc).bottom) {
      doc.addPage();
      doc.y = contentBox(doc).top;
      y = startPageWith(height);
    }
    const styled = !row.fill && options.zebra && index % 2 === 1 ? { ...row, fill: COLORS.zebra } : row;
    drawRow(styled, y, height);
    y += height;
  }
  doc.x = box.left;
  doc.y = y + 8;
}

/**
 * Widens columns whose header would break inside a word ("Ran|k"), taking the room from columns
 * with slack in proportion to it. CJK headers count as one word, so they stay on one line too.
 */
function fitHeaderWords(ctx: PdfContext, columns: TableColumn[], widths: number[], size: number, padding: number): number[] {
  ctx.font('sans-bold', size);
  const needed = columns.map((c) => Math.max(0, ...c.header.split(/\s+/).map((word) => ctx.doc.widthOfString(word))) + 2 * padding + 0.5);
  const deficit = widths.reduce((sum, w, i) => sum + Math.max(0, needed[i]! - w), 0);
  const slack = widths.reduce((sum, w, i) => sum + Math.max(0, w - needed[i]!), 0);
  if (deficit === 0 || slack < deficit) return widths;
  return widths.map((w, i) => (w < needed[i]! ? needed[i]! : w - ((w - needed[i]!) / slack) * deficit));
}
