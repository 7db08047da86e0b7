import { api, isMethodName } from '../../shared/api';
import { GangwayError, isGangwayError, validationError, type ErrorShape } from '../../shared/errors';
import type { CoreContext } from './context';
import type { Handler, Handlers } from './types';

export type Answer = { ok: true; value: unknown } | { ok: false; error: ErrorShape };

export interface Logger {
  error(message: string, detail?: unknown): void;
}

/**
 * The one door into the core, used by both shells: validate the input against
 * the method's schema, run the handler, and turn anything thrown into a typed error.
 * A partial table is allowed (tests, the hub): missing methods answer NOT_IMPLEMENTED.
 */
export async function dispatch(handlers: Partial<Handlers>, ctx: CoreContext, method: string, rawInput: unknown, log?: Logger): Promise<Answer> {
  try {
    if (!isMethodName(method)) throw new GangwayError('UNKNOWN_METHOD', `There is no API method "${method}".`);
    const handler = handlers[method] as Handler<typeof method> | undefined;
    if (!handler) throw new GangwayError('NOT_IMPLEMENTED', `The method "${method}" is not available in this shell.`);
    const parsed = api[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(`${method}`, parsed.error);
    const value = await handler(parsed.data as never, ctx);
    return { ok: true, value };
  } catch (e) {
    if (isGangwayError(e)) return { ok: false, error: e.toJSON() };
    const sqlite = (e as { code?: string }).code ?? '';
    if (sqlite === 'SQLITE_BUSY') return { ok: false, error: { code: 'STORE_BUSY', message: 'The database is busy in another program. Try again in a moment.' } };
    if (sqlite === 'SQLITE_FULL') return { ok: false, error: { code: 'STORE_READONLY', message: 'The disk is full: nothing was saved. Free some space and try again.' } };
    if (sqlite === 'SQLITE_READONLY') return { ok: false, error: { code: 'STORE_READONLY', message: 'The database became read-only: nothing was saved. Check the data folder permissions.' } };
    log?.error(`${method} failed`, e);
    return { ok: false, error: { code: 'INTERNAL', message: `Gangway hit an unexpected problem in ${method}; nothing was saved. The server log has details.` } };
  }
}
