import type { z } from 'zod';
import { appMethods } from './methods/app';
import { impactMethods } from './methods/impact';
import { auditMethods } from './methods/audits';
import { crewMethods } from './methods/crew';
import { ingestMethods } from './methods/ingest';
import { interviewMethods } from './methods/interviews';
import { syncMethods } from './methods/sync';
import { resultMethods } from './methods/results';
import { vesselMethods } from './methods/vessels';
import { voyageMethods } from './methods/voyage';
import { wageMethods } from './methods/wages';

/** The whole API: one entry per domain file in ./methods. */
export const api = {
  ...appMethods,
  ...vesselMethods,
  ...auditMethods,
  ...crewMethods,
  ...ingestMethods,
  ...interviewMethods,
  ...wageMethods,
  ...voyageMethods,
  ...syncMethods,
  ...resultMethods,
  ...impactMethods,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<K extends MethodName> = z.input<Api[K]['input']>;
export type MethodParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Api[K]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

export { events } from './events';
export type { EventName, EventPayload } from './events';
