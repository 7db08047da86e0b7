import { ErrorShape, GangwayError } from '../errors';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './index';

/** How a UI reaches the core: Electron's preload bridge or the HTTP server. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ErrorShape }>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ApiClient {
  call<K extends MethodName>(method: K, ...input: undefined extends MethodInput<K> ? [input?: MethodInput<K>] : [input: MethodInput<K>]): Promise<MethodOutput<K>>;
  on<K extends EventName>(event: K, listener: (payload: EventPayload<K>) => void): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async call(method, ...input) {
      const answer = await transport.invoke(method, input[0] ?? {});
      if (!answer.ok) {
        const parsed = ErrorShape.safeParse(answer.error);
        throw parsed.success ? GangwayError.from(parsed.data) : new GangwayError('INTERNAL', 'The core answered with an error Gangway cannot read');
      }
      return answer.value as never;
    },
    on(event, listener) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
