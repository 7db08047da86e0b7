import type { Transport } from '../../shared/api/client';

const TOKEN_KEY = 'gangway.token';

/**
 * The browser shell's secret arrives in the URL fragment (#token=…), which
 * never reaches a server log. Keep it for this tab and take it out of the
 * address bar so it is not bookmarked or shared by accident.
 */
export function takeToken(): string {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    const rest = window.location.hash.replace(/(?:^#|&)?token=[^&]+/, '').replace(/^#?&?/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : '#/'));
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function httpTransport(token: string): Transport {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let socket: WebSocket | undefined;
  let retry = 500;

  const connect = () => {
    const proto = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${proto}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onmessage = (m) => {
      const { event, payload } = JSON.parse(String(m.data)) as { event: string; payload: unknown };
      for (const l of listeners) l(event, payload);
    };
    socket.onopen = () => (retry = 500);
    socket.onclose = () => {
      if (listeners.size === 0) return;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10_000);
    };
  };

  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Gangway is not answering. Is `gangway serve` still running? Start it again and reload this page.' } };
      }
      const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
      if (res.ok) return { ok: true, value: body };
      return { ok: false, error: (body?.error ?? { code: 'INTERNAL', message: `Gangway answered ${res.status}.` }) as never };
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          socket?.close();
          socket = undefined;
        }
      };
    },
  };
}
