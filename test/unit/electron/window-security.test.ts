import { describe, expect, it } from 'vitest';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, guardNavigation, isTrustedSender, shellSettings, mayCheckPermission, mayGrantPermission, mayNavigate, windowOptions } from '../../../main/electron/security';

describe('the desktop window', () => {
  const options = windowOptions('/app/preload.cjs');

  it('isolates the page from Node: context isolation, sandbox, no Node integration anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('fits a 1366×768 rugged laptop screen', () => {
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(768);
  });

  it('loads the UI through the gangway:// protocol, not file://', () => {
    expect(APP_ENTRY).toMatch(/^gangway:\/\/app\//);
  });

  it('allows only our own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('answers IPC only from its own pages', () => {
    expect(isTrustedSender('gangway://app/index.html')).toBe(true);
    expect(isTrustedSender('https://evil.example/')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender('gangway://other/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('never navigates away from Gangway', () => {
    expect(mayNavigate('gangway://app/index.html#/audits')).toBe(true);
    expect(mayNavigate('https://example.com')).toBe(false);
  });

  it('denies every permission except the microphone for interviews', () => {
    expect(mayGrantPermission('media', { mediaTypes: ['audio'] })).toBe(true);
    expect(mayGrantPermission('media', { mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(mayGrantPermission('media', { mediaTypes: [] })).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi', 'fullscreen']) expect(mayGrantPermission(p)).toBe(false);
    expect(mayCheckPermission('media', 'audio')).toBe(true);
    expect(mayCheckPermission('media', 'video')).toBe(false);
  });

  it('ignores the development overrides in the packaged app: data folder, renderer folder, DevTools', () => {
    const env = { GANGWAY_DATA: '/tmp/elsewhere', GANGWAY_RENDERER_DIR: '/tmp/evil-renderer', GANGWAY_DEVTOOLS: '1' };
    const defaults = { dataDir: '/home/ko/.config/Gangway', rendererDir: '/opt/Gangway/resources/app.asar/dist/renderer' };
    expect(shellSettings(env, true, defaults)).toEqual({ ...defaults, devTools: false });
    expect(windowOptions('/p', shellSettings(env, true, defaults).devTools).webPreferences.devTools).toBe(false);
    // A development run still honours them.
    expect(shellSettings(env, false, defaults)).toEqual({ dataDir: '/tmp/elsewhere', rendererDir: '/tmp/evil-renderer', devTools: true });
    expect(shellSettings({}, false, defaults)).toEqual({ ...defaults, devTools: false });
  });

  it('refuses navigation, redirects and frame navigation away from Gangway, as Electron emits them', () => {
    const listeners = new Map<string, (e: { preventDefault(): void; url?: string }, url?: string) => void>();
    guardNavigation({ on: (event, listener) => listeners.set(event, listener) });
    expect([...listeners.keys()].sort()).toEqual(['will-frame-navigate', 'will-navigate', 'will-redirect']);
    const prevented = (event: string, e: { url?: string }, url?: string) => {
      let stopped = false;
      listeners.get(event)!({ ...e, preventDefault: () => (stopped = true) }, url);
      return stopped;
    };
    expect(prevented('will-navigate', {}, 'https://evil.example/')).toBe(true);
    expect(prevented('will-navigate', {}, 'gangway://app/index.html#/audits')).toBe(false);
    expect(prevented('will-redirect', { url: 'https://evil.example/' }, 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', { url: 'gangway://app/index.html' })).toBe(false);
    expect(prevented('will-frame-navigate', { url: 'http://127.0.0.1:8080/' })).toBe(true);
    expect(prevented('will-frame-navigate', { url: 'gangway://app/frame.html' })).toBe(false);
    expect(prevented('will-frame-navigate', {})).toBe(true);
  });
});
