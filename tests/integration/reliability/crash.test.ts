import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace, operations, runCrashHarness } from '../../../bench/crash';
import { resourcesDir, tempDir } from '../../helpers/workspace';
import { seededWorkspace } from './helpers';

const temp = tempDir('award-desk-crash-');
// The child must run as plain Node, so it is bundled like `npm run bench` does (inside the repo, so
// packages resolve from node_modules).
const childEntry = join(__dirname, '..', '..', '..', 'out', 'bench', `crash-vitest-${process.pid}.mjs`);

beforeAll(async () => {
  await build({
    entryPoints: [join(__dirname, '..', '..', '..', 'bench', 'crash.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: childEntry,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
});
afterAll(() => {
  temp.dispose();
  rmSync(childEntry, { force: true });
});

describe('crash harness', () => {
  it('50 SIGKILLs during saves through core.dispatch: the workspace stays intact and no confirmed save is lost', async () => {
    const report = await runCrashHarness({ kills: 50, seed: 20261121, workspace: join(temp.dir, 'crash.sqlite'), resourcesDir, childEntry });
    expect(report.failures).toEqual([]);
    expect(report.lostConfirmedSaves).toBe(0);
    expect(report.kills).toBe(50);
    expect(report.confirmedSaves).toBeGreaterThan(50);
  }, 240_000); // about 20–35 s on an idle machine; child start-up dominates and slows under load

  it('its check notices a confirmed save that is missing and an audit chain that was edited', async () => {
    const file = await seededWorkspace(temp.dir, 'checked.sqlite', 3, '存');
    const operation = operations['cycles.create']!;
    expect(checkWorkspace(file, ['存1', '存2', '存3'], operation)).toEqual({ problems: [], lost: [] });
    expect(checkWorkspace(file, ['存1', '从未保存'], operation)).toEqual({ problems: [], lost: ['从未保存'] });
    const db = new Database(file);
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`);
    db.close();
    expect(checkWorkspace(file, [], operation).problems).toEqual(['audit chain broken at 2 (hash)']);
  });
});
