import { createWriteStream } from 'node:fs';
import './skip-woff2-decoder';
import PDFDocument from 'pdfkit';
import { loadFont, type FontFace, type FontLocation } from './fonts';
import { toDate } from './format';
import type { IsoDate, Translate } from './types';

export type Doc = PDFKit.PDFDocument;

/** Running header of a page; null for pages drawn edge to edge (certificates). */
export interface PageFrame {
  title: string;
  subtitle?: string;
}

export interface PdfContext {
  readonly doc: Doc;
  readonly t: Translate;
  /** Select one of the embedded faces (registered on first use, parsed once per process). */
  font(face: FontFace, size: number): Doc;
  /** Frame applied to pages added from now on, including pages pdfkit adds on overflow. */
  setFrame(frame: PageFrame | null): void;
  readonly frames: (PageFrame | null)[];
}

export interface CreatePdfOptions extends FontLocation {
  t: Translate;
  title: string;
  subject?: string;
  /** Fixes CreationDate, ModDate and so the trailer /ID: same input, same bytes. */
  date: IsoDate;
  layout?: 'portrait' | 'landscape';
  margins?: { top: number; bottom: number; left: number; right: number };
}

export const PORTRAIT_MARGINS = { top: 64, bottom: 60, left: 56, right: 56 };
export const LANDSCAPE_MARGINS = { top: 56, bottom: 52, left: 48, right: 48 };

const XML_SPECIALS: Record<string, string> = { '&': '＆', '<': '＜', '>': '＞' };

/**
 * pdfkit copies Title, Subject and Creator into the XMP metadata packet without escaping, so a
 * name like "A&B Co." would make that XML malformed; the full-width forms read the same.
 */
function xmpSafe(text: string): string {
  return text.replace(/[&<>]/g, (c) => XML_SPECIALS[c]!);
}

export function createPdf(options: CreatePdfOptions): PdfContext {
  const date = toDate(options.date);
  const layout = options.layout ?? 'portrait';
  const producer = options.t('meta.producer');
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins: options.margins ?? (layout === 'landscape' ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS),
    autoFirstPage: false,
    // pdfkit always loads a default standard font; Courier has no kerning table to parse
    // (Helvetica's costs ~1.5 ms per document) and, never used, it is never written.
    font: 'Courier',
    bufferPages: true,
    pdfVersion: '1.7',
    lang: options.t('meta.lang'),
    displayTitle: true,
    info: {
      Title: xmpSafe(options.title),
      ...(options.subject ? { Subject: xmpSafe(options.subject) } : {}),
      Creator: xmpSafe(producer),
      Producer: xmpSafe(producer),
      CreationDate: date,
      ModDate: date,
    },
  });
  // addPage() re-applies `options.font` on every new page, pdfkit's own overflow pages included:
  // left in place, text continued on a new page would switch to Courier mid-paragraph.
  delete (doc.options as { font?: string }).font;
  const registered = new Set<FontFace>();
  const frames: (PageFrame | null)[] = [];
  let currentFrame: PageFrame | null = null;
  doc.on('pageAdded', () => frames.push(currentFrame));
  return {
    doc,
    t: options.t,
    frames,
    font(face, size) {
      if (!registered.has(face)) {
        // pdfkit accepts a parsed fontkit font as a source; its typings only list paths and buffers.
        doc.registerFont(face, loadFont(face, options) as unknown as Buffer);
        registered.add(face);
      }
      return doc.font(face).fontSize(size);
    },
    setFrame(frame) {
      currentFrame = frame;
    },
  };
}

/** Ends the document and collects it in memory. */
export function finishToBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Ends the document streaming it to a file; resolves once the file is flushed. */
export function finishToFile(doc: Doc, filePath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(filePath);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
    doc.pipe(out);
    doc.end();
  });
}
