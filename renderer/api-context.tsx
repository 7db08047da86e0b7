import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { ApiClient } from '../shared/api/client';
import type { EventName } from '../shared/api/events';
import type { ErrorShape } from '../shared/errors';

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ErrorShape | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads with `load`, and again whenever one of `events` arrives or `deps` change. */
export function useLoad<T>(load: (api: ApiClient) => Promise<T>, deps: unknown[], events: EventName[] = []): Loaded<T> {
  const api = useApi();
  const [state, setState] = useState<{ data?: T; error?: ErrorShape; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(api).then(
      (data) => live && setState({ data, loading: false }),
      (error: ErrorShape) => live && setState({ error: { code: error.code ?? 'INTERNAL', message: error.message }, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, tick, ...deps]);
  useEffect(() => {
    const offs = events.map((e) => api.on(e, reload));
    return () => offs.forEach((off) => off());
  }, [api, reload, events.join()]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
