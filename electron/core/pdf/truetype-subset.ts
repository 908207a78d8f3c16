/**
 * TrueType subsetter for pdfkit's embedded CID fonts. fontkit's own subsetter decodes every
 * glyph outline and encodes the tables through its generic struct library, ~3 ms per document
 * for a certificate; this one copies glyph bytes and writes the nine tables PDF needs (head,
 * hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) directly. pdfkit only calls `includeGlyph`
 * and `encode` (and reads `cff`, absent for TrueType).
 */

interface TableEntry {
  offset: number;
  length: number;
}

/** Tables of one font file, parsed once and shared by every subset taken from it. */
export class TrueTypeSource {
  readonly tables = new Map<string, TableEntry>();
  readonly locaOffsets: Uint32Array;
  readonly numberOfHMetrics: number;
  private readonly glyf: Buffer;
  private readonly hmtx: Buffer;

  constructor(readonly file: Buffer) {
    const numTables = file.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const entry = 12 + 16 * i;
      this.tables.set(file.toString('latin1', entry, entry + 4), { offset: file.readUInt32BE(entry + 8), length: file.readUInt32BE(entry + 12) });
    }
    const head = this.table('head');
    const longLoca = head.readInt16BE(50) === 1;
    const numGlyphs = this.table('maxp').readUInt16BE(4);
    const loca = this.table('loca');
    this.locaOffsets = new Uint32Array(numGlyphs + 1);
    for (let g = 0; g <= numGlyphs; g++) this.locaOffsets[g] = longLoca ? loca.readUInt32BE(4 * g) : loca.readUInt16BE(2 * g) * 2;
    this.numberOfHMetrics = this.table('hhea').readUInt16BE(34);
    this.glyf = this.table('glyf');
    this.hmtx = this.table('hmtx');
  }

  table(tag: string): Buffer {
    const entry = this.tables.get(tag);
    if (!entry) throw new Error(`font has no ${tag} table`);
    return this.file.subarray(entry.offset, entry.offset + entry.length);
  }

  optionalTable(tag: string): Buffer | null {
    return this.tables.has(tag) ? this.table(tag) : null;
  }

  glyph(id: number): Buffer {
    return this.glyf.subarray(this.locaOffsets[id]!, this.locaOffsets[id + 1]!);
  }

  /** [advance width, left side bearing] in font units. */
  metrics(id: number): [number, number] {
    const hmtx = this.hmtx;
    const n = this.numberOfHMetrics;
    if (id < n) return [hmtx.readUInt16BE(4 * id), hmtx.readInt16BE(4 * id + 2)];
    return [hmtx.readUInt16BE(4 * (n - 1)), hmtx.readInt16BE(4 * n + 2 * (id - n))];
  }
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Copy of a composite glyph with each component's glyph index mapped into the subset. */
export function remapComposite(glyph: Buffer, map: (id: number) => number): Buffer {
  const out = Buffer.from(glyph);
  let offset = 10;
  for (;;) {
    const flags = out.readUInt16BE(offset);
    out.writeUInt16BE(map(out.readUInt16BE(offset + 2)), offset + 2);
    offset += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) offset += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) offset += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) offset += 8;
    if (!(flags & MORE_COMPONENTS)) return out;
  }
}

/** Sum of big-endian uint32 words, the data zero-padded to a multiple of 4. */
function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

export class TrueTypeSubset {
  /** Original glyph ids in subset order; glyph 0 (.notdef) always first. */
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  readonly cff = undefined;

  constructor(private readonly source: TrueTypeSource) {
    this.includeGlyph(0);
  }

  includeGlyph(glyph: number | { id: number }): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let index = this.mapping.get(id);
    if (index === undefined) {
      index = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, index);
    }
    return index;
  }

  encode(): Uint8Array {
    const { source } = this;
    const glyphData: Buffer[] = [];
    // Composite glyphs may pull in more glyphs while we go: iterate by index, not by snapshot.
    for (let i = 0; i < this.glyphs.length; i++) {
      const raw = source.glyph(this.glyphs[i]!);
      const data = raw.length >= 10 && raw.readInt16BE(0) < 0 ? remapComposite(raw, (id) => this.includeGlyph(id)) : raw;
      glyphData.push(data);
    }
    const count = glyphData.length;
    const loca = Buffer.alloc(4 * (count + 1));
    const hmtx = Buffer.alloc(4 * count);
    let position = 0;
    for (let i = 0; i < count; i++) {
      loca.writeUInt32BE(position, 4 * i);
      position += glyphData[i]!.length;
      const [advance, bearing] = source.metrics(this.glyphs[i]!);
      hmtx.writeUInt16BE(advance, 4 * i);
      hmtx.writeInt16BE(bearing, 4 * i + 2);
    }
    loca.writeUInt32BE(position, 4 * count);

    const head = Buffer.from(source.table('head'));
    head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    head.writeInt16BE(1, 50); // long loca
    const hhea = Buffer.from(source.table('hhea'));
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(source.table('maxp'));
    maxp.writeUInt16BE(count, 4);

    const tables: [string, Buffer][] = [
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
      ['glyf', Buffer.concat(glyphData)],
      ['hmtx', hmtx],
    ];
    for (const tag of ['cvt ', 'prep', 'fpgm']) {
      const table = source.optionalTable(tag);
      if (table) tables.push([tag, table]);
    }
    tables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return writeFont(tables);
  }

}

function writeFont(tables: [string, Buffer][]): Buffer {
  const numTables = tables.length;
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 16 * 2 ** entrySelector;
  const directory = Buffer.alloc(12 + 16 * numTables);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(numTables, 4);
  directory.writeUInt16BE(searchRange, 6);
  directory.writeUInt16BE(entrySelector, 8);
  directory.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [directory];
  let offset = directory.length;
  let headOffset = 0;
  let tablesSum = 0;
  tables.forEach(([tag, data], i) => {
    const entry = 12 + 16 * i;
    const sum = checksum(data);
    tablesSum = (tablesSum + sum) >>> 0;
    directory.write(tag, entry, 4, 'latin1');
    directory.writeUInt32BE(sum, entry + 4);
    directory.writeUInt32BE(offset, entry + 8);
    directory.writeUInt32BE(data.length, entry + 12);
    if (tag === 'head') headOffset = offset;
    const padding = (4 - (data.length % 4)) % 4;
    parts.push(data);
    if (padding) parts.push(Buffer.alloc(padding));
    offset += data.length + padding;
  });
  const font = Buffer.concat(parts, offset);
  // Tables are 4-byte aligned and zero-padded, so the file's sum is the directory's plus theirs.
  const fileSum = (checksum(directory) + tablesSum) >>> 0;
  font.writeUInt32BE((0xb1b0afba - fileSum) >>> 0, headOffset + 8);
  return font;
}
