import { AppError, type Message } from '../../../shared/api/errors';

/** Every reason a package is refused has its own message key under `packages.refused`. */
export const REFUSAL_REASONS = [
  'unreadable',
  'corruptArchive',
  'tooManyEntries',
  'tooLarge',
  'compressionRatio',
  'entryEmptySegment',
  'entryControlCharacter',
  'entryBackslash',
  'entryAbsolute',
  'entryDriveLetter',
  'entryColon',
  'entryParentSegment',
  'entryDotSegment',
  'entryReservedCharacter',
  'entryDeviceName',
  'entryTrailingDotOrSpace',
  'entryNameTooLong',
  'entryNameEncoding',
  'symlinkEntry',
  'notRegularFile',
  'encryptedEntry',
  'unsupportedCompression',
  'duplicateEntry',
  'pathConflict',
  'unexpectedEntry',
  'missingEntry',
  'sizeMismatch',
  'hashMismatch',
  'manifestMissing',
  'manifestTooLarge',
  'manifestInvalid',
  'unsupportedVersion',
  'signatureMissing',
  'badSignature',
  'untrustedKey',
  'keyIdMismatch',
  'keySenderMismatch',
  'keyKindNotAllowed',
  'wrongKind',
  'wrongCycle',
  'wrongSender',
  'replay',
  'enrolmentUnknown',
  'enrolmentInvalid',
  'enrolmentKeyConflict',
  'stagingFailed',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function refused(reason: RefusalReason, params?: Message['params']): AppError {
  return new AppError('refused', `packages.refused.${reason}`, params);
}

export function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.payload.code === 'refused';
}

/** Lower-level errors (yauzl, zlib, fs) carry English text; it goes to the logs as a param only. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
