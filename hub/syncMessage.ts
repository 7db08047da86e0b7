import * as decoding from 'lib0/decoding';

/** Hocuspocus message types that carry Yjs sync (server's MessageType.Sync and SyncReply). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync sub-types that carry document content (SyncStep2 and Update). */
const STEP2 = 1;
const UPDATE = 2;

/**
 * Pulls the Yjs update out of a Hocuspocus message, if it carries one:
 * [docName: varString][type: varUint][syncType: varUint][update: varUint8Array].
 * Anything else (auth, awareness, step 1, stateless) gives null.
 */
export function updateInMessage(data: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(data);
  decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type !== SYNC && type !== SYNC_REPLY) return null;
  const syncType = decoding.readVarUint(d);
  if (syncType !== STEP2 && syncType !== UPDATE) return null;
  return decoding.readVarUint8Array(d);
}
