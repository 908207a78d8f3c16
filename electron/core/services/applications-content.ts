import { extname } from 'node:path';
import { AppError } from '../../../shared/api/errors';

/**
 * Evidence is checked by what it is, not only by its name: a program renamed to 报告.pdf would
 * otherwise be stored and later handed to the system viewer (or to an expert's machine inside a
 * package) under an innocent name. Each accepted extension has the signature its format must start
 * with; executable signatures are refused whatever the extension says.
 */
/** Every signature below lies within this many leading bytes: a file's head is enough to check it. */
export const ATTACHMENT_SIGNATURE_BYTES = 1024;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]];

const SIGNATURES: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  // The PDF header may follow a little junk (ISO 32000-1 tolerates it within the first 1024 bytes).
  '.pdf': (bytes) => bytes.subarray(0, ATTACHMENT_SIGNATURE_BYTES).includes('%PDF-'),
  '.png': (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  '.jpg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  '.jpeg': (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  '.gif': (bytes) => ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a'),
  '.webp': (bytes) => ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP'),
  '.doc': (bytes) => startsWith(bytes, OLE2),
  '.xls': (bytes) => startsWith(bytes, OLE2),
  '.ppt': (bytes) => startsWith(bytes, OLE2),
  '.docx': (bytes) => ZIP.some((signature) => startsWith(bytes, signature)),
  '.xlsx': (bytes) => ZIP.some((signature) => startsWith(bytes, signature)),
  '.pptx': (bytes) => ZIP.some((signature) => startsWith(bytes, signature)),
  '.odt': (bytes) => ZIP.some((signature) => startsWith(bytes, signature)),
  '.ods': (bytes) => ZIP.some((signature) => startsWith(bytes, signature)),
  // Plain text has no signature; it only has to be free of the executable ones below.
  '.txt': () => true,
};

/** Windows PE, ELF, Mach-O (both byte orders, 32/64 bit, fat) and scripts with an interpreter line. */
const EXECUTABLE: readonly number[][] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Buffer, offset: number, text: string): boolean {
  return bytes.length >= offset + text.length && bytes.toString('latin1', offset, offset + text.length) === text;
}

/** Refuses an empty file, an executable under any name, and content that is not what its extension says. */
export function checkAttachmentContent(fileName: string, bytes: Buffer): void {
  if (bytes.length === 0) throw new AppError('validation', 'applicants.attachment.empty', { fileName });
  if (EXECUTABLE.some((signature) => startsWith(bytes, signature))) throw new AppError('refused', 'applicants.attachment.executable', { fileName });
  const extension = extname(fileName).toLowerCase();
  const matches = SIGNATURES[extension];
  if (matches && !matches(bytes)) {
    throw new AppError('validation', 'applicants.attachment.contentMismatch', { fileName, type: extension.slice(1).toUpperCase() });
  }
}
