import { app, BrowserWindow, ipcMain, net, protocol, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core';
import { DEFAULT_WORKSPACE_FILE } from '../core/paths';
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
  const window = new BrowserWindow(createWindowOptions(join(__dirname, 'preload.cjs')));
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

  core = createCore({
    workspacePath: process.env.AWARD_DESK_WORKSPACE ?? join(app.getPath('userData'), DEFAULT_WORKSPACE_FILE),
    resourcesDir,
    nativeBinding: electronNativeBinding(),
  });
  const activeCore = core;

  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null)) {
      return { ok: false, error: { code: 'forbidden', key: 'errors.forbidden' } };
    }
    return activeCore.dispatch(channel, input, { actor: 'office' });
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

