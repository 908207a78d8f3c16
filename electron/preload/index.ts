import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AwardDeskApi } from '../../shared/api/contract';

// Sandboxed preload: only `electron` is available, so the channel names are repeated from main/security.ts.
const IPC_INVOKE = 'award-desk:invoke';
const IPC_EVENT = 'award-desk:event';

/**
 * The renderer gets exactly these two functions; no ipcRenderer, no Node, no arbitrary IPC channels.
 * Main answers `invoke` for contract channels through the core, and for the few `native.*` channels
 * (file dialogs) itself.
 */
const api: AwardDeskApi = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, String(channel), input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
};

contextBridge.exposeInMainWorld('awardDesk', api);
