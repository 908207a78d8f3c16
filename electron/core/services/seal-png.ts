/**
 * Checks that an uploaded seal is a sound PNG before it is kept: a file that only looks like one would
 * otherwise fail later, in the middle of printing a batch of certificates. Every chunk's CRC is checked
 * and the image data must inflate to exactly what the header promises.
 */
import { crc32, inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/api/errors';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A seal is printed about 4.5 cm wide: below this it prints blurred, above it only costs memory. */
export const MIN_SEAL_SIDE = 64;
export const MAX_SEAL_SIDE = 2048;
/** Allowed bit depths per colour type (PNG spec, table 11.1) and samples per pixel. */
const COLOR_TYPES: Record<number, { depths: number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};

const corrupt = () => new AppError('validation', 'ui.seal.corrupt');

interface Chunk {
  type: string;
  body: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw corrupt();
    const length = png.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (length > png.length || end > png.length) throw corrupt();
    const typeAndBody = png.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndBody) !== png.readUInt32BE(offset + 8 + length)) throw corrupt();
    const type = png.toString('latin1', offset + 4, offset + 8);
    chunks.push({ type, body: png.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === 'IEND') break;
  }
  if (chunks.at(-1)?.type !== 'IEND') throw corrupt();
  return chunks;
}

/** Bytes of filtered image data for one pass of `width` × `height` (a filter byte per row). */
const passBytes = (width: number, height: number, bitsPerPixel: number) => (width === 0 || height === 0 ? 0 : (Math.ceil((width * bitsPerPixel) / 8) + 1) * height);

/** Adam7 passes: [x start, y start, x step, y step]. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function expectedDataBytes(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  if (!interlaced) return passBytes(width, height, bitsPerPixel);
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + passBytes(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy), bitsPerPixel), 0);
}

/** Returns the image's size; throws a translated validation error saying what is wrong otherwise. */
export function checkSealPng(png: Buffer): { width: number; height: number } {
  if (png.length < SIGNATURE.length || !png.subarray(0, 8).equals(SIGNATURE)) throw new AppError('validation', 'ui.seal.notPng');
  const chunks = readChunks(png);
  const header = chunks[0];
  if (header?.type !== 'IHDR' || header.body.length !== 13) throw corrupt();
  const width = header.body.readUInt32BE(0);
  const height = header.body.readUInt32BE(4);
  const [bitDepth, colorType, compression, filter, interlace] = [header.body[8]!, header.body[9]!, header.body[10]!, header.body[11]!, header.body[12]!];
  const color = COLOR_TYPES[colorType];
  if (!color || !color.depths.includes(bitDepth) || compression !== 0 || filter !== 0 || interlace > 1) throw corrupt();
  if (width < MIN_SEAL_SIDE || height < MIN_SEAL_SIDE || width > MAX_SEAL_SIDE || height > MAX_SEAL_SIDE) {
    throw new AppError('validation', 'ui.seal.dimensions', { width, height, min: MIN_SEAL_SIDE, max: MAX_SEAL_SIDE });
  }
  if (colorType === 3 && !chunks.some((c) => c.type === 'PLTE')) throw corrupt();
  const idat = chunks.filter((c) => c.type === 'IDAT');
  if (idat.length === 0) throw corrupt();
  const expected = expectedDataBytes(width, height, bitDepth * color.samples, interlace === 1);
  let data: Buffer;
  try {
    // Bounded: a deflate bomb stops one byte past what the header allows.
    data = inflateSync(Buffer.concat(idat.map((c) => c.body)), { maxOutputLength: expected + 1 });
  } catch {
    throw corrupt();
  }
  if (data.length !== expected) throw corrupt();
  // Without transparency the seal would hide the issuer and the date it is stamped over.
  const transparent = colorType === 4 || colorType === 6 || chunks.some((c) => c.type === 'tRNS');
  if (!transparent) throw new AppError('validation', 'ui.seal.opaque');
  return { width, height };
}
