import { contextBridge, ipcRenderer } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from './security';

// Two verbs, never ipcRenderer itself nor the event object (Electron checklist item 20).
contextBridge.exposeInMainWorld('gangway', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, String(method), input),
  onEvent: (listener: (event: string, payload: unknown) => void) => {
    const wrapped = (_e: unknown, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
});
