import { z } from 'zod';
import { Role } from './roles';

/**
 * What the device and the hub say to each other besides the Yjs documents:
 * the one definition both sides import (hub/http.ts, hub/persistence.ts,
 * hub/tokens.ts; main/sync/*). A change here is a change of the protocol.
 */

/** The audience of every device token: the hub refuses a token signed for anything else. */
export const TOKEN_AUDIENCE = 'gangway-hub';

/** What `GET /health` answers; `hub` tells a Gangway hub from any other server at that address. */
export const HubHealth = z.object({ hub: z.literal('gangway'), clock: z.number().int() });
export type HubHealth = z.infer<typeof HubHealth>;

/** What `GET /manifest?since=N` answers: the hub's clock now, and the documents this device may read changed since N. */
export const Manifest = z.object({
  clock: z.number().int(),
  documents: z.array(z.object({ name: z.string(), clock: z.number().int() })),
});
export type Manifest = z.infer<typeof Manifest>;

/**
 * What `GET /blobs/<sha256>` and each `PUT /blobs/<sha256>?offset&size`
 * answer. `resumeAt` is set when a chunk came at the wrong offset (nothing
 * was written); `duplicate` when the hub already held the whole blob.
 */
export const BlobState = z.object({
  sha256: z.string(),
  size: z.number().int().nullable(),
  received: z.number().int(),
  complete: z.boolean(),
  resumeAt: z.number().int().optional(),
  duplicate: z.boolean().optional(),
});
export type BlobState = z.infer<typeof BlobState>;

/** The device sends evidence in 1 MiB chunks: a dropped port Wi-Fi link costs at most one MiB of resend. */
export const BLOB_CHUNK_SIZE = 1024 * 1024;
/** The hub refuses chunks above 8 MiB. */
export const MAX_BLOB_CHUNK = 8 * 1024 * 1024;

/** What `POST /enrol` carries: the one-time code, the device's name and the public half of its Ed25519 key. */
export const EnrolmentRegistration = z.object({
  code: z.string().min(4).max(40),
  name: z.string().trim().min(1).max(120),
  publicJwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(40).max(60) }),
});
export type EnrolmentRegistration = z.infer<typeof EnrolmentRegistration>;

/** What `POST /enrol` answers: who the hub enrolled this device as. */
export const EnrolmentAnswer = z.object({ deviceId: z.string(), role: Role, agency: z.string(), userName: z.string() });
export type EnrolmentAnswer = z.infer<typeof EnrolmentAnswer>;

/** Any refused HTTP request: a GangwayError's code and its sentence for a person. */
export interface HubErrorBody {
  error?: { code?: string; message?: string };
}

/**
 * Close reasons on a document's WebSocket: a prefix, then a sentence for a
 * person. REFUSED: the hub will not serve the document to this device now.
 * RESET: the hub refused a change and the device must pull the document afresh.
 */
export const CLOSE_REFUSED = 'gangway:refused:';
export const CLOSE_RESET = 'gangway:reset:';
