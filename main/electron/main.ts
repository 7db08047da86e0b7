import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { createCore, type Core } from '../core';
import { rendererDistDir } from '../data-dir';
import { rendererResponse } from './protocol';
import { APP_ENTRY, APP_SCHEME, guardNavigation, IPC_EVENT, IPC_INVOKE, isTrustedSender, mayCheckPermission, mayGrantPermission, shellSettings, windowOptions } from './security';

// One Gangway per laptop: a second launch focuses the first (two writers on one store is a bug).
if (!app.requestSingleInstanceLock()) {
  app.quit();
}

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

let core: Core | undefined;
let win: BrowserWindow | undefined;

function createWindow(devTools: boolean): BrowserWindow {
  const w = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs'), devTools));
  w.once('ready-to-show', () => w.show());
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void w.loadURL(APP_ENTRY);
  return w;
}

app.on('second-instance', () => {
  if (win?.isMinimized()) win.restore();
  win?.focus();
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  guardNavigation(contents as unknown as Parameters<typeof guardNavigation>[0]);
});

void app.whenReady().then(() => {
  const settings = shellSettings(process.env, app.isPackaged, { dataDir: app.getPath('userData'), rendererDir: rendererDistDir() });
  const dataDir = settings.dataDir;
  core = createCore({ dataDir, shell: 'electron', syncAtStart: true, log: { error: (m, d) => console.error(`[gangway] ${m}`, d) } });
  if (core.storeError) dialog.showErrorBox('Gangway cannot open its data', core.storeError.message);

  const root = settings.rendererDir;
  protocol.handle(APP_SCHEME, (request) => rendererResponse(root, request.url));

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(mayGrantPermission(permission, details as { mediaTypes?: string[] }));
  });
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) => mayCheckPermission(permission, (details as { mediaType?: string }).mediaType));

  ipcMain.handle(IPC_INVOKE, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Only Gangway pages may call Gangway.' } };
    }
    return core!.invoke(String(method), input);
  });
  core.subscribe((event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, event, payload);
  });

  win = createWindow(settings.devTools);
});

app.on('window-all-closed', () => {
  void (core?.shutdown() ?? Promise.resolve()).finally(() => app.quit());
});
