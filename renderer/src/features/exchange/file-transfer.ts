/**
 * Files in and out without the renderer ever holding a path. Electron: the preload's native open and
 * save dialogs (main copies the file in or out of the workspace's intake folders). Browser host: the
 * chosen File streams to POST ./upload, and a produced file downloads from ./download/<id>. Either
 * way the core only ever sees an upload id, and hands back a download id.
 */
import type { Envelope } from '../../../../shared/api/contract';
import type { NativeFileApi } from '../../../../shared/api/exchange';
import { CallError } from '../../bridge';

export interface PickedFile {
  uploadId: string;
  fileName: string;
}

function nativeApi(): NativeFileApi | undefined {
  const api = window.awardDesk as (typeof window.awardDesk & Partial<NativeFileApi>) | undefined;
  return api?.pickFile && api.saveFile ? { pickFile: api.pickFile, saveFile: api.saveFile } : undefined;
}

/** True in the desktop app, where picking a file opens the system dialog instead of the browser's file input. */
export const hasNativeDialogs = (): boolean => nativeApi() !== undefined;

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data;
}

/** Electron: the native open dialog; null when the user cancels. */
export async function pickWithNativeDialog(): Promise<PickedFile | null> {
  const api = nativeApi();
  if (!api) throw new CallError({ code: 'internal', key: 'errors.internal' });
  return unwrap(await api.pickFile());
}

/** Browser host: streams the chosen file to the host, which keeps it in the workspace's intake folder. */
export async function uploadFile(file: File): Promise<PickedFile> {
  let response: Response;
  try {
    response = await fetch('./upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new CallError({ code: 'internal', key: 'errors.network' });
  }
  if (response.status === 401) throw new CallError({ code: 'unauthorized', key: 'errors.unauthorized' });
  const envelope = (await response.json().catch(() => null)) as Envelope<{ uploadId: string }> | null;
  if (!envelope) throw new CallError({ code: 'internal', key: 'errors.internal' });
  return { uploadId: unwrap(envelope).uploadId, fileName: file.name };
}

/**
 * Electron can hand a dropped file to main only through the preload (webUtils.getPathForFile there,
 * main copies it into the intake folder); until the preload offers `receiveDroppedFile`, dropping is
 * refused with a pointer to the button.
 */
interface DroppedFileApi {
  receiveDroppedFile(file: File): Promise<Envelope<PickedFile>>;
}

/** A file dropped on a drop zone, taken in the same way as a picked one; the renderer still never sees a path. */
export async function receiveDroppedFile(file: File): Promise<PickedFile> {
  if (!hasNativeDialogs()) return uploadFile(file);
  const api = window.awardDesk as (typeof window.awardDesk & Partial<DroppedFileApi>) | undefined;
  if (api?.receiveDroppedFile) return unwrap(await api.receiveDroppedFile(file));
  throw new CallError({ code: 'refused', key: 'exchange.ui.drop.unsupported' });
}

/** Saves a produced file: the native save dialog in Electron, a download in the browser. False when cancelled. */
export async function saveDownload(download: { downloadId: string; fileName: string }): Promise<boolean> {
  const api = nativeApi();
  if (api) return unwrap(await api.saveFile(download.downloadId, download.fileName)).saved;
  const link = document.createElement('a');
  link.href = `./download/${encodeURIComponent(download.downloadId)}`;
  link.download = download.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return true;
}
