import type { z } from 'zod';

/**
 * One API method: what it takes and what it gives, as zod schemas.
 * After Actual's loot-core: the renderer calls `call(name, input)` and gets
 * the handler's exact output type; both shells (Electron IPC and the local
 * HTTP server) dispatch to the same handler table.
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
