import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AwardDeskApi } from '../../shared/api/contract';
import type { NativeFileApi } from '../../shared/api/exchange';

// Sandboxed preload: only `electron` is available, so the channel names are repeated from main/security.ts and main/index.ts.
const IPC_INVOKE = 'award-desk:invoke';
const IPC_EVENT = 'award-desk:event';
const IPC_PICK_FILE = 'award-desk:pick-file';
const IPC_SAVE_FILE = 'award-desk:save-file';

/**
 * The renderer gets exactly these functions; no ipcRenderer, no Node, no arbitrary channels. The two
 * file functions open native dialogs in main and answer with ids, never paths.
 */
const api: AwardDeskApi & NativeFileApi = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, String(channel), input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_event: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  pickFile: () => ipcRenderer.invoke(IPC_PICK_FILE),
  saveFile: (downloadId: string, suggestedName: string) => ipcRenderer.invoke(IPC_SAVE_FILE, String(downloadId), String(suggestedName)),
};

contextBridge.exposeInMainWorld('awardDesk', api);
