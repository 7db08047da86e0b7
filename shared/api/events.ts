import { z } from 'zod';
import { Audit, Finding } from '../domain/audit';
import { Vessel } from '../domain/vessel';
import { IngestStatus } from './methods/ingest';

/**
 * Events the core pushes to every connected UI (Electron IPC or the server's
 * WebSocket at /api/events). Add a domain's events here, one schema each.
 */
export const events = {
  'vessel.changed': Vessel,
  'audit.changed': Audit,
  'finding.added': Finding,
  'ingest.status': IngestStatus,
  'progress': z.object({
    task: z.string(), // e.g. "import:<id>"
    label: z.string(),
    done: z.number(),
    total: z.number().optional(),
    finished: z.boolean().default(false),
    error: z.string().optional(),
  }),
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.infer<Events[K]>;
