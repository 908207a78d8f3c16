/**
 * Property: no malformed or malicious archive gets through, none crashes the reader, and none leaves
 * anything behind. Each run builds one archive in memory (yazl, then raw patches) from a random
 * recipe — hostile names, symlinks, zip bombs, manifest mismatches, random corruption, garbage —
 * opens it, and checks that
 *  - the result is an AppError 'refused' (random byte mutations may, in theory, only be accepted
 *    if every staged file is byte-identical to the original),
 *  - the sandbox tree (workspace, staging and everything around them) is unchanged afterwards.
 */
import fc from 'fast-check';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { openPackage } from '../../../electron/core/packages/reader';
import type { PackageLimits } from '../../../electron/core/packages/limits';
import {
  buildZip,
  CYCLE,
  ENTERPRISE_WS,
  entryOffsets,
  listTree,
  packageEntries,
  party,
  type ManifestDraft,
  type Party,
  type RawEntry,
  sandbox,
  type Sandbox,
} from './helpers';

const RUNS = 2000;
let sb: Sandbox;
let enterprise: Party;
let stranger: Party;
let before: string[];
let archives = 0;
const seen = new Map<string, number>();

beforeAll(async () => {
  sb = await sandbox();
  enterprise = party(ENTERPRISE_WS);
  stranger = party(ENTERPRISE_WS);
  await writeFile(join(sb.inbox, 'package.qadpkg'), '');
  before = await listTree(sb.root);
});
afterAll(async () => sb.dispose());

// ——— Recipes ———

const HOSTILE = ['..', '.', '', 'C:', 'c:', 'z:x', ':', 'a:b', '\\', 'a\\b', '..\\..', 'CON', 'con', 'nul.txt', 'NUL', 'Com1', 'com9.log', 'LPT1', 'lpt9.tar.gz', 'AUX', 'PRN', 'aux .txt', 'a\u0000b', '\u0007', '\u001b', '\u007f', '\u0085', '\u202e', '\ufeff', 'a?', '*', '<x>', '"', 'a|b', 'dot.', 'space ', '..'];
const BENIGN = ['a', 'b', 'docs', '报告', '附件 1', 'x.pdf', 'é', 'data.json', '.hidden', 'a..b'];

const payloadArb = fc
  .array(fc.uint8Array({ maxLength: 160 }), { minLength: 1, maxLength: 4 })
  .map((contents) => contents.map((data, i) => ({ path: i === 0 ? '报告/第1章.txt' : `doc${i}.bin`, data: Buffer.from(data) })));

const hostileNameArb = fc.record({
  before: fc.array(fc.constantFrom(...BENIGN), { maxLength: 3 }),
  hostile: fc.constantFrom(...HOSTILE),
  after: fc.array(fc.constantFrom(...BENIGN), { maxLength: 3 }),
  prefix: fc.constantFrom('files/', 'files/', 'files/', '', '/'),
  listed: fc.boolean(),
});

type Mismatch =
  | 'hash' | 'size' | 'unlisted' | 'missing' | 'duplicate' | 'caseDuplicate' | 'noManifest' | 'noSignature' | 'strangerSigned'
  | 'foreignSignature' | 'notJson' | 'wrongKind' | 'wrongCycle' | 'replay' | 'keyIdMismatch' | 'version' | 'extraKey' | 'conflict';
const MISMATCHES: Mismatch[] = ['hash', 'size', 'unlisted', 'missing', 'duplicate', 'caseDuplicate', 'noManifest', 'noSignature', 'strangerSigned', 'foreignSignature', 'notJson', 'wrongKind', 'wrongCycle', 'replay', 'keyIdMismatch', 'version', 'extraKey', 'conflict'];

const mutationArb = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('overwrite' as const), writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

const recipeArb = fc.oneof(
  fc.record({ kind: fc.constant('hostileName' as const), payload: payloadArb, name: hostileNameArb, position: fc.nat() }),
  fc.record({ kind: fc.constant('symlink' as const), payload: payloadArb, target: fc.constantFrom('../../../etc/passwd', '/etc/shadow', 'C:\\Windows', '..'), perm: fc.constantFrom(0o777, 0o755, 0o644) }),
  fc.record({
    kind: fc.constant('bomb' as const),
    payload: payloadArb,
    size: fc.integer({ min: 70_000, max: 600_000 }),
    byte: fc.integer({ min: 0, max: 255 }),
    understate: fc.boolean(),
    maxRatio: fc.integer({ min: 10, max: 100 }),
  }),
  fc.record({ kind: fc.constant('mismatch' as const), payload: payloadArb, variant: fc.constantFrom(...MISMATCHES) }),
  fc.record({ kind: fc.constant('mutation' as const), payload: payloadArb, mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('garbage' as const), bytes: fc.uint8Array({ maxLength: 4096 }), zipHeader: fc.boolean() }),
);
type Recipe = typeof recipeArb extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  bytes: Buffer;
  limits?: Partial<PackageLimits>;
  expect?: { kind: 'submission' | 'scores'; cycleId?: string; minSequence: number };
  /** Only set where acceptance with identical content is the property (random mutations). */
  original?: { path: string; data: Buffer }[];
}

const asEntries = (payload: { path: string; data: Buffer }[]): RawEntry[] => payload.map((f) => ({ name: `files/${f.path}`, data: f.data }));
const signed = (draft: Partial<ManifestDraft> & Pick<ManifestDraft, 'files'>) => packageEntries({ signer: enterprise, ...draft }).slice(-2);

async function build(recipe: Recipe): Promise<Built> {
  switch (recipe.kind) {
    case 'hostileName': {
      const { before, hostile, after, prefix, listed } = recipe.name;
      let name = prefix + [...before, hostile, ...after].join('/');
      if (name === '') name = 'files/';
      const entry = { name, data: Buffer.from('hostile') };
      const listing = [...recipe.payload, ...(listed ? [{ path: name.replace(/^files\//u, ''), data: entry.data }] : [])];
      const payload = asEntries(recipe.payload);
      payload.splice(recipe.position % (payload.length + 1), 0, entry);
      return { bytes: await buildZip([...payload, ...signed({ files: listing })]) };
    }
    case 'symlink': {
      const link = { path: 'shortcut', data: Buffer.from(recipe.target) };
      const files = [...recipe.payload, link];
      const entries = asEntries(files).map((e) => (e.name === 'files/shortcut' ? { ...e, mode: 0o120000 | recipe.perm } : e));
      return { bytes: await buildZip([...entries, ...signed({ files })]) };
    }
    case 'bomb': {
      const real = Buffer.alloc(recipe.size, recipe.byte);
      const claimed = recipe.understate ? real.subarray(0, 1000) : real;
      const files = [...recipe.payload, { path: 'bomb.bin', data: claimed }];
      const entries = asEntries(files).map((e) => (e.name === 'files/bomb.bin' ? { ...e, data: real, compress: true } : e));
      const bytes = await buildZip([...entries, ...signed({ files })]);
      if (recipe.understate) {
        const offsets = entryOffsets(bytes)[recipe.payload.length]!;
        bytes.writeUInt32LE(1000, offsets.central + 24);
        bytes.writeUInt32LE(1000, offsets.local + 22);
      }
      return { bytes, limits: { maxCompressionRatio: recipe.maxRatio, ratioThresholdBytes: 4096, maxTotalBytes: 400_000 } };
    }
    case 'mismatch':
      return buildMismatch(recipe.variant, recipe.payload);
    case 'mutation': {
      let bytes = await buildZip([...asEntries(recipe.payload), ...signed({ files: recipe.payload })]);
      for (const m of recipe.mutations) bytes = mutate(bytes, m);
      return { bytes, original: recipe.payload };
    }
    case 'garbage': {
      const bytes = Buffer.from(recipe.bytes);
      if (recipe.zipHeader && bytes.length >= 4) bytes.writeUInt32LE(0x04034b50, 0);
      if (recipe.zipHeader && bytes.length >= 26) bytes.writeUInt32LE(0x06054b50, bytes.length - 22);
      return { bytes };
    }
  }
}

type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;
function mutate(bytes: Buffer, m: Mutation): Buffer {
  switch (m.op) {
    case 'truncate':
      return bytes.subarray(0, m.at % bytes.length);
    case 'overwrite': {
      const copy = Buffer.from(bytes);
      for (const [at, xor] of m.writes) if (copy.length > 0) copy[at % copy.length]! ^= xor;
      return copy;
    }
    case 'insert': {
      const at = m.at % (bytes.length + 1);
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    }
    case 'delete': {
      const at = m.at % Math.max(1, bytes.length);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    }
  }
}

async function buildMismatch(variant: Mismatch, payload: { path: string; data: Buffer }[]): Promise<Built> {
  const entries = asEntries(payload);
  const zip = (list: RawEntry[]) => buildZip(list);
  const first = payload[0]!;
  switch (variant) {
    case 'hash': {
      // Same size, one bit different (an empty file becomes one byte longer instead).
      const data = first.data.length > 0 ? Buffer.from(first.data) : Buffer.from([0]);
      data[0]! ^= first.data.length > 0 ? 1 : 0;
      return { bytes: await zip([...asEntries([{ ...first, data }, ...payload.slice(1)]), ...signed({ files: payload })]) };
    }
    case 'size':
      return { bytes: await zip([...entries, ...signed({ files: [{ ...first, data: Buffer.concat([first.data, Buffer.from('+')]) }, ...payload.slice(1)] })]) };
    case 'unlisted':
      return { bytes: await zip([...entries, { name: 'files/unlisted.exe', data: Buffer.from('MZ') }, ...signed({ files: payload })]) };
    case 'missing':
      return { bytes: await zip([...entries.slice(1), ...signed({ files: payload })]) };
    case 'duplicate':
      return { bytes: await zip([...entries, entries[0]!, ...signed({ files: payload })]) };
    case 'caseDuplicate':
      return { bytes: await zip([...entries, { name: 'files/报告/第1章.TXT', data: first.data }, ...signed({ files: payload })]) };
    case 'noManifest':
      return { bytes: await zip([...entries, signed({ files: payload })[1]!]) };
    case 'noSignature':
      return { bytes: await zip([...entries, signed({ files: payload })[0]!]) };
    case 'strangerSigned':
      return { bytes: await zip([...entries, ...signed({ files: payload, signer: stranger })]) };
    case 'foreignSignature': {
      const [manifest] = signed({ files: payload });
      const [, signature] = signed({ files: payload, signer: { ...stranger, keys: { ...stranger.keys, keyId: enterprise.keys.keyId, publicKeyRaw: enterprise.keys.publicKeyRaw } } });
      return { bytes: await zip([...entries, manifest!, signature!]) };
    }
    case 'notJson': {
      const [, signature] = signed({ files: payload });
      return { bytes: await zip([...entries, { name: 'manifest.json', data: Buffer.from('{"formatVersion":1') }, signature!]) };
    }
    case 'wrongKind':
      return { bytes: await zip([...entries, ...signed({ files: payload })]), expect: { kind: 'scores', minSequence: 1 } };
    case 'wrongCycle':
      return { bytes: await zip([...entries, ...signed({ files: payload })]), expect: { kind: 'submission', cycleId: 'cycle-1999', minSequence: 1 } };
    case 'replay':
      return { bytes: await zip([...entries, ...signed({ files: payload, sequence: 4 })]), expect: { kind: 'submission', minSequence: 5 } };
    case 'keyIdMismatch':
      return { bytes: await zip([...entries, ...signed({ files: payload, patch: (m) => (m.senderKeyId = stranger.keys.keyId) })]) };
    case 'version':
      return { bytes: await zip([...entries, ...signed({ files: payload, patch: (m) => (m.formatVersion = 2) })]) };
    case 'extraKey':
      return { bytes: await zip([...entries, ...signed({ files: payload, patch: (m) => (m.comment = 'unsigned by format') })]) };
    case 'conflict': {
      const clash = [{ path: 'docs', data: Buffer.from('1') }, { path: 'docs/inner.txt', data: Buffer.from('2') }];
      return { bytes: await zip([...entries, ...asEntries(clash), ...signed({ files: [...payload, ...clash] })]) };
    }
  }
}

it(`refuses ${RUNS} generated malformed or malicious archives without crashing or leaving files`, async () => {
  const file = join(sb.inbox, 'package.qadpkg');
  await fc.assert(
    fc.asyncProperty(recipeArb, async (recipe) => {
      const built = await build(recipe);
      archives++;
      await writeFile(file, built.bytes);
      let result: 'refused' | 'accepted';
      try {
        const opened = await openPackage(file, {
          stagingDir: sb.staging,
          trust: [enterprise.trusted],
          expect: built.expect ?? { kind: 'submission', cycleId: CYCLE, minSequence: 1 },
          ...(built.limits ? { limits: built.limits } : {}),
        });
        const identical =
          built.original !== undefined &&
          opened.files.length === built.original.length &&
          (await Promise.all(opened.files.map(async (f, i) => f.path === built.original![i]!.path && (await readFile(f.stagedPath)).equals(built.original![i]!.data)))).every(Boolean);
        await opened.dispose();
        if (!identical) throw new Error(`accepted a ${recipe.kind} archive with different content`);
        result = 'accepted';
      } catch (error) {
        if (!(error instanceof AppError) || error.payload.code !== 'refused') throw error;
        seen.set(error.payload.key, (seen.get(error.payload.key) ?? 0) + 1);
        result = 'refused';
      }
      expect(await listTree(sb.root)).toEqual(before);
      return result === 'refused' || built.original !== undefined;
    }),
    { numRuns: RUNS },
  );
  expect(archives).toBeGreaterThanOrEqual(1000);
  // The generator reaches deep checks, not only the zip parser.
  for (const key of ['entryParentSegment', 'entryDeviceName', 'symlinkEntry', 'compressionRatio', 'hashMismatch', 'badSignature', 'untrustedKey', 'replay', 'corruptArchive']) {
    expect(seen.get(`packages.refused.${key}`) ?? 0, key).toBeGreaterThan(0);
  }
});
