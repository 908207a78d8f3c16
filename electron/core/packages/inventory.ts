/**
 * First pass over a package: reads the central directory and every local header (metadata only,
 * no file data), judges every entry name and type, and checks the canonical layout. Nothing is
 * decompressed or written before this pass has accepted the whole archive.
 */
import type { Entry } from 'yauzl';
import { checkEntryPath, collisionKey, type EntryPathRule } from './entry-path';
import type { PackageLimits } from './limits';
import { refused, type RefusalReason } from './refusal';
import type { ZipSource } from './zip-source';
import {
  checkCentralRecord,
  checkDataDescriptor,
  checkLocalHeader,
  LayoutError,
  METHOD_DEFLATED,
  METHOD_STORED,
  readZipEnd,
  S_IFLNK,
  S_IFREG,
  unixFileType,
} from './zip-layout';

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const PAYLOAD_PREFIX = 'files/';

export interface InventoryEntry {
  name: string;
  entry: Entry;
}

export interface Inventory {
  manifest?: InventoryEntry;
  signature?: InventoryEntry;
  /** Payload entries by path relative to files/, in archive order. */
  payload: Map<string, InventoryEntry>;
}

const PATH_REASONS: Record<EntryPathRule, RefusalReason> = {
  emptySegment: 'entryEmptySegment',
  controlCharacter: 'entryControlCharacter',
  backslash: 'entryBackslash',
  absolute: 'entryAbsolute',
  driveLetter: 'entryDriveLetter',
  colon: 'entryColon',
  parentSegment: 'entryParentSegment',
  dotSegment: 'entryDotSegment',
  reservedCharacter: 'entryReservedCharacter',
  deviceName: 'entryDeviceName',
  trailingDotOrSpace: 'entryTrailingDotOrSpace',
  nameTooLong: 'entryNameTooLong',
};

/** Refuses a path that may not become a file, with the rule's own message key. */
export function assertSafePath(path: string, maxPathLength: number): void {
  const violation = checkEntryPath(path, maxPathLength);
  if (violation) throw refused(PATH_REASONS[violation.rule], { path: printable(path), detail: violation.detail ?? '' });
}

/** Control characters in a refused name are shown escaped, so the message itself stays harmless. */
export function printable(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeName(entry: Entry): string {
  const raw = entry.fileNameRaw;
  const declaredUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  if (!declaredUtf8 && raw.some((byte) => byte >= 0x80)) throw refused('entryNameEncoding');
  try {
    return utf8.decode(raw);
  } catch {
    throw refused('entryNameEncoding');
  }
}

function judgeEntry(entry: Entry, name: string): void {
  const type = unixFileType(entry);
  if (type === S_IFLNK) throw refused('symlinkEntry', { path: printable(name) });
  if ((type !== 0 && type !== S_IFREG) || (entry.externalFileAttributes & 0x10) !== 0) throw refused('notRegularFile', { path: printable(name) });
  if (entry.isEncrypted()) throw refused('encryptedEntry', { path: printable(name) });
  if (entry.compressionMethod !== METHOD_STORED && entry.compressionMethod !== METHOD_DEFLATED) {
    throw refused('unsupportedCompression', { path: printable(name), method: entry.compressionMethod });
  }
}

export async function takeInventory(source: ZipSource, limits: PackageLimits): Promise<Inventory> {
  const end = await readZipEnd(source.read, source.fileSize);
  if (end.entryCount !== source.entryCount) throw new LayoutError('entry count differs between readers');
  if (end.entryCount > limits.maxEntries) throw refused('tooManyEntries', { count: end.entryCount, limit: limits.maxEntries });

  const inventory: Inventory = { payload: new Map() };
  const seen = new Set<string>();
  let centralCursor = end.centralOffset;
  let localCursor = 0;
  let declaredTotal = 0;

  for (let entry = await source.nextEntry(); entry; entry = await source.nextEntry()) {
    const name = decodeName(entry);
    assertSafePath(name, limits.maxPathLength);
    judgeEntry(entry, name);
    const key = collisionKey(name);
    if (seen.has(key)) throw refused('duplicateEntry', { path: name });
    seen.add(key);

    const item = { name, entry };
    if (name === MANIFEST_ENTRY) inventory.manifest = item;
    else if (name === SIGNATURE_ENTRY) inventory.signature = item;
    else if (name.startsWith(PAYLOAD_PREFIX)) inventory.payload.set(name.slice(PAYLOAD_PREFIX.length), item);
    else throw refused('unexpectedEntry', { path: name });

    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) throw refused('tooLarge', { limit: limits.maxTotalBytes });
    if (
      entry.compressionMethod === METHOD_DEFLATED &&
      entry.uncompressedSize > limits.ratioThresholdBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxCompressionRatio
    ) {
      throw refused('compressionRatio', { path: name, limit: limits.maxCompressionRatio });
    }

    if (centralCursor + 46 > end.centralOffset + end.centralSize) throw new LayoutError('central directory overrun');
    centralCursor += checkCentralRecord(await source.read(centralCursor, 46), entry);
    const span = checkLocalHeader(await source.localHeader(entry), entry, localCursor);
    if (span.descriptorLength > 0) checkDataDescriptor(await source.read(span.dataEnd, span.descriptorLength), entry);
    localCursor = span.end;
  }
  if (centralCursor !== end.centralOffset + end.centralSize) throw new LayoutError('central directory size');
  if (localCursor !== end.centralOffset) throw new LayoutError('data between entries and central directory');
  return inventory;
}
