import { NATIVE_CHANNELS } from '../../shared/api/native';
import { call } from './bridge';
import { hasNativeHost, invokeNative } from './native';

/** Files cross the bridge as base64 (see shared/api/frameworks.ts uploadedFileSchema). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToBlob(base64: string, mediaType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mediaType });
}

/** Saves bytes the core handed back, through the browser's (or Electron's) own download. */
export function downloadBase64(fileName: string, mediaType: string, base64: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, mediaType));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

export function formatBytes(size: number, language: string): string {
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${UNITS[unit]}`;
}

/**
 * Evidence opens in the system viewer in the desktop app (main writes a read-only copy and hands it to
 * the viewer); the browser host downloads it and leaves the opening to the browser.
 */
export async function openAttachment(attachmentId: string): Promise<void> {
  if (hasNativeHost()) {
    await invokeNative(NATIVE_CHANNELS.openAttachment, { attachmentId });
    return;
  }
  const content = await call('attachments.content', { attachmentId });
  downloadBase64(content.fileName, content.mediaType, content.contentBase64);
}
