import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it lived at `file`, returning the restricted-import messages. */
async function wallMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer walls (eslint no-restricted-imports)', () => {
  it('refuses Node, Electron and the database in the renderer', async () => {
    expect(await wallMessages('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await wallMessages('renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect(await wallMessages('renderer/src/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await wallMessages('renderer/src/features/x.ts', "import { createCore } from '../../../electron/core';\nexport const a = createCore;\n")).toHaveLength(1);
  });

  it('keeps shared/ pure', async () => {
    expect(await wallMessages('shared/domain/x.ts', "import { createHash } from 'node:crypto';\nexport const a = createHash;\n")).toHaveLength(1);
    expect(await wallMessages('shared/domain/x.ts', "import { openWorkspace } from '../../electron/core/db/workspace';\nexport const a = openWorkspace;\n")).toHaveLength(1);
    expect(await wallMessages('shared/api/x.ts', "import { eventSchemas } from './events';\nexport const a = eventSchemas;\n")).toHaveLength(0);
  });

  it('keeps Electron out of the core and better-sqlite3 inside core/db', async () => {
    expect(await wallMessages('electron/core/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await wallMessages('electron/core/services/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(1);
    expect(await wallMessages('electron/core/db/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).toHaveLength(0);
    expect(await wallMessages('electron/host/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it('lets the real source tree pass', async () => {
    const results = await eslint.lintFiles(['electron/core/index.ts', 'renderer/src/bridge.ts', 'shared/api/contract.ts']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports'))).toEqual([]);
  });
});
