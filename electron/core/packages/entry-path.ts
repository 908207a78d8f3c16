/**
 * Which entry names may become files on the receiving machine. The rules are those of the strictest
 * file system we run on (Windows/NTFS) applied everywhere, because a package made on one machine is
 * opened on another: a name that is harmless on Linux can address a device or an alternate data
 * stream on Windows, or collide with another entry on a case-insensitive disk.
 */

export type EntryPathRule =
  | 'emptySegment'
  | 'controlCharacter'
  | 'backslash'
  | 'absolute'
  | 'driveLetter'
  | 'colon'
  | 'parentSegment'
  | 'dotSegment'
  | 'reservedCharacter'
  | 'deviceName'
  | 'trailingDotOrSpace'
  | 'nameTooLong';

export interface EntryPathViolation {
  rule: EntryPathRule;
  /** The offending segment or character, for the message. */
  detail?: string;
}

/** Longest segment in UTF-8 bytes (ext4 and most others allow 255). */
export const MAX_SEGMENT_BYTES = 255;
export const DEFAULT_MAX_PATH_LENGTH = 512;

// C0, DEL, C1, and the invisible bidi/format characters that make a name display as something else.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const RESERVED = /[<>"|?*]/u;
// Windows resolves these to devices in any folder and with any extension (nul.txt, COM¹.log).
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/iu;

export function checkEntryPath(path: string, maxPathLength = DEFAULT_MAX_PATH_LENGTH): EntryPathViolation | null {
  if (path.length === 0) return { rule: 'emptySegment' };
  const control = CONTROL.exec(path);
  if (control) return { rule: 'controlCharacter', detail: `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
  if (path.includes('\\')) return { rule: 'backslash' };
  if (path.startsWith('/')) return { rule: 'absolute' };
  if (/^[A-Za-z]:/u.test(path)) return { rule: 'driveLetter' };
  if (path.includes(':')) return { rule: 'colon' };
  if (path.length > maxPathLength) return { rule: 'nameTooLong', detail: String(maxPathLength) };
  for (const segment of path.split('/')) {
    if (segment === '') return { rule: 'emptySegment' };
    if (segment === '..') return { rule: 'parentSegment' };
    if (segment === '.') return { rule: 'dotSegment' };
    const reserved = RESERVED.exec(segment);
    if (reserved) return { rule: 'reservedCharacter', detail: reserved[0] };
    const base = segment.split('.')[0]!.trimEnd();
    // The detail is the device itself (NUL), which is what the refusal message names.
    if (DEVICE.test(base)) return { rule: 'deviceName', detail: base.toUpperCase() };
    if (segment.endsWith('.') || segment.endsWith(' ')) return { rule: 'trailingDotOrSpace', detail: segment };
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return { rule: 'nameTooLong', detail: String(MAX_SEGMENT_BYTES) };
  }
  return null;
}

/**
 * Two names that would land on the same file on a case-insensitive or normalising file system
 * (NTFS, APFS) get the same key.
 */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Finds a path that is also used as a folder of another path (`a` and `a/b`), which cannot both
 * be extracted. Paths must already be unique by collisionKey.
 */
export function findFolderConflict(paths: readonly string[]): { path: string; other: string } | null {
  const files = new Map<string, string>();
  for (const path of paths) files.set(collisionKey(path), path);
  for (const path of paths) {
    const segments = collisionKey(path).split('/');
    for (let i = 1; i < segments.length; i++) {
      const folder = files.get(segments.slice(0, i).join('/'));
      if (folder !== undefined) return { path, other: folder };
    }
  }
  return null;
}
