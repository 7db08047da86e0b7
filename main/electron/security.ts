/**
 * The desktop shell's security settings, as plain data and pure functions so a
 * test can assert them without loading Electron (after Electron's security
 * checklist and VS Code's window setup).
 */

/** The renderer is served from this custom scheme, never from file:// (checklist item 18). */
export const APP_SCHEME = 'gangway';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export const IPC_INVOKE = 'gangway:invoke';
export const IPC_EVENT = 'gangway:event';

/** The options the one window is created with. A plain object, built in one place. */
export function windowOptions(preloadPath: string) {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Gangway',
    show: false,
    backgroundColor: '#0d0f12',
    autoHideMenuBar: true,
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
      devTools: process.env.GANGWAY_DEVTOOLS === '1',
    },
  } as const;
}

export { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** Only our own pages may talk to the core (VS Code validates every IPC sender the same way). */
export function isTrustedSender(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}

/** Navigation and new windows are refused; links to the web are not opened either (no network at sea). */
export function mayNavigate(url: string): boolean {
  return isTrustedSender(url);
}

/**
 * Every permission is denied except the microphone, which crew interviews
 * need. A "media" request that also asks for the camera is denied.
 */
export function mayGrantPermission(permission: string, details: { mediaTypes?: string[] } = {}): boolean {
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((t) => t === 'audio');
}

/** Permission checks (no prompt) follow the same rule; Chromium asks "media" with the type. */
export function mayCheckPermission(permission: string, mediaType?: string): boolean {
  return permission === 'media' && mediaType === 'audio';
}
