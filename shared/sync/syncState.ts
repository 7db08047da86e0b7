import { z } from 'zod';
import { IsoDateTime } from '../domain/ids';
import { Role } from './roles';

/** What the Sync page shows: the hub, this device's enrolment, and each document's state. */
export const DocSyncState = z.enum(['local-only', 'pending', 'syncing', 'synced', 'refused', 'error']);
export type DocSyncState = z.infer<typeof DocSyncState>;

export const DocStatus = z.object({
  name: z.string(),
  state: DocSyncState,
  localClock: z.number().int(),
  pushedClock: z.number().int(),
  message: z.string().optional(),
});
export type DocStatus = z.infer<typeof DocStatus>;

export const ConnectionState = z.enum(['not-enrolled', 'offline', 'connecting', 'syncing', 'idle', 'backing-off']);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const SyncStatus = z.object({
  hubUrl: z.string().nullable(),
  enrolled: z.boolean(),
  deviceId: z.string().nullable(),
  role: Role.nullable(),
  agency: z.string().nullable(),
  connection: ConnectionState,
  lastSyncAt: IsoDateTime.nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: IsoDateTime.nullable(),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  blobs: z.object({ pending: z.number().int(), uploadedBytes: z.number().int(), totalBytes: z.number().int() }),
  documents: z.array(DocStatus),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
