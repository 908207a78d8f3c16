import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security-policy';

/**
 * Every security decision of the shell is a plain function here, so unit tests check them without
 * the Electron binary; index.ts only wires them to Electron's events.
 */
export const APP_SCHEME = 'award-desk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const IPC_INVOKE = 'award-desk:invoke';
export const IPC_EVENT = 'award-desk:event';

export { CONTENT_SECURITY_POLICY };

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Only the app's own pages, served from its custom protocol, are trusted. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** In-app navigation never leaves the app: any other URL (remote, file:, data:, javascript:) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The app needs no camera, microphone, notifications, geolocation, clipboard-read… */
export function permissionDecision(_permission: string): boolean {
  return false;
}

export interface SenderLike {
  url: string;
  /** True for the top frame of one of our windows. */
  isMainFrame: boolean;
}

/** IPC is accepted only from our top-level app page: not from sub-frames, not from foreign origins. */
export function isTrustedSender(sender: SenderLike | null | undefined): boolean {
  return !!sender && sender.isMainFrame && isAppUrl(sender.url);
}

/**
 * Maps an app:// URL to a file inside the renderer folder. The same rules as the browser host:
 * no `..`, no backslashes, no NUL, and the result must stay inside the root.
 */
export function rendererPathFor(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}
