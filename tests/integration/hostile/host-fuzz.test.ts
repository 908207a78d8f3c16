import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startHost, type Host } from '../../../electron/host/server';
import { CHANNEL_NAMES, contract, type ChannelName, type Envelope } from '../../../shared/api/contract';
import { openTestCore, tempDir } from '../../helpers/workspace';
import { createCycles, snapshot } from '../reliability/helpers';
import { hostileInputFor, type HostileInput } from './hostile-inputs';
import { countHandlerCalls, DefectTally, expectValidationRefusal } from './instruments';

/** Fewer than through dispatch directly: each one is a real HTTP request, some of them megabytes long. */
const HTTP_RUNS_PER_CHANNEL = 25;

const temp = tempDir('award-desk-hostile-http-');
const workspaceDir = join(temp.dir, 'workspace');
const core = (() => {
  mkdirSync(workspaceDir);
  return openTestCore(workspaceDir);
})();
const counter = countHandlerCalls(core);
let host: Host;

beforeAll(async () => {
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  host = await startHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
  temp.dispose();
});

function post(channel: string, body: string): Promise<{ status: number; body: string }> {
  const port = Number(new URL(host.url).port);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, agent: false, path: `/rpc/${channel}`, method: 'POST', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What survives the trip as JSON (NaN becomes null, undefined disappears) and is still invalid. */
function overJson(channel: ChannelName): fc.Arbitrary<HostileInput & { body: string }> {
  return hostileInputFor(channel)
    .map((input) => {
      const body = JSON.stringify(input.value) ?? '';
      return { ...input, body, value: body === '' ? undefined : (JSON.parse(body) as unknown) };
    })
    .filter((input) => input.body !== '' && input.value !== null && !contract[channel].input.safeParse(input.value).success);
}

describe('hostile input through the real browser host over HTTP', () => {
  it(`every channel answers ${HTTP_RUNS_PER_CHANNEL} generated invalid JSON bodies with 400 and a validation error; none reaches the core`, async () => {
    await createCycles(core, '第', 1);
    const before = { files: snapshot(workspaceDir), calls: counter.total() };
    const tally = new DefectTally();
    for (const channel of CHANNEL_NAMES) {
      await fc.assert(
        fc.asyncProperty(overJson(channel), async (input) => {
          const label = `${channel} ${input.kind} at ${input.path || '(input)'}`;
          tally.add(channel, input.kind);
          const reply = await post(channel, input.body);
          expect(reply.status, label).toBe(400);
          expectValidationRefusal(JSON.parse(reply.body) as Envelope, label);
          expect(counter.total(), label).toBe(before.calls);
        }),
        { numRuns: HTTP_RUNS_PER_CHANNEL },
      );
    }
    expect(snapshot(workspaceDir)).toEqual(before.files);
    // Still serving, and a valid call still goes through.
    const list = await post('cycles.list', '{}');
    expect(list.status).toBe(200);
    expect(counter.total()).toBe(before.calls + 1);
    console.log(`host fuzz: ${tally.summary()}`);
  }, 600_000);

  it('survives bodies that are not JSON objects at all, and channel names that are not channels', async () => {
    const before = counter.total();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), fc.string({ unit: 'binary', maxLength: 200 }), async (channel, body) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body || '{}');
        } catch {
          parsed = Symbol('not json');
        }
        // Only bodies that parse to a valid input may pass; everything else is a 400.
        const valid = typeof parsed !== 'symbol' && contract[channel].input.safeParse(parsed ?? {}).success;
        fc.pre(!valid);
        const reply = await post(channel, body);
        expect(reply.status, `${channel} ${JSON.stringify(body)}`).toBe(400);
      }),
      { numRuns: 300 },
    );
    for (const name of ['nope', '__proto__', 'constructor', 'cycles.create%00', '..%2f..%2fetc%2fpasswd', 'cycles.create.', '%E4%B8%AD']) {
      const reply = await post(name, '{}');
      expect(reply.status, name).toBe(404);
    }
    expect(counter.total()).toBe(before);
    expect((await post('cycles.list', '{}')).status).toBe(200);
  }, 120_000);
});
