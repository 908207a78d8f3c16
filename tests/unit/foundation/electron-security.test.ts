import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  createWindowOptions,
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  rendererPathFor,
  windowOpenDecision,
} from '../../../electron/main/security';

describe('Electron window and guards (pure functions wired by electron/main/index.ts)', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = createWindowOptions('/app/out/preload.cjs').webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.preload).toBe('/app/out/preload.cjs');
  });

  it('has a CSP without inline or eval scripts', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });

  it('allows navigation only inside the app', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'award-desk://evil/index.html', 'http://127.0.0.1:3000/', 'not a url']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('denies window.open and every permission request', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(permissionDecision(permission)).toBe(false);
    }
  });

  it('accepts IPC only from the app top frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('maps app URLs to files without leaving the renderer folder', () => {
    expect(rendererPathFor(`${APP_ORIGIN}/`)).toBe('index.html');
    expect(rendererPathFor(`${APP_ORIGIN}/assets/index.js`)).toBe('assets/index.js');
    // WHATWG URL parsing collapses dot segments at the root, so this stays inside the renderer folder.
    expect(rendererPathFor(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`)).toBe('etc/passwd');
    expect(rendererPathFor(`${APP_ORIGIN}/assets/%252e%252e/x`)).toBe('assets/%2e%2e/x');
    expect(rendererPathFor(`${APP_ORIGIN}/assets/..%5c..%5cmain.cjs`)).toBeUndefined();
    expect(rendererPathFor(`${APP_ORIGIN}/a%00b`)).toBeUndefined();
    expect(rendererPathFor('https://example.com/index.html')).toBeUndefined();
  });
});
