import type { PdfContext } from '../pdf-context';
import { COLORS, SIZES } from '../layout/style';
import { drawTable } from '../layout/table';
import { bulletList, contentBox, heading, paragraphs, textLine } from '../layout/text';
import type { ApplicantProfile, KeyThemes } from '../types';

/** Label/value pairs, two per row (or one per row for long values). */
export function drawFacts(ctx: PdfContext, facts: [label: string, value: string][], perRow: 1 | 2 = 2): void {
  if (perRow === 1) {
    drawTable(ctx, { header: false, columns: [{ header: '', weight: 2.3 }, { header: '', weight: 9.7 }], rows: facts.map(([l, v]) => [l, v]) });
    return;
  }
  const rows: string[][] = [];
  for (let i = 0; i < facts.length; i += 2) {
    const [a, b] = [facts[i]!, facts[i + 1]];
    rows.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
  }
  drawTable(ctx, {
    header: false,
    columns: [
      { header: '', weight: 2.3 },
      { header: '', weight: 3.7 },
      { header: '', weight: 2.3 },
      { header: '', weight: 3.7 },
    ],
    rows: rows.map((cells) => ({ cells })),
  });
}

export function profileFacts(ctx: PdfContext, profile: ApplicantProfile): [string, string][] {
  const { t } = ctx;
  const facts: [string, string | number | undefined][] = [
    [t('profile.name'), profile.name],
    [t('profile.creditCode'), profile.creditCode],
    [t('profile.industry'), profile.industry],
    [t('profile.region'), profile.region],
    [t('profile.legalRepresentative'), profile.legalRepresentative],
    [t('profile.foundedYear'), profile.foundedYear],
    [t('profile.employees'), profile.employees],
    [t('profile.contact'), [profile.contactName, profile.contactPhone].filter(Boolean).join(' ') || undefined],
    [t('profile.address'), profile.address],
  ];
  return facts.filter((f): f is [string, string | number] => f[1] !== undefined && f[1] !== '').map(([l, v]) => [l, String(v)]);
}

export function drawProfile(ctx: PdfContext, profile: ApplicantProfile, extra: [string, string][] = []): void {
  heading(ctx, ctx.t('profile.title'), 1);
  drawFacts(ctx, [...profileFacts(ctx, profile), ...extra]);
  if (profile.summary) {
    heading(ctx, ctx.t('profile.summary'), 3);
    paragraphs(ctx, profile.summary);
  }
}

export function drawKeyThemes(ctx: PdfContext, themes: KeyThemes): void {
  const { t } = ctx;
  heading(ctx, t('themes.title'), 1);
  heading(ctx, t('themes.strengths'), 3);
  bulletList(ctx, themes.strengths, { emptyText: t('common.none'), marker: 'number' });
  heading(ctx, t('themes.opportunities'), 3);
  bulletList(ctx, themes.opportunities, { emptyText: t('common.none'), marker: 'number' });
}

export function drawFindings(ctx: PdfContext, strengths: string[], opportunities: string[]): void {
  const { t } = ctx;
  subLabel(ctx, t('findings.strengths'), COLORS.text);
  bulletList(ctx, strengths, { emptyText: t('common.none') });
  subLabel(ctx, t('findings.opportunities'), COLORS.text);
  bulletList(ctx, opportunities, { emptyText: t('common.none') });
}

function subLabel(ctx: PdfContext, text: string, color: string): void {
  const { doc } = ctx;
  ctx.font('sans-bold', SIZES.body).fillColor(color);
  if (doc.y + SIZES.body * 4 > contentBox(doc).bottom) doc.addPage();
  textLine(doc, text, contentBox(doc).left, doc.y);
  doc.y += SIZES.body * 1.6;
  doc.fillColor(COLORS.text);
}

export interface CoverOptions {
  kicker: string;
  title: string;
  name: string;
  facts: [string, string][];
  note?: string;
}

/** A cover page without running header: award name, document title, applicant, key facts. */
export function drawCover(ctx: PdfContext, cover: CoverOptions): void {
  const { doc } = ctx;
  ctx.setFrame(null);
  doc.addPage();
  const box = contentBox(doc);
  ctx.font('sans', SIZES.h2).fillColor(COLORS.muted);
  textLine(doc, cover.kicker, box.left, 150, { align: 'center', width: box.width });
  ctx.font('sans-bold', 30).fillColor(COLORS.accent);
  textLine(doc, cover.title, box.left, 190, { align: 'center', width: box.width, characterSpacing: 4 });
  doc.moveTo(box.left + 120, 246).lineTo(box.right - 120, 246).lineWidth(1).strokeColor(COLORS.accent).stroke();
  ctx.font('sans-bold', SIZES.h1).fillColor(COLORS.text);
  doc.text(cover.name, box.left + 40, 290, { width: box.width - 80, align: 'center', lineGap: 4 });
  doc.y = 420;
  const labelWidth = 110;
  for (const [label, value] of cover.facts) {
    ctx.font('sans', SIZES.h3).fillColor(COLORS.muted);
    textLine(doc, label, box.left + 70, doc.y, { align: 'right', width: labelWidth });
    ctx.font('sans', SIZES.h3).fillColor(COLORS.text);
    doc.text(value, box.left + 70 + labelWidth + 16, doc.y, { width: box.width - 140 - labelWidth - 16, lineGap: 2 });
    doc.y += 8;
  }
  if (cover.note) {
    ctx.font('sans', SIZES.small).fillColor(COLORS.muted);
    textLine(doc, cover.note, box.left, box.bottom - 20, { align: 'center', width: box.width });
  }
  doc.fillColor(COLORS.text);
}

/** A top-level bookmark to a page drawn earlier (0-based index among all pages of the document). */
export function bookmarkPage(ctx: PdfContext, title: string, pageIndex: number): void {
  // pdfkit takes `pageNumber` (an index into the page tree) although its typings list only `expanded`.
  ctx.doc.outline.addItem(title, { pageNumber: pageIndex, expanded: true } as { expanded: boolean });
}
