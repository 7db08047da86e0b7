import type { Handlers } from '../types';
import { appHandlers } from './app';
import { auditHandlers } from './audits';
import { crewHandlers } from './crew';
import { impactHandlers } from './impact';
import { ingestHandlers } from './ingest';
import { interviewHandlers } from './interviews';
import { resultHandlers } from './results';
import { syncHandlers } from './sync';
import { vesselHandlers } from './vessels';
import { voyageHandlers } from './voyage';
import { wageHandlers } from './wages';

/** The full handler table: one spread per domain file in this folder. */
export const handlers = {
  ...appHandlers,
  ...vesselHandlers,
  ...auditHandlers,
  ...crewHandlers,
  ...ingestHandlers,
  ...wageHandlers,
  ...voyageHandlers,
  ...interviewHandlers,
  ...syncHandlers,
  ...resultHandlers,
  ...impactHandlers,
} satisfies Handlers;
