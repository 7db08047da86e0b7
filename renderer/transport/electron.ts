import type { Transport } from '../../shared/api/client';

/** What main/electron/preload.ts exposes: two verbs, never ipcRenderer itself. */
export interface GangwayBridge {
  invoke(method: string, input: unknown): Promise<never>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    gangway?: GangwayBridge;
  }
}

export function electronTransport(bridge: GangwayBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
