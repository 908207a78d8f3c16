import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNEL_NAMES, contract } from '../../../shared/api/contract';
import { office, openTestCore, tempDir } from '../../helpers/workspace';
import { createCycles, snapshot } from '../reliability/helpers';
import { ALWAYS_INVALID, hostileInputFor } from './hostile-inputs';
import { countHandlerCalls, DefectTally, expectDefectNamed, expectValidationRefusal } from './instruments';

/** Hostile inputs per channel through the real dispatch; 94 channels × this is the whole run. */
const RUNS_PER_CHANNEL = 300;

const temp = tempDir('award-desk-hostile-');
const core = openTestCore(temp.dir);
const counter = countHandlerCalls(core);
const auditRows = () => (core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const tally = new DefectTally();

afterAll(() => {
  core.close();
  temp.dispose();
});

describe('hostile input through the real dispatch on a real workspace', () => {
  it('the instruments see a call that does reach the core (so they could fail)', async () => {
    await createCycles(core, '第', 2);
    expect(counter.calls.get('cycles.create')).toBe(2);
    expect(auditRows()).toBeGreaterThan(0);
  });

  it(`every channel refuses ${RUNS_PER_CHANNEL} generated invalid inputs with a validation error; none reaches the core`, async () => {
    const before = { files: snapshot(temp.dir), audit: auditRows(), calls: counter.total() };
    for (const channel of CHANNEL_NAMES) {
      await fc.assert(
        fc.asyncProperty(hostileInputFor(channel), async (input) => {
          const label = `${channel} ${input.kind} at ${input.path || '(input)'}`;
          tally.add(channel, input.kind);
          // The defect must really make the input invalid by the channel's own schema…
          if (ALWAYS_INVALID.has(input.kind)) expect(contract[channel].input.safeParse(input.value).success, label).toBe(false);
          // …and the gate must say so without calling the core.
          const envelope = await core.dispatch(channel, input.value, office);
          expectValidationRefusal(envelope, label);
          expectDefectNamed(envelope, input, label);
          expect(counter.total(), label).toBe(before.calls);
        }),
        { numRuns: RUNS_PER_CHANNEL },
      );
    }
    expect(counter.total()).toBe(before.calls);
    expect(auditRows()).toBe(before.audit);
    // Byte for byte: the database, its WAL, the backups folder and the recent-workspaces list.
    expect(snapshot(temp.dir)).toEqual(before.files);
    // The core is still alive and answers.
    expect(await core.dispatch('cycles.list', {}, office)).toMatchObject({ ok: true });
    console.log(`dispatch fuzz: ${tally.summary()}`);
    expect(tally.byChannel.size).toBe(CHANNEL_NAMES.length);
    for (const kind of ['notAnObject', 'wrongType', 'missingField', 'unknownKey', 'hugeString', 'controlChars', 'outOfRange', 'badEnum', 'badPattern', 'tooManyItems'] as const) {
      expect(tally.byKind.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 600_000);
});
