import { describe, expect, it } from 'vitest';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, isTrustedSender, mayCheckPermission, mayGrantPermission, mayNavigate, windowOptions } from '../../../main/electron/security';

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
});
