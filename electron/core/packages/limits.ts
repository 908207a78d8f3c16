import { DEFAULT_MAX_PATH_LENGTH } from './entry-path';

/**
 * Bounds on what opening one package may cost. The reader counts real bytes while streaming and
 * stops as soon as a bound is passed; declared sizes in the zip headers are only used to refuse early.
 */
export interface PackageLimits {
  /** Entries in the zip, including manifest.json and manifest.sig. */
  maxEntries: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed bytes of one deflated entry… */
  maxCompressionRatio: number;
  /** …checked once that entry has produced more than this many bytes (small files compress well legitimately). */
  ratioThresholdBytes: number;
  /** manifest.json is read into memory, so it has its own bound. */
  maxManifestBytes: number;
  /** Characters in one entry path. */
  maxPathLength: number;
}

export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxCompressionRatio: 100,
  ratioThresholdBytes: 1024 ** 2,
  maxManifestBytes: 8 * 1024 ** 2,
  maxPathLength: DEFAULT_MAX_PATH_LENGTH,
});

export function resolveLimits(overrides: Partial<PackageLimits> | undefined): PackageLimits {
  const limits = { ...DEFAULT_PACKAGE_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`package limit ${name} must be a positive integer`);
  }
  return limits;
}
