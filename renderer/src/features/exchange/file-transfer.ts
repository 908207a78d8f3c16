/**
 * Files in and out without the renderer ever holding a path. Electron: the preload's native open and
 * save dialogs (main copies the file in or out of the workspace's intake folders). Browser host: the
 * chosen File streams to POST ./upload, and a produced file downloads from ./download/<id>. Either
 * way the core only ever sees an upload id, and hands back a download id.
 */
import type { Envelope } from '../../../../shared/api/contract';
import { NATIVE_CHANNELS, UPLOAD_CHUNK_BYTES } from '../../../../shared/api/native';
import { CallError } from '../../bridge';
import { hasNativeHost, invokeNative } from '../../native';

export interface PickedFile {
  uploadId: string;
  fileName: string;
}

/** True in the desktop app, where picking a file opens the system dialog instead of the browser's file input. */
export const hasNativeDialogs = hasNativeHost;

function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data;
}

/** Electron: the native open dialog; null when the user cancels. */
export function pickWithNativeDialog(): Promise<PickedFile | null> {
  return invokeNative(NATIVE_CHANNELS.pickFile, {});
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
 * A file dropped on a drop zone, taken in the same way as a picked one. The browser streams it to the
 * host; the sandboxed desktop renderer cannot learn a dropped file's path, so it hands main the bytes in
 * pieces, and main streams them into the same intake folder. Either way the renderer gets an upload id.
 */
export async function receiveDroppedFile(file: File): Promise<PickedFile> {
  if (!hasNativeDialogs()) return uploadFile(file);
  const { token } = await invokeNative(NATIVE_CHANNELS.uploadBegin, { fileName: file.name || 'package.qadpkg' });
  try {
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      const bytes = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
      await invokeNative(NATIVE_CHANNELS.uploadChunk, { token, bytes });
    }
    return await invokeNative(NATIVE_CHANNELS.uploadEnd, { token });
  } catch (error) {
    await invokeNative(NATIVE_CHANNELS.uploadAbort, { token }).catch(() => undefined);
    throw error;
  }
}

/** Saves a produced file: the native save dialog in Electron, a download in the browser. False when cancelled. */
export async function saveDownload(download: { downloadId: string; fileName: string }): Promise<boolean> {
  if (hasNativeDialogs()) return (await invokeNative(NATIVE_CHANNELS.saveFile, { downloadId: download.downloadId, suggestedName: download.fileName })).saved;
  const link = document.createElement('a');
  link.href = `./download/${encodeURIComponent(download.downloadId)}`;
  link.download = download.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  return true;
}
