import type { PdfContext } from '../pdf-context';
import { COLORS, SIZES } from './style';
import { contentBox, textLine } from './text';

export interface RadarAxis {
  label: string;
  /** 0..100 */
  percent: number;
}

export interface RadarChartOptions {
  centerX: number;
  centerY: number;
  radius: number;
  axes: RadarAxis[];
  rings?: number[];
}

/** Vector radar (spider) chart: rings every 20 %, one spoke per axis, the values as a polygon. */
export function drawRadarChart(ctx: PdfContext, options: RadarChartOptions): void {
  const { doc } = ctx;
  const { centerX, centerY, radius, axes } = options;
  const rings = options.rings ?? [20, 40, 60, 80, 100];
  if (axes.length < 3) return;
  const angle = (i: number): number => -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
  const point = (i: number, percent: number): [number, number] => {
    const r = (radius * Math.max(0, Math.min(100, percent))) / 100;
    return [centerX + r * Math.cos(angle(i)), centerY + r * Math.sin(angle(i))];
  };

  doc.save();
  doc.lineWidth(0.5).strokeColor(COLORS.lightRule);
  for (const ring of rings) {
    doc.polygon(...axes.map((_, i) => point(i, ring))).stroke();
  }
  for (const [i] of axes.entries()) {
    const [x, y] = point(i, 100);
    doc.moveTo(centerX, centerY).lineTo(x, y).stroke();
  }

  const values = axes.map((axis, i) => point(i, axis.percent));
  doc.polygon(...values).fillOpacity(0.22).fillColor(COLORS.chartFill).fill();
  doc.fillOpacity(1);
  doc.polygon(...values).lineWidth(1.4).strokeColor(COLORS.chartFill).stroke();
  for (const [x, y] of values) doc.circle(x, y, 2).fillColor(COLORS.chartFill).fill();
  doc.restore();

  ctx.font('sans', SIZES.small - 1).fillColor(COLORS.muted);
  for (const ring of rings) {
    const [x, y] = point(0, ring);
    textLine(doc, `${ring}%`, x + 3, y - 4);
  }

  ctx.font('sans', SIZES.small);
  const box = contentBox(doc);
  const labelWidth = 112;
  for (const [i, axis] of axes.entries()) {
    const [x, y] = point(i, 100);
    const cos = Math.cos(angle(i));
    const sin = Math.sin(angle(i));
    const label = `${axis.label}\n${Math.round(axis.percent)}%`;
    const align = Math.abs(cos) < 0.2 ? 'center' : cos > 0 ? 'left' : 'right';
    const wanted = align === 'center' ? x - labelWidth / 2 : align === 'left' ? x + 6 : x - 6 - labelWidth;
    // Long (English) category names wrap inside the label box, which never leaves the page body.
    const lx = Math.min(Math.max(wanted, box.left), box.right - labelWidth);
    const height = doc.heightOfString(label, { width: labelWidth, lineGap: 0.5 });
    const ly = sin > 0.2 ? y + 4 : sin < -0.2 ? y - height - 4 : y - height / 2;
    doc.fillColor(COLORS.text).text(label, lx, ly, { width: labelWidth, align, lineGap: 0.5 });
  }
  doc.fillColor(COLORS.text);
}
