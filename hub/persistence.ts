import * as Y from 'yjs';
import type { Extension, beforeHandleMessagePayload, onAuthenticatePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { GangwayError } from '../shared/errors';
import { auditDocName, auditParts, CLOSE_REFUSED, CLOSE_RESET, parseDocName, protectedContentLost, summaryMap } from '../shared/sync';
import { decideAccess } from './access';
import { getDevice, type DeviceRecord } from './enrolment';
import type { HubStore } from './store';
import { updateInMessage } from './syncMessage';
import { verifyDeviceToken } from './tokens';

export interface HubContext {
  device: DeviceRecord;
}


/** Hocuspocus turns a thrown object with `reason` into a permission-denied or close message. */
function refusal(reason: string, code = 4403): Error & { reason: string; code: number } {
  return Object.assign(new Error(reason), { reason, code });
}

/**
 * The hub's store and guard, as one Hocuspocus extension so the storage can
 * be swapped (PostgreSQL later) without touching the server. Every update is
 * logged with its device and user *before* Hocuspocus applies and
 * acknowledges it, so an acknowledged update is always on disk.
 */
export class HubExtension implements Extension {
  extensionName = 'gangway-hub';
  priority = 1000;

  constructor(private readonly hub: HubStore, private readonly log: (line: string) => void = () => {}) {}

  async onAuthenticate(data: onAuthenticatePayload): Promise<HubContext> {
    let device: DeviceRecord;
    try {
      device = await verifyDeviceToken(this.hub, data.token);
    } catch (e) {
      throw refusal(CLOSE_REFUSED + (e instanceof GangwayError ? e.message : 'The token does not verify.'), 4401);
    }
    const access = decideAccess(device, data.documentName, this.hub.docMeta(data.documentName), (d) => this.hub.docMeta(d));
    if (!access.allow) throw refusal(CLOSE_REFUSED + (access.reason ?? 'Not allowed.'));
    data.connectionConfig.readOnly = access.readOnly;
    return { device };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const state = this.hub.loadState(documentName);
    if (state) Y.applyUpdate(document, state, 'hub-load');
  }

  /**
   * Runs before Hocuspocus applies a message. Read-only connections are left
   * to Hocuspocus (it answers "not applied" and drops the update). An update
   * that is corrupt, that deletes or rewrites protected content, or that
   * claims the audit for another agency is refused and the document is
   * closed for that device with a reset instruction.
   */
  async beforeHandleMessage({ update: message, document, documentName, context, connection }: beforeHandleMessagePayload): Promise<void> {
    let update: Uint8Array | null;
    try {
      update = updateInMessage(message);
    } catch {
      throw refusal(CLOSE_RESET + 'The hub could not read a message from this device. Reset this document from the hub.', 4400);
    }
    if (!update || connection.readOnly) return;
    const device = (context as HubContext).device;
    const current = getDevice(this.hub, device.id);
    if (!current || current.revokedAt) throw refusal(CLOSE_REFUSED + 'This device was revoked. Ask the hub administrator to enrol it again.', 4401);
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
      if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return;
      if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
    } catch {
      throw refusal(CLOSE_RESET + 'The hub received a damaged update. Reset this document from the hub; nothing on the hub was changed.', 4400);
    }
    const parsed = parseDocName(documentName);
    if (!parsed) throw refusal(CLOSE_REFUSED + 'Unknown document.');
    const meta = this.hub.docMeta(documentName);
    const metaMap = parsed.kind === 'audit' ? auditParts(document).meta : null;
    // Protected content can only be lost through deletions; and the owning agency can
    // only be claimed by an update while the document does not name one yet. Only
    // then is the update tried on a copy first (the common case, an insertion, is not).
    // A summary is small and always tried: it must be about the audit it is named for.
    const needsTrial = decoded.ds.clients.size > 0 || (metaMap !== null && metaMap.get('agency') === undefined) || parsed.kind === 'summary';
    const trial = needsTrial ? new Y.Doc({ gc: false }) : null;
    try {
      if (trial) {
        Y.applyUpdate(trial, Y.encodeStateAsUpdate(document));
        Y.applyUpdate(trial, update);
        const problems = protectedContentLost(parsed.kind, document, trial);
        if (parsed.kind === 'audit') {
          const agency = auditParts(trial).meta.get('agency');
          const owner = meta?.agency ?? device.agency;
          if (agency !== undefined && agency !== owner) problems.push(`the audit names agency "${String(agency)}" but belongs to "${owner}"`);
        }
        if (parsed.kind === 'summary') {
          const s = summaryMap(trial);
          const owner = this.hub.docMeta(auditDocName(parsed.key))?.agency ?? meta?.agency ?? device.agency;
          if (s.get('auditId') !== undefined && s.get('auditId') !== parsed.key) problems.push(`the summary is about audit "${String(s.get('auditId'))}", not ${parsed.key}`);
          if (s.get('agency') !== undefined && s.get('agency') !== owner) problems.push(`the summary names agency "${String(s.get('agency'))}" but the audit belongs to "${owner}"`);
        }
        if (problems.length > 0) {
          this.log(`refused update to ${documentName} from device ${device.id} (${device.userName}): ${problems.join('; ')}`);
          throw refusal(`${CLOSE_RESET}The hub refused this change because ${problems.join('; ')}. Reset this document from the hub to continue.`, 4409);
        }
      }
      this.hub.appendUpdate(documentName, parsed.kind, update, device.id, device.userName);
      // Devices keep the documents they synced open between rounds. One revoked since (by `gangway hub revoke`
      // in another process, which the revocation watch sees only every few seconds) must not receive this change.
      for (const other of document.getConnections()) {
        const id = (other.context as Partial<HubContext> | undefined)?.device?.id;
        if (other !== connection && id && getDevice(this.hub, id)?.revokedAt) {
          other.close({ code: 4401, reason: CLOSE_REFUSED + 'This device was revoked. Ask the hub administrator to enrol it again.' });
        }
      }
      // Apply now, in the same tick as the log write, so a snapshot taken at
      // any later moment covers every update up to the document's clock.
      Y.applyUpdate(document, update, connection);
      if (metaMap) {
        const sharedWith = metaMap.get('sharedWith');
        const confidentiality = metaMap.get('confidentiality');
        const access = {
          agency: meta?.agency ?? device.agency,
          ...(typeof confidentiality === 'string' ? { confidentiality } : {}),
          ...(Array.isArray(sharedWith) ? { sharedWith: sharedWith.map(String) } : {}),
        };
        if (!meta || meta.agency !== access.agency || meta.confidentiality !== (access.confidentiality ?? null) || JSON.stringify(meta.sharedWith) !== JSON.stringify(access.sharedWith ?? meta.sharedWith)) {
          this.hub.setDocAccess(documentName, parsed.kind, access);
        }
      } else if (!meta?.agency) {
        this.hub.setDocAccess(documentName, parsed.kind, { agency: device.agency });
      }
    } catch (e) {
      if ((e as { reason?: string }).reason) throw e;
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR') {
        this.log(`disk full or failing while storing ${documentName}: ${(e as Error).message}`);
        throw refusal(CLOSE_REFUSED + 'The hub cannot store changes right now (its disk is full). Your changes are safe on this device; sync again later.', 4507);
      }
      throw refusal(CLOSE_RESET + `The hub could not apply this change (${(e as Error).message}). Reset this document from the hub.`, 4400);
    } finally {
      trial?.destroy();
    }
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    const meta = this.hub.docMeta(documentName);
    if (!meta || meta.clock === 0) return;
    this.hub.saveSnapshot(documentName, Y.encodeStateAsUpdate(document), meta.clock);
  }
}
