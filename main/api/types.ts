import type { MethodName, MethodOutput, MethodParsedInput } from '../../shared/api';
import type { CoreContext } from './context';

export type Handler<K extends MethodName> = (input: MethodParsedInput<K>, ctx: CoreContext) => MethodOutput<K> | Promise<MethodOutput<K>>;

/** A table of handlers; a domain file exports a `Handlers<'domain.a' | 'domain.b'>`. */
export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
