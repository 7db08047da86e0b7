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

/**
 * Development overrides (another data folder, a renderer served from a
 * checkout, DevTools) count only in a development run: in the packaged app
 * anyone who can set an environment variable could otherwise point Gangway at
 * a renderer of their own, which the core would trust with every method.
 */
export function shellSettings(env: Record<string, string | undefined>, isPackaged: boolean, defaults: { dataDir: string; rendererDir: string }) {
  const dev = !isPackaged;
  return {
    dataDir: (dev && env.GANGWAY_DATA) || defaults.dataDir,
    rendererDir: (dev && env.GANGWAY_RENDERER_DIR) || defaults.rendererDir,
    devTools: dev && env.GANGWAY_DEVTOOLS === '1',
  };
}

/** Every way a page or one of its frames can go somewhere else: each is refused unless it stays in Gangway. */
export const NAVIGATION_EVENTS = ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const;

interface NavigationEvent {
  preventDefault(): void;
  /** Electron gives the target on the event (will-frame-navigate, will-redirect) and as an argument (will-navigate). */
  url?: string;
}

/** Attaches the navigation guards to a web contents (any object with `on`, so a test can pass a fake). */
export function guardNavigation(contents: { on(event: string, listener: (e: NavigationEvent, url?: string) => void): unknown }): void {
  for (const event of NAVIGATION_EVENTS) {
    contents.on(event, (e, url) => {
      const target = e.url ?? url;
      if (typeof target !== 'string' || !mayNavigate(target)) e.preventDefault();
    });
  }
}

/** The options the one window is created with. A plain object, built in one place. */
export function windowOptions(preloadPath: string, devTools = false) {
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
      devTools,
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
