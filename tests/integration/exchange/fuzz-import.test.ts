/**
 * Property: no broken or hostile package changes an office workspace, even partly. The package layer
 * has its own fuzz run (tests/integration/packages/fuzz.test.ts); this one goes through the whole
 * import as the app does it (upload → exchange.import → one transaction) against a real office
 * database, with two sources of packages:
 *  - the real submission of an enterprise workspace with random bytes changed or cut off;
 *  - packages correctly signed by a stranger's own key (which a first submission is trusted with)
 *    whose application.json lies: unknown or repeated items, off-step percents, attachments whose
 *    bodies differ, are missing or are not listed, headers that disagree, broken schemas.
 * After each one the database (every row of every table) and every file of the workspace folder
 * must be exactly as before, and the refusal must be an ordinary 'refused' with a translated key.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { createWorkspaceKeyPair, openPackage, trustCarriedKey, writePackage } from '../../../electron/core/packages';
import type { Download } from '../../../shared/api/exchange';
import { createTranslator } from '../../../electron/core/i18n';
import { tempDir } from '../../helpers/workspace';
import { carry, completeApplication, dump, importFile, makeEnterprise, makeOffice, office, ok } from './helpers';

const RUNS = 1000;
const temp = tempDir('qad-exchange-fuzz-');
const usb = join(temp.dir, 'usb');
let officeCore: Core;
let officeDir: string;
let original: Buffer;
let application: Record<string, unknown> & { record: Record<string, unknown>; items: Record<string, unknown>[]; attachments: Record<string, unknown>[] };
const bodies = new Map<string, Buffer>();
const stranger = createWorkspaceKeyPair();
const STRANGER_WS = '00000000-0000-4000-8000-0000000f0220';
let sequence = 0;
let beforeRows: Record<string, unknown[]>;
let beforeFiles: string[];
const seen = new Map<string, number>();
const t = createTranslator('en');

/** Every file under the office machine's folder with its size: a blob or a staged file left behind shows here. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (!/-(wal|shm|journal)$/.test(name)) out.push(`${relative(dir, path)} ${stat.size}`);
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  const enterprise = await makeEnterprise(join(temp.dir, 'enterprise'), 0);
  await completeApplication(enterprise, 0);
  const download = await ok<Download>(enterprise.core.dispatch('exchange.exportSubmission', { applicantId: enterprise.applicantId }, office));
  const file = carry(enterprise.core, download, usb, 'submission.qadpkg');
  enterprise.core.close();
  original = readFileSync(file);

  // The real payload, read back through the package layer, is the template the lies are made from.
  const opened = await openPackage(file, { stagingDir: join(temp.dir, 'template-staging'), trust: trustCarriedKey({ kinds: ['submission'] }), expect: { kind: 'submission', minSequence: 1 } });
  for (const staged of opened.files) bodies.set(staged.path, readFileSync(staged.stagedPath));
  await opened.dispose();
  application = JSON.parse(bodies.get('application.json')!.toString('utf8')) as typeof application;
  expect(application.attachments.length).toBeGreaterThan(0);

  officeDir = join(temp.dir, 'office');
  officeCore = (await makeOffice(officeDir)).core;
  beforeRows = dump(officeCore.db);
  beforeFiles = tree(officeDir);
}, 120_000);
afterAll(() => {
  officeCore.close();
  temp.dispose();
});

type Lie =
  | { kind: 'unknownItem' | 'duplicateItem' | 'percentStep' | 'missingItem' | 'blankNarrative' | 'bodyMismatch' | 'bodyMissing' | 'unlisted' | 'headerMismatch' | 'attachmentItem' | 'attachmentTooLarge' | 'executableBody' | 'badCreditCode' | 'notJson'; at: number }
  | { kind: 'dropKey' | 'extraKey'; key: string }
  | { kind: 'wrongType'; key: string; value: unknown };

const TOP_KEYS = ['formatVersion', 'submissionId', 'frameworkId', 'cycle', 'record', 'profile', 'items', 'attachments'];
const lieArb: fc.Arbitrary<Lie> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('unknownItem', 'duplicateItem', 'percentStep', 'missingItem', 'blankNarrative', 'bodyMismatch', 'bodyMissing', 'unlisted', 'headerMismatch', 'attachmentItem', 'attachmentTooLarge', 'executableBody', 'badCreditCode', 'notJson'),
    at: fc.nat(),
  }) as fc.Arbitrary<Lie>,
  fc.record({ kind: fc.constantFrom('dropKey', 'extraKey'), key: fc.constantFrom(...TOP_KEYS) }) as fc.Arbitrary<Lie>,
  fc
    .record({ kind: fc.constant('wrongType'), key: fc.constantFrom(...TOP_KEYS), value: fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 8 }), fc.constant([]), fc.constant({})) })
    // Another text where text belongs is no lie: the profile is free text, and frameworkId only records what the sender wrote against.
    .filter(({ key, value }) => !(typeof value === 'string' && (key === 'frameworkId' || key === 'profile'))) as fc.Arbitrary<Lie>,
);

/** A package signed by the stranger whose content is the real application with one lie in it. */
async function lyingPackage(lie: Lie, target: string): Promise<void> {
  const payload = structuredClone(application);
  const files = new Map(bodies);
  const header = { applicant: { name: String(payload.record.legalName), creditCode: String(payload.record.creditCode) }, submissionId: String(payload.submissionId) };
  const item = (at: number) => payload.items[at % payload.items.length]!;
  const attachment = (at: number) => payload.attachments[at % payload.attachments.length]!;
  let raw: Buffer | undefined;
  switch (lie.kind) {
    case 'unknownItem':
      item(lie.at).itemId = '9.9.9';
      break;
    case 'duplicateItem':
      payload.items.push({ ...item(lie.at) });
      break;
    case 'missingItem':
      payload.items.splice(lie.at % payload.items.length, 1);
      break;
    case 'blankNarrative':
      item(lie.at).narrative = ' \n ';
      break;
    case 'percentStep':
      item(lie.at).selfPercent = 1 + (lie.at % 4);
      break;
    case 'bodyMismatch':
      attachment(lie.at).sha256 = 'ab'.repeat(32);
      break;
    case 'bodyMissing':
      files.delete(String(attachment(lie.at).path));
      break;
    case 'unlisted':
      files.set('attachments/general/未列出.pdf', Buffer.from('%PDF-1.4 unlisted'));
      break;
    case 'headerMismatch':
      header.applicant.name = `${header.applicant.name}（冒名）`;
      break;
    case 'attachmentItem':
      attachment(lie.at).itemId = '8.8.8';
      break;
    case 'attachmentTooLarge':
      attachment(lie.at).size = 2 ** 40;
      break;
    case 'executableBody': {
      // A program named like evidence, with a manifest and payload that tell the truth about its bytes.
      const body = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(60 + (lie.at % 64))]);
      const target = attachment(lie.at);
      files.set(String(target.path), body);
      target.sha256 = createHash('sha256').update(body).digest('hex');
      target.size = body.length;
      break;
    }
    case 'badCreditCode':
      // The manifest schema already refuses a bad check digit in the header, so only the record carries it.
      payload.record.creditCode = '91350100M000100Y44';
      break;
    case 'notJson':
      raw = Buffer.from(JSON.stringify(payload).slice(0, 40 + (lie.at % 200)));
      break;
    case 'dropKey':
      delete payload[lie.key];
      break;
    case 'extraKey':
      (payload as Record<string, unknown>)[`${lie.key}Extra`] = true;
      break;
    case 'wrongType':
      payload[lie.key] = lie.value;
      break;
  }
  files.set('application.json', raw ?? Buffer.from(JSON.stringify(payload)));
  await writePackage(
    {
      kind: 'submission',
      cycleId: 'enterprise-cycle',
      senderWorkspaceId: STRANGER_WS,
      sequence: ++sequence,
      header,
      files: [...files].map(([path, source]) => ({ path, source })),
      privateKey: stranger.privateKeyPem,
    },
    target,
  );
}

const damageArb = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

it(`refuses ${RUNS} damaged or lying submissions through the whole import, changing no row and no file`, async () => {
  const target = join(usb, 'fuzz.qadpkg');
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(damageArb, lieArb), async (recipe) => {
      runs++;
      if (recipe.kind === 'flip') {
        const bytes = Buffer.from(original);
        // Each position once: the same offset twice would undo the flip and hand in the genuine package.
        for (const at of new Set(recipe.at.map((offset) => offset % bytes.length))) bytes[at]! ^= recipe.xor;
        writeFileSync(target, bytes);
      } else if (recipe.kind === 'cut') {
        writeFileSync(target, original.subarray(0, recipe.at % original.length));
      } else {
        await lyingPackage(recipe, target);
      }
      const envelope = await importFile(officeCore, target);
      if (envelope.ok) throw new Error(`accepted a package: ${JSON.stringify(recipe)}`);
      expect(envelope.error.code, JSON.stringify(envelope.error)).toBe('refused');
      expect(t(envelope.error.key, envelope.error.params)).not.toBe(envelope.error.key);
      seen.set(envelope.error.key, (seen.get(envelope.error.key) ?? 0) + 1);
      expect(dump(officeCore.db)).toEqual(beforeRows);
      expect(tree(officeDir)).toEqual(beforeFiles);
    }),
    { numRuns: RUNS },
  );
  expect(runs).toBeGreaterThanOrEqual(1000);
  // Both sources reach their checks: the package layer for damage, the payload checks for lies.
  for (const key of ['packages.refused.corruptArchive', 'exchange.submission.unknownItem', 'exchange.submission.percentStep', 'exchange.payload.bodyMismatch', 'exchange.payload.unlisted', 'exchange.payload.headerMismatch', 'exchange.payload.invalid', 'exchange.submission.incompleteImport', 'applicants.attachment.executable']) {
    expect(seen.get(key) ?? 0, key).toBeGreaterThan(0);
  }
}, 600_000);

it('imports the same stranger-signed application without a lie (so the lies, not the signer, were refused)', async () => {
  const honest = join(usb, 'honest.qadpkg');
  const files = [...bodies].map(([path, source]) => ({ path, source }));
  await writePackage(
    {
      kind: 'submission',
      cycleId: 'enterprise-cycle',
      senderWorkspaceId: STRANGER_WS,
      sequence: ++sequence,
      header: { applicant: { name: String(application.record.legalName), creditCode: String(application.record.creditCode) }, submissionId: String(application.submissionId) },
      files,
      privateKey: stranger.privateKeyPem,
    },
    honest,
  );
  const summary = await ok<{ outcome: string; version: number }>(importFile(officeCore, honest));
  expect(summary).toMatchObject({ outcome: 'imported', version: 1 });
  expect(dump(officeCore.db)).not.toEqual(beforeRows);
});
