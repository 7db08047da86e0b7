import { z } from 'zod';
import { method } from '../contract';
import { Id } from '../../domain/ids';
import { Confidentiality, Role, SyncStatus } from '../../sync';

export const SyncRound = z.object({
  documents: z.number().int(),
  synced: z.number().int(),
  refused: z.number().int(),
  blobsSent: z.number().int(),
  bytesSent: z.number().int(),
  bytesReceived: z.number().int(),
});

export const syncMethods = {
  'sync.status': method({ summary: 'The hub, this device’s enrolment, progress and each document’s sync state', input: z.object({}).default({}), output: SyncStatus }),
  'sync.enrol': method({
    summary: 'Enrol this device with a port hub using a one-time code from the hub administrator',
    input: z.object({
      hub: z.string().trim().min(1, 'type the hub address, e.g. hub.port.local:1234').max(300),
      code: z.string().trim().min(4, 'type the enrolment code').max(60),
      deviceName: z.string().trim().min(1).max(120).default('Gangway laptop'),
    }),
    output: SyncStatus,
  }),
  'sync.start': method({ summary: 'Sync in the background whenever the hub is reachable', input: z.object({}).default({}), output: SyncStatus }),
  'sync.stop': method({ summary: 'Stop background sync (work stays on this device)', input: z.object({}).default({}), output: SyncStatus }),
  'sync.now': method({ summary: 'Sync once, now', input: z.object({}).default({}), output: SyncRound }),
  'sync.resetDocument': method({
    summary: 'Drop this device’s copy of a document the hub refused, and pull it again from the hub',
    input: z.object({ name: z.string().min(1).max(200) }),
    output: SyncStatus,
  }),
  'sync.setSharing': method({
    summary: 'Choose who besides the owning agency may read an audit (confidentiality is fixed once the audit is shared)',
    input: z.object({ auditId: Id, confidentiality: Confidentiality.optional(), sharedWith: z.array(Role) }),
    output: z.object({ auditId: Id }),
  }),
};
