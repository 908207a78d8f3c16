/**
 * The container must be laid out exactly as writer.ts (yazl, stored entries, DOS timestamps, fixed
 * mode) lays it out: entries back to back from offset 0, then the central directory, then the end
 * records, nothing before, between or after, and every field that zip stores twice (local header,
 * data descriptor, central directory) equal in both places. The signature covers the manifest and
 * the manifest covers the payload, so this is what makes the *rest* of the file tamper-evident:
 * every byte is either signed, hashed, or cross-checked here. It also leaves no room for the
 * ambiguities (prepended data, shadow entries, conflicting local names) that let two zip readers
 * see two different archives.
 */
import type { Entry, LocalFileHeader } from 'yauzl';

export const VERSION_MADE_BY = (3 << 8) | 63;
export const VERSION_NEEDED = 20;
export const VERSION_NEEDED_ZIP64 = 45;
export const FLAG_UTF8 = 0x800;
export const FLAG_DATA_DESCRIPTOR = 0x8;
export const ENTRY_MODE = 0o100644;
export const EXTERNAL_ATTRIBUTES = (ENTRY_MODE << 16) >>> 0;
export const METHOD_STORED = 0;
export const METHOD_DEFLATED = 8;

const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
const CENTRAL_FIXED_SIZE = 46;
const LOCAL_FIXED_SIZE = 30;
const ZIP64_EXTRA_SIZE = 28;
const U16 = 0xffff;
const U32 = 0xffffffff;

export class LayoutError extends Error {}

function expect(condition: boolean, what: string): asserts condition {
  if (!condition) throw new LayoutError(what);
}

function u64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  expect(value <= BigInt(Number.MAX_SAFE_INTEGER), '64-bit field out of range');
  return Number(value);
}

export type RawRead = (position: number, length: number) => Promise<Buffer>;

export interface ZipEnd {
  entryCount: number;
  centralOffset: number;
  centralSize: number;
}

export async function readZipEnd(read: RawRead, fileSize: number): Promise<ZipEnd> {
  expect(fileSize >= EOCD_SIZE, 'file too short for a zip');
  const eocd = await read(fileSize - EOCD_SIZE, EOCD_SIZE);
  expect(eocd.readUInt32LE(0) === 0x06054b50, 'end of central directory not at end of file');
  expect(eocd.readUInt16LE(4) === 0 && eocd.readUInt16LE(6) === 0, 'multi-disk archive');
  expect(eocd.readUInt16LE(8) === eocd.readUInt16LE(10), 'entry counts disagree');
  expect(eocd.readUInt16LE(20) === 0, 'archive comment');
  const count = eocd.readUInt16LE(10);
  const size = eocd.readUInt32LE(12);
  const offset = eocd.readUInt32LE(16);
  const zip64 = count === U16 || size === U32 || offset === U32;
  if (!zip64) {
    expect(offset + size === fileSize - EOCD_SIZE, 'central directory not followed by its end record');
    return { entryCount: count, centralOffset: offset, centralSize: size };
  }

  const recordStart = fileSize - EOCD_SIZE - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE;
  expect(recordStart >= 0, 'file too short for zip64');
  const locator = await read(fileSize - EOCD_SIZE - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
  expect(locator.readUInt32LE(0) === 0x07064b50, 'zip64 locator missing');
  expect(locator.readUInt32LE(4) === 0 && locator.readUInt32LE(16) === 1, 'multi-disk archive');
  expect(u64(locator, 8) === recordStart, 'zip64 end record misplaced');
  const record = await read(recordStart, ZIP64_EOCD_SIZE);
  expect(record.readUInt32LE(0) === 0x06064b50, 'zip64 end record missing');
  expect(u64(record, 4) === ZIP64_EOCD_SIZE - 12, 'zip64 end record size');
  expect(record.readUInt16LE(12) === VERSION_MADE_BY && record.readUInt16LE(14) === VERSION_NEEDED_ZIP64, 'zip64 end record versions');
  expect(record.readUInt32LE(16) === 0 && record.readUInt32LE(20) === 0, 'multi-disk archive');
  const entryCount = u64(record, 32);
  const centralSize = u64(record, 40);
  const centralOffset = u64(record, 48);
  expect(u64(record, 24) === entryCount, 'entry counts disagree');
  // yazl writes all three placeholders when zip64 is forced, otherwise only for values that overflow.
  const forced = count === U16 && size === U32 && offset === U32;
  if (!forced) {
    expect(count === (entryCount >= U16 ? U16 : entryCount), 'zip64 entry count');
    expect(size === (centralSize >= U32 ? U32 : centralSize), 'zip64 central directory size');
    expect(offset === (centralOffset >= U32 ? U32 : centralOffset), 'zip64 central directory offset');
  }
  expect(centralOffset + centralSize === recordStart, 'central directory not followed by its end record');
  return { entryCount, centralOffset, centralSize };
}

/** Whether a central directory entry uses the zip64 extra field (then its 32-bit size and offset fields are placeholders). */
export function isZip64Entry(entry: Entry): boolean {
  return entry.versionNeededToExtract === VERSION_NEEDED_ZIP64;
}

/**
 * Compares the raw 46 fixed bytes of a central directory record with what yauzl parsed from the same
 * place, and checks every field against the canonical values. Returns the record's total length.
 */
export function checkCentralRecord(raw: Buffer, entry: Entry): number {
  expect(raw.readUInt32LE(0) === 0x02014b50, 'central directory record signature');
  expect(raw.readUInt16LE(4) === VERSION_MADE_BY && entry.versionMadeBy === VERSION_MADE_BY, 'version made by');
  const zip64 = isZip64Entry(entry);
  expect(raw.readUInt16LE(6) === entry.versionNeededToExtract && (zip64 || entry.versionNeededToExtract === VERSION_NEEDED), 'version needed');
  const flags = raw.readUInt16LE(8);
  expect(flags === entry.generalPurposeBitFlag && (flags === FLAG_UTF8 || flags === (FLAG_UTF8 | FLAG_DATA_DESCRIPTOR)), 'flags');
  expect(raw.readUInt16LE(10) === entry.compressionMethod, 'compression method');
  expect(raw.readUInt16LE(12) === entry.lastModFileTime && raw.readUInt16LE(14) === entry.lastModFileDate, 'timestamp');
  expect(raw.readUInt32LE(16) === entry.crc32, 'crc');
  expect(raw.readUInt16LE(28) === entry.fileNameLength && raw.readUInt16LE(30) === entry.extraFieldLength, 'field lengths');
  expect(raw.readUInt16LE(32) === 0 && entry.fileCommentLength === 0, 'file comment');
  expect(raw.readUInt16LE(34) === 0, 'disk number');
  expect(raw.readUInt16LE(36) === 0 && entry.internalFileAttributes === 0, 'internal attributes');
  expect(raw.readUInt32LE(38) === entry.externalFileAttributes && entry.externalFileAttributes === EXTERNAL_ATTRIBUTES, 'file mode');
  const sizes = [raw.readUInt32LE(20), raw.readUInt32LE(24), raw.readUInt32LE(42)];
  if (zip64) {
    expect(sizes.every((value) => value === U32), 'zip64 placeholders');
    const extra = entry.extraFieldRaw;
    expect(extra.length === ZIP64_EXTRA_SIZE && extra.readUInt16LE(0) === 0x0001 && extra.readUInt16LE(2) === ZIP64_EXTRA_SIZE - 4, 'zip64 extra field');
    expect(u64(extra, 4) === entry.uncompressedSize && u64(extra, 12) === entry.compressedSize && u64(extra, 20) === entry.relativeOffsetOfLocalHeader, 'zip64 extra field values');
  } else {
    expect(entry.extraFieldLength === 0, 'extra field');
    expect(sizes[0] === entry.compressedSize && sizes[1] === entry.uncompressedSize && sizes[2] === entry.relativeOffsetOfLocalHeader, 'sizes');
  }
  if (entry.compressionMethod === METHOD_STORED) expect(entry.compressedSize === entry.uncompressedSize, 'stored sizes');
  return CENTRAL_FIXED_SIZE + entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength;
}

export interface EntrySpan {
  dataStart: number;
  dataEnd: number;
  /** Where the next local header must start. */
  end: number;
  /** Bytes of the data descriptor after the data, 0 if none. */
  descriptorLength: number;
}

/** Checks the local header against the central record and that it starts where the previous entry ended. */
export function checkLocalHeader(local: LocalFileHeader, entry: Entry, expectedOffset: number): EntrySpan {
  expect(entry.relativeOffsetOfLocalHeader === expectedOffset, 'entries not contiguous');
  expect(local.versionNeededToExtract === VERSION_NEEDED, 'local version needed');
  expect(local.generalPurposeBitFlag === entry.generalPurposeBitFlag, 'local flags');
  expect(local.compressionMethod === entry.compressionMethod, 'local compression method');
  expect(local.lastModFileTime === entry.lastModFileTime && local.lastModFileDate === entry.lastModFileDate, 'local timestamp');
  const descriptor = (entry.generalPurposeBitFlag & FLAG_DATA_DESCRIPTOR) !== 0;
  if (descriptor) {
    expect(local.crc32 === 0 && local.compressedSize === 0 && local.uncompressedSize === 0, 'local sizes with data descriptor');
  } else {
    expect(local.crc32 === entry.crc32 && local.compressedSize === entry.compressedSize && local.uncompressedSize === entry.uncompressedSize, 'local sizes');
  }
  expect(local.extraFieldLength === 0, 'local extra field');
  expect(local.fileNameLength === entry.fileNameLength && local.fileName.equals(entry.fileNameRaw), 'local file name');
  const dataStart = expectedOffset + LOCAL_FIXED_SIZE + entry.fileNameLength;
  expect(local.fileDataStart === dataStart, 'local header length');
  const dataEnd = dataStart + entry.compressedSize;
  const descriptorLength = descriptor ? (isZip64Entry(entry) ? 24 : 16) : 0;
  return { dataStart, dataEnd, end: dataEnd + descriptorLength, descriptorLength };
}

export function checkDataDescriptor(raw: Buffer, entry: Entry): void {
  expect(raw.readUInt32LE(0) === 0x08074b50, 'data descriptor signature');
  expect(raw.readUInt32LE(4) === entry.crc32, 'data descriptor crc');
  if (raw.length === 24) {
    expect(u64(raw, 8) === entry.compressedSize && u64(raw, 16) === entry.uncompressedSize, 'data descriptor sizes');
  } else {
    expect(raw.readUInt32LE(8) === entry.compressedSize && raw.readUInt32LE(12) === entry.uncompressedSize, 'data descriptor sizes');
  }
}

/** The unix file type bits of an entry (0 when the archive was not made on unix). */
export function unixFileType(entry: Entry): number {
  return ((entry.externalFileAttributes >>> 16) & 0o170000) >>> 0;
}
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
