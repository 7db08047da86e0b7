import { createClient, type ApiClient } from '../../shared/api/client';

/** A typed client that talks to `gangway serve` over HTTP, as a script would. */
export function httpClient(url: string, token: string): ApiClient {
  return createClient({
    async invoke(method, input) {
      const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(input ?? {}) });
      const body = (await res.json()) as { error?: never };
      return res.ok ? { ok: true, value: body } : { ok: false, error: body.error! };
    },
    subscribe: () => () => {},
  });
}
