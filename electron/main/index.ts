import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { basename, join } from 'node:path';
import { existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { createCore, type Core, type CoreOptions } from '../core';
import { damagedWorkspaceOf, restoreNewestGoodBackup } from '../core/maintenance/recover';
import { DEFAULT_WORKSPACE_FILE } from '../core/paths';
import { copyInUpload, findDownload, safeFileName } from '../core/file-intake';
import { createTranslator, languageFromLocale, translateMessage } from '../core/i18n';
import { AppError } from '../../shared/api/errors';
import type { Envelope } from '../../shared/api/contract';
import { NATIVE_CHANNELS, nativeInputSchemas, type NativeChannel } from '../../shared/api/native';
import { deliverDownloadToFolder, writeViewerCopy } from '../core/deliver-files';
import { ChunkedUploads } from '../core/chunked-upload';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  IPC_EVENT,
  IPC_INVOKE,
  createWindowOptions,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  rendererPathFor,
  windowOpenDecision,
} from './security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// The bundle sits in <app>/out; resources ship beside it in a checkout, under process.resourcesPath when packaged.
const appRoot = join(__dirname, '..');
const rendererDir = join(appRoot, 'out', 'renderer');
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources');

/** better-sqlite3 built for Electron's ABI (see electron/scripts/start.mjs); absent when packaged, where node_modules already has it. */
function electronNativeBinding(): string | undefined {
  const candidate = join(appRoot, '.cache', 'electron-native', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(candidate) ? candidate : undefined;
}

let core: Core | undefined;

const FORBIDDEN: Envelope = { ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } };

function fromTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null);
}

function failure(error: unknown): Envelope {
  return { ok: false, error: error instanceof AppError ? error.payload : { code: 'internal', key: 'errors.internal' } };
}

type NativeHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Envelope>;

/** A `native.*` handler whose input has passed that channel's schema (as the core's channels do). */
function validated<C extends NativeChannel>(channel: C, handle: (event: IpcMainInvokeEvent, input: z.output<(typeof nativeInputSchemas)[C]>) => Promise<Envelope>): NativeHandler {
  return async (event, input) => {
    const parsed = nativeInputSchemas[channel].safeParse(input);
    if (!parsed.success) return failure(new AppError('validation', 'errors.validation'));
    return handle(event, parsed.data as z.output<(typeof nativeInputSchemas)[C]>);
  };
}

/**
 * The native dialogs and the system viewer, answered here for the `native.*` channels: the user picks
 * the file, main copies it into (or out of) the workspace's intake folders, and the renderer only ever
 * holds the random id. Paths never cross the bridge.
 */
function nativeFileHandlers(activeCore: Core): Record<string, NativeHandler> {
  const uploads = new ChunkedUploads(() => activeCore.workspace.path);
  const translate = async () => {
    const settings = await activeCore.dispatch('settings.get', {}, { actor: 'office' });
    return createTranslator(settings.ok ? (settings.data as { language: Parameters<typeof createTranslator>[0] }).language : undefined);
  };
  return {
    [NATIVE_CHANNELS.pickFile]: validated(NATIVE_CHANNELS.pickFile, async (event) => {
      const t = await translate();
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = { properties: ['openFile' as const], filters: [{ name: t('exchange.dialog.packages'), extensions: ['qadpkg'] }, { name: t('exchange.dialog.allFiles'), extensions: ['*'] }] };
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = picked.filePaths[0];
      if (picked.canceled || !file) return { ok: true, data: null };
      try {
        const { uploadId } = await copyInUpload(activeCore.workspace.path, file);
        return { ok: true, data: { uploadId, fileName: basename(file) } };
      } catch (error) {
        return failure(error);
      }
    }),
    [NATIVE_CHANNELS.saveFile]: validated(NATIVE_CHANNELS.saveFile, async (event, input) => {
      const found = findDownload(activeCore.workspace.path, input.downloadId);
      if (!found) return failure(new AppError('notFound', 'exchange.download.unknown'));
      const window = BrowserWindow.fromWebContents(event.sender);
      const name = safeFileName(input.suggestedName.trim() ? input.suggestedName : found.fileName);
      const options = { defaultPath: join(app.getPath('downloads'), name) };
      const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return { ok: true, data: { saved: false } };
      try {
        await copyFile(found.path, chosen.filePath);
        return { ok: true, data: { saved: true } };
      } catch (error) {
        return failure(error);
      }
    }),
    [NATIVE_CHANNELS.saveToFolder]: validated(NATIVE_CHANNELS.saveToFolder, async (event, input) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const], defaultPath: app.getPath('documents') };
      const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const folder = chosen.filePaths[0];
      if (chosen.canceled || !folder) return { ok: true, data: null };
      try {
        const files = await deliverDownloadToFolder(activeCore.workspace.path, input.downloadId, folder);
        return { ok: true, data: { folderName: basename(folder), files } };
      } catch (error) {
        return failure(error);
      }
    }),
    // A dropped file: the sandboxed renderer cannot name its path, so it sends the bytes in pieces.
    [NATIVE_CHANNELS.uploadBegin]: validated(NATIVE_CHANNELS.uploadBegin, async (_event, input) => ({ ok: true, data: uploads.begin(input.fileName) })),
    [NATIVE_CHANNELS.uploadChunk]: validated(NATIVE_CHANNELS.uploadChunk, async (_event, input) => {
      try {
        await uploads.write(input.token, input.bytes);
        return { ok: true, data: { received: true } };
      } catch (error) {
        return failure(error);
      }
    }),
    [NATIVE_CHANNELS.uploadEnd]: validated(NATIVE_CHANNELS.uploadEnd, async (_event, input) => {
      try {
        return { ok: true, data: await uploads.end(input.token) };
      } catch (error) {
        return failure(error);
      }
    }),
    [NATIVE_CHANNELS.uploadAbort]: validated(NATIVE_CHANNELS.uploadAbort, async (_event, input) => {
      await uploads.abort(input.token);
      return { ok: true, data: { aborted: true } };
    }),
    [NATIVE_CHANNELS.openAttachment]: validated(NATIVE_CHANNELS.openAttachment, async (_event, input) => {
      const content = await activeCore.dispatch('attachments.content', input, { actor: 'office' });
      if (!content.ok) return content;
      const { fileName, contentBase64 } = content.data as { fileName: string; contentBase64: string };
      try {
        const path = writeViewerCopy(join(app.getPath('temp'), 'award-desk-viewer'), fileName, Buffer.from(contentBase64, 'base64'));
        // shell.openPath hands the file to the viewer registered for its (checked) document type; it returns '' on success.
        return { ok: true, data: { opened: (await shell.openPath(path)) === '' } };
      } catch (error) {
        return failure(error);
      }
    }),
  };
}

/**
 * Opens the workspace; when it is damaged, says so in the user's language and offers the newest backup
 * that passes every check (the damaged file is kept aside, never deleted). Undefined: the user quit.
 */
function openCoreOrRecover(options: CoreOptions): Core | undefined {
  const t = createTranslator(languageFromLocale(app.getLocale()));
  for (;;) {
    try {
      return createCore(options);
    } catch (error) {
      const damaged = damagedWorkspaceOf(error);
      if (!damaged) throw error;
      const buttons = damaged.newestGoodBackup ? [t('reliability.recover.restore'), t('reliability.recover.quit')] : [t('reliability.recover.quit')];
      const choice = dialog.showMessageBoxSync({ type: 'error', title: t('reliability.recover.title'), message: t('reliability.recover.title'), detail: translateMessage(t, damaged.explanation), buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true });
      if (!damaged.newestGoodBackup || choice !== 0) return undefined;
      try {
        restoreNewestGoodBackup(options.workspacePath, damaged, 'office', new Date(), { nativeBinding: options.nativeBinding });
      } catch (restoreError) {
        const message = restoreError instanceof AppError ? translateMessage(t, restoreError.payload) : String(restoreError);
        dialog.showMessageBoxSync({ type: 'error', title: t('reliability.recover.title'), message, buttons: [t('reliability.recover.quit')], noLink: true });
        return undefined;
      }
    }
  }
}

function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function createWindow(): Promise<void> {
  // Electronegativity (npm run security) reads only the literal at `new BrowserWindow(...)` and cannot see
  // through createWindowOptions, so it reports contextIsolation, sandbox and auxclick as unset here. They are
  // set in electron/main/security.ts (contextIsolation: true, sandbox: true; window.open denied and
  // navigation limited to the app by guardWebContents), which tests/unit/foundation/electron-security.test.ts
  // verifies. The three checks are therefore disabled for this line only.
  const window = new BrowserWindow(createWindowOptions(join(__dirname, 'preload.cjs'))); /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));

  protocol.handle(APP_SCHEME, async (request) => {
    const relative = rendererPathFor(request.url);
    const file = relative ? join(rendererDir, relative) : undefined;
    if (!file || !file.startsWith(rendererDir) || !existsSync(file)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    if (file.endsWith('.html')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });

  core = openCoreOrRecover({
    workspacePath: process.env.AWARD_DESK_WORKSPACE ?? join(app.getPath('userData'), DEFAULT_WORKSPACE_FILE),
    resourcesDir,
    nativeBinding: electronNativeBinding(),
  });
  if (!core) {
    app.quit();
    return;
  }
  const activeCore = core;

  const native = nativeFileHandlers(activeCore);
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    if (!fromTrustedSender(event)) return FORBIDDEN;
    const nativeHandler = typeof channel === 'string' && Object.hasOwn(native, channel) ? native[channel] : undefined;
    return nativeHandler ? nativeHandler(event, input) : activeCore.dispatch(channel, input, { actor: 'office' });
  });
  activeCore.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT, name, payload);
  });

  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
});

app.on('window-all-closed', () => {
  core?.close();
  core = undefined;
  if (process.platform !== 'darwin') app.quit();
});

