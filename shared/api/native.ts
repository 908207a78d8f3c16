/**
 * The desktop shell's own channels, sent through the same preload `invoke` as contract channels but
 * answered by Electron's main process (native dialogs, the system viewer), never by the core. They take
 * and give the same ids as the browser host's /upload and /download, so the renderer never sees a path.
 * The browser host has no such channels: there the renderer uploads, downloads and lets the browser open.
 */
import { z } from 'zod';
import { idSchema } from './schemas';
import { intakeIdSchema } from './exchange';

export const NATIVE_CHANNELS = {
  pickFile: 'native.pickFile',
  saveFile: 'native.saveFile',
  saveToFolder: 'native.saveToFolder',
  openAttachment: 'native.openAttachment',
  uploadBegin: 'native.uploadBegin',
  uploadChunk: 'native.uploadChunk',
  uploadEnd: 'native.uploadEnd',
  uploadAbort: 'native.uploadAbort',
} as const;

/** A dropped file crosses in pieces of at most this size (structured clone copies each one). */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
const uploadTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const nativeInputSchemas = {
  'native.pickFile': z.object({}).strict(),
  'native.saveFile': z.object({ downloadId: intakeIdSchema, suggestedName: z.string().max(255) }).strict(),
  'native.saveToFolder': z.object({ downloadId: intakeIdSchema }).strict(),
  'native.openAttachment': z.object({ attachmentId: idSchema }).strict(),
  'native.uploadBegin': z.object({ fileName: z.string().min(1).max(255) }).strict(),
  'native.uploadChunk': z.object({ token: uploadTokenSchema, bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= UPLOAD_CHUNK_BYTES) }).strict(),
  'native.uploadEnd': z.object({ token: uploadTokenSchema }).strict(),
  'native.uploadAbort': z.object({ token: uploadTokenSchema }).strict(),
};

export interface NativeResults {
  'native.pickFile': { uploadId: string; fileName: string } | null;
  'native.saveFile': { saved: boolean };
  /** Null when the user cancelled the folder dialog; else the file names written there. */
  'native.saveToFolder': { folderName: string; files: string[] } | null;
  'native.openAttachment': { opened: boolean };
  'native.uploadBegin': { token: string };
  'native.uploadChunk': { received: true };
  'native.uploadEnd': { uploadId: string; fileName: string };
  'native.uploadAbort': { aborted: true };
}

export type NativeChannel = keyof NativeResults;
