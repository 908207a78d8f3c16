import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { PdfContext } from '../pdf-context';

/**
 * PNG images with transparency (seals) drawn without pdfkit's per-document decoding: pdfkit
 * inflates, unfilters, splits and re-deflates an alpha PNG in every document (~3.5 ms for a
 * 240 px seal, most of a certificate's cost). Here that happens once per process and image, and
 * each document only writes the two ready streams, once even when many pages show the image.
 */

interface PreparedImage {
  key: string;
  width: number;
  height: number;
  colorSpace: 'DeviceRGB' | 'DeviceGray';
  color: Buffer;
  alpha: Buffer | null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** 8-bit, non-interlaced grey, RGB, grey+alpha or RGBA; null for anything else (pdfkit draws those). */
export function decodePng(png: Uint8Array): Omit<PreparedImage, 'key'> | null {
  const data = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let width = 0;
  let height = 0;
  let channels = 0;
  let hasAlpha = false;
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= data.length; ) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [bitDepth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = CHANNELS[colorType!] ?? 0;
      if (bitDepth !== 8 || interlace !== 0 || channels === 0) return null;
      hasAlpha = colorType === 4 || colorType === 6;
    } else if (type === 'tRNS' || type === 'PLTE') {
      return null;
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!width || !height || idat.length === 0) return null;

  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length < (stride + 1) * height) return null;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[row + x - channels]! : 0;
      const up = y > 0 ? pixels[row - stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[row - stride + x - channels]! : 0;
      const value = raw[source + x]!;
      const predicted = filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : filter === 4 ? paeth(left, up, upLeft) : 0;
      pixels[row + x] = (value + predicted) & 0xff;
    }
  }

  const colorChannels = hasAlpha ? channels - 1 : channels;
  const color = Buffer.alloc(width * height * colorChannels);
  const alpha = hasAlpha ? Buffer.alloc(width * height) : null;
  for (let i = 0, p = 0; i < width * height; i++) {
    for (let c = 0; c < colorChannels; c++) color[i * colorChannels + c] = pixels[p++]!;
    if (alpha) alpha[i] = pixels[p++]!;
  }
  if (alpha) hideInvisibleColour(color, alpha, colorChannels);
  return {
    width,
    height,
    colorSpace: colorChannels === 3 ? 'DeviceRGB' : 'DeviceGray',
    // Done once per process and image, so the slowest, smallest setting costs nothing per document.
    color: deflateSync(color, { level: 9 }),
    alpha: alpha ? deflateSync(alpha, { level: 9 }) : null,
  };
}

/**
 * Under a fully transparent pixel the colour is never seen, but scanners and editors leave noise or
 * black there, which deflates badly (a 240 px seal's colour plane: 3.7 KB). Repeating the last
 * visible colour instead leaves a one-colour seal one run long (~0.3 KB), keeping a certificate
 * under 20 KB; what is drawn does not change.
 */
function hideInvisibleColour(color: Buffer, alpha: Buffer, channels: number): void {
  const first = alpha.findIndex((a) => a !== 0);
  if (first < 0) return;
  let last = first * channels;
  for (let i = 0; i < alpha.length; i++) {
    const at = i * channels;
    if (alpha[i] !== 0) last = at;
    else color.copyWithin(at, last, last + channels);
  }
}

const prepared = new Map<string, PreparedImage | null>();
const PREPARED_LIMIT = 16;

function prepare(png: Uint8Array): PreparedImage | null {
  const key = createHash('sha1').update(png).digest('hex');
  if (!prepared.has(key)) {
    if (prepared.size >= PREPARED_LIMIT) prepared.clear();
    const decoded = decodePng(png);
    prepared.set(key, decoded && { key, ...decoded });
  }
  return prepared.get(key)!;
}

const xobjectsByDoc = new WeakMap<object, Map<string, { label: string; ref: PDFKit.PDFKitReference }>>();

/** Draws a PNG centred in the box, scaled to fit, keeping its transparency. */
export function drawPng(ctx: PdfContext, png: Uint8Array, x: number, y: number, boxWidth: number, boxHeight: number): void {
  const { doc } = ctx;
  const image = prepare(png);
  if (!image) {
    doc.image(Buffer.from(png), x, y, { fit: [boxWidth, boxHeight], align: 'center', valign: 'center' });
    return;
  }
  let embedded = xobjectsByDoc.get(doc);
  if (!embedded) xobjectsByDoc.set(doc, (embedded = new Map()));
  let xobject = embedded.get(image.key);
  if (!xobject) {
    const common = { Type: 'XObject', Subtype: 'Image', BitsPerComponent: 8, Width: image.width, Height: image.height, Filter: 'FlateDecode' };
    const ref = doc.ref({ ...common, ColorSpace: image.colorSpace });
    if (image.alpha) {
      const mask = doc.ref({ ...common, ColorSpace: 'DeviceGray', Decode: [0, 1] });
      mask.end(image.alpha);
      (ref as unknown as { data: Record<string, unknown> }).data['SMask'] = mask;
    }
    ref.end(image.color);
    xobject = { label: `QadImg${embedded.size + 1}`, ref };
    embedded.set(image.key, xobject);
  }
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const left = x + (boxWidth - width) / 2;
  const top = y + (boxHeight - height) / 2;
  doc.page.xobjects[xobject.label] = xobject.ref;
  // pdfkit's user space is flipped (y down); an image is drawn into the unit square, y up.
  doc.addContent(`q ${width} 0 0 ${-height} ${left} ${top + height} cm /${xobject.label} Do Q`);
}
