import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { IPC_EVENT, IPC_INVOKE } from '../../../electron/main/security';

const root = join(__dirname, '..', '..', '..');

/**
 * The built preload bundle (out/preload.cjs, what Electron loads) run in a bare VM context whose only
 * module is a recording stand-in for `electron`'s contextBridge and ipcRenderer. This checks the
 * bundle's own surface; the real sandboxed window is checked by tests/e2e-electron when the binary exists.
 */
function loadPreload() {
  const exposed: Record<string, Record<string, unknown>> = {};
  const sent: unknown[][] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => void (exposed[key] = api) },
    ipcRenderer: { invoke: (...args: unknown[]) => (sent.push(args), Promise.resolve(null)), on: () => undefined, removeListener: () => undefined },
  };
  const require = (name: string) => {
    if (name !== 'electron') throw new Error(`the sandboxed preload may only require electron, not ${name}`);
    return electron;
  };
  runInNewContext(readFileSync(join(root, 'out', 'preload.cjs'), 'utf8'), { require, module: { exports: {} }, exports: {} });
  return { exposed, sent };
}

describe('preload surface', () => {
  it('exposes exactly invoke and on under window.awardDesk, and needs nothing but electron', () => {
    const { exposed } = loadPreload();
    expect(Object.keys(exposed)).toEqual(['awardDesk']);
    expect(Object.keys(exposed.awardDesk!).sort()).toEqual(['invoke', 'on']);
  });

  it('sends every call, native file dialogs included, over the one checked invoke channel', async () => {
    const { exposed, sent } = loadPreload();
    const invoke = exposed.awardDesk!.invoke as (channel: unknown, input: unknown) => Promise<unknown>;
    await invoke('cycles.list', {});
    await invoke('native.pickFile', {});
    await invoke({ toString: () => 'coerced' }, null);
    expect(sent).toEqual([
      [IPC_INVOKE, 'cycles.list', {}],
      [IPC_INVOKE, 'native.pickFile', {}],
      [IPC_INVOKE, 'coerced', null],
    ]);
    expect(IPC_EVENT).not.toBe(IPC_INVOKE);
  });
});
