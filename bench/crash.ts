// Crash harness: a child process saves through core.dispatch in a loop and prints one line per save
// the core confirmed; the parent kills it with SIGKILL at random moments, then opens the workspace and
// checks that it is intact (integrity_check, audit hash chain) and that no confirmed save was lost.
// Run: npm run bench -- crash [--kills N] [--op cycles.create] [--seed S]   (default 50 kills, as CI runs;
//      --kills 1000 for the long run)
// Prints figures; exits non-zero on any lost confirmed save or other failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../electron/core';
import { openWorkspace } from '../electron/core/db/workspace';
import { verifyAuditChain } from '../electron/core/db/audit';
import type { Db } from '../electron/core/db/connection';
import { findAppRoot } from '../electron/core/paths';

/** The write under test. Adding score saving later is one more entry here. */
export interface SaveOperation {
  channel: string;
  /** Runs once in each child before the loop (e.g. finds or creates what scores are saved into). */
  setup?(core: Core): Promise<unknown>;
  /** The channel input for the save named `tag`; `prepared` is what setup returned. */
  input(tag: string, prepared: unknown): unknown;
  /** Whether the save named `tag` is in the workspace. */
  present(db: Db, tag: string): boolean;
}

export const operations: Record<string, SaveOperation> = {
  'cycles.create': {
    channel: 'cycles.create',
    input: (tag) => ({ name: tag, year: 2026 }),
    present: (db, tag) => db.prepare('SELECT 1 FROM cycles WHERE name = ?').get(tag) !== undefined,
  },
};

export interface CrashOptions {
  kills: number;
  workspace: string;
  resourcesDir: string;
  /** A bundled script that runs `runChild` when started with `--child` (this file, bundled). */
  childEntry: string;
  operation?: string;
  seed?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Share of kills timed from the child's `ready` line (the first save, loading criteria, the daily backup)
   *  rather than from its first confirmed save (the steady save loop). */
  fromReadyShare?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  killsFromReady: number;
  confirmedSaves: number;
  lostConfirmedSaves: number;
  failures: string[];
  millis: number;
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashReport> {
  const operationName = options.operation ?? 'cycles.create';
  const operation = operations[operationName];
  if (!operation) throw new Error(`unknown operation ${operationName}; known: ${Object.keys(operations).join(', ')}`);
  const random = generator(options.seed ?? Date.now());
  const [minDelay, maxDelay] = [options.minDelayMs ?? 5, options.maxDelayMs ?? 150];
  const started = Date.now();
  const confirmed: string[] = [];
  const failures: string[] = [];
  let lost = 0;
  let killsFromReady = 0;

  // Loading the core takes most of a child's life, so the next child loads while this one runs; it
  // touches the workspace only after `go`, i.e. after the previous one was killed and checked.
  const nextChild = (kill: number) => spawnChild(options, operationName, `k${kill}-${Math.floor(random() * 1e9).toString(36)}`);
  let warm = nextChild(1);
  for (let kill = 1; kill <= options.kills; kill++) {
    const fromReady = random() < (options.fromReadyShare ?? 0.2);
    if (fromReady) killsFromReady += 1;
    const delay = Math.round(minDelay + random() * (maxDelay - minDelay));
    const child = warm;
    if (kill < options.kills) warm = nextChild(kill + 1);
    const run = await child.drive(delay, fromReady);
    confirmed.push(...run.confirmed);
    if (run.failure) failures.push(`kill ${kill}: ${run.failure}`);
    const check = checkWorkspace(options.workspace, confirmed, operation);
    lost = check.lost.length;
    failures.push(...check.problems.map((problem) => `after kill ${kill}: ${problem}`));
    if (check.lost.length > 0) failures.push(`after kill ${kill}: ${check.lost.length} confirmed saves missing, e.g. ${check.lost.slice(0, 3).join(', ')}`);
    options.log?.(`kill ${kill}/${options.kills}: ${run.confirmed.length} confirmed this run, ${confirmed.length} in all`);
    if (failures.length > 0) break;
  }
  if (warm.pending()) await warm.discard();
  return { kills: options.kills, killsFromReady, confirmedSaves: confirmed.length, lostConfirmedSaves: lost, failures, millis: Date.now() - started };
}

interface ChildRun {
  confirmed: string[];
  failure?: string;
}

/** Starts a child that loads everything, then waits for `go` before it opens the workspace. */
function spawnChild(options: CrashOptions, operation: string, runId: string) {
  const args = [options.childEntry, '--child', '--workspace', options.workspace, '--resources', options.resourcesDir, '--op', operation, '--run', runId];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const confirmed: string[] = [];
  let pending = '';
  let stderr = '';
  let killed = false;
  let started = false;
  let onReady: (() => void) | undefined;
  let onSaved: (() => void) | undefined;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // a line cut by the kill is not a confirmation
    for (const line of lines) {
      if (line === 'ready') onReady?.();
      if (line.startsWith('saved ')) {
        confirmed.push(line.slice('saved '.length));
        onSaved?.();
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdin.on('error', () => undefined); // a child that died early closes its stdin
  const closed = new Promise<ChildRun>((resolve) => {
    child.on('close', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve({ confirmed });
      else resolve({ confirmed, failure: `child ended by itself (code ${code}, signal ${signal}): ${stderr.trim().slice(0, 500)}` });
    });
  });
  const kill = () => {
    killed = true;
    child.kill('SIGKILL');
  };
  return {
    pending: () => !started,
    discard: () => {
      kill();
      return closed;
    },
    /** Lets the child open the workspace and save; SIGKILLs it `delay` ms after its first confirmed save (or its opening). */
    async drive(delay: number, fromReady: boolean): Promise<ChildRun> {
      started = true;
      let timer: NodeJS.Timeout | undefined;
      const killLater = () => {
        timer ??= setTimeout(kill, delay);
      };
      if (fromReady) onReady = killLater;
      onSaved = killLater;
      // A child that never starts saving must not hang the harness.
      const guard = setTimeout(kill, 30_000);
      child.stdin.write('go\n');
      const run = await closed;
      clearTimeout(timer);
      clearTimeout(guard);
      return run;
    },
  };
}

/** Opens the workspace the way the app does (quick_check, migrations), then checks it in full. */
export function checkWorkspace(file: string, confirmed: readonly string[], operation: SaveOperation): { problems: string[]; lost: string[] } {
  let db: Db;
  try {
    db = openWorkspace(file, { dailyBackup: false }).db;
  } catch (error) {
    return { problems: [`opening failed: ${error instanceof Error ? error.message : String(error)}`], lost: [] };
  }
  try {
    const problems: string[] = [];
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    const audit = verifyAuditChain(db);
    if (!audit.ok) problems.push(`audit chain broken at ${audit.seq} (${audit.reason})`);
    return { problems, lost: confirmed.filter((tag) => !operation.present(db, tag)) };
  } finally {
    db.close();
  }
}

/** The child: opens the workspace through createCore and saves until it is killed. */
export async function runChild(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { child: { type: 'boolean' }, workspace: { type: 'string' }, resources: { type: 'string' }, op: { type: 'string' }, run: { type: 'string' } } });
  const operation = operations[values.op ?? 'cycles.create'];
  if (!operation || !values.workspace || !values.resources) throw new Error('usage: --child --workspace FILE --resources DIR --op NAME --run ID');
  await new Promise<void>((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      input += chunk;
      if (input.includes('go\n')) resolve();
    });
  });
  const core = createCore({
    workspacePath: values.workspace,
    resourcesDir: values.resources,
    onInternalError: (error) => {
      process.stderr.write(`internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(3);
    },
  });
  const prepared = await operation.setup?.(core);
  process.stdout.write('ready\n');
  for (let i = 1; ; i++) {
    const tag = `${values.run ?? 'run'}-${i}`;
    const result = await core.dispatch(operation.channel, operation.input(tag, prepared), { actor: 'crash-bench' });
    if (!result.ok) {
      process.stderr.write(`save refused: ${JSON.stringify(result.error)}\n`);
      process.exit(2);
    }
    // Written only after dispatch returned ok: the transaction has committed with synchronous=FULL.
    process.stdout.write(`saved ${tag}\n`);
  }
}

/** Deterministic generator (mulberry32) so a failing run can be repeated with its seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { kills: { type: 'string' }, op: { type: 'string' }, seed: { type: 'string' } } });
  const kills = Number(values.kills ?? 50);
  if (!Number.isInteger(kills) || kills < 1) {
    console.error(`--kills must be a whole number of at least 1 (got ${values.kills})`);
    return 2;
  }
  const seed = Number(values.seed ?? Date.now() % 1e9);
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(join(tmpdir(), 'award-desk-crash-'));
  try {
    const operation = values.op ?? 'cycles.create';
    console.log(`crash harness: ${kills} SIGKILLs of a child saving through core.dispatch('${operation}'), seed ${seed}`);
    // A long run (--kills 1000 takes minutes) says every 100 kills that it is still going.
    const progress = (line: string) => {
      const kill = Number(/^kill (\d+)\//.exec(line)?.[1]);
      if (kill % 100 === 0) console.log(`  ${line}`);
    };
    const report = await runCrashHarness({ kills, seed, operation, workspace: join(dir, 'crash.sqlite'), resourcesDir: join(findAppRoot(dirname(self)), 'resources'), childEntry: self, log: progress });
    console.log(`  kills:                   ${report.kills} (${report.killsFromReady} timed from opening, ${report.kills - report.killsFromReady} from the first confirmed save)`);
    console.log(`  confirmed saves:         ${report.confirmedSaves}`);
    console.log(`  lost confirmed saves:    ${report.lostConfirmedSaves}`);
    console.log(`  failures:                ${report.failures.length}`);
    for (const failure of report.failures) console.log(`    ${failure}`);
    console.log(`  checked after each kill: quick_check on open, integrity_check, audit hash chain, every confirmed save present`);
    console.log(`  time:                    ${(report.millis / 1000).toFixed(1)} s`);
    return report.failures.length === 0 && report.lostConfirmedSaves === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--child')) {
    runChild(process.argv.slice(2)).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    });
  } else {
    main().then(
      (code) => process.exit(code),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
