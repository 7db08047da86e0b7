import { z } from 'zod';
import { Id, IsoDateTime, Sha256 } from '../domain/ids';

/** What an evidence blob is; interviews are never shared unencrypted. */
export const EvidenceKind = z.enum(['interview_audio', 'interview_notes', 'nmea_archive', 'bank_file', 'photo', 'document', 'other']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

const INTERVIEW_KINDS: ReadonlySet<EvidenceKind> = new Set(['interview_audio', 'interview_notes']);

/**
 * A reference to a blob by content hash. The blob itself travels by the
 * chunked upload (main/sync/blobUpload.ts); only this reference enters the
 * shared document. Interview content must be encrypted before it is hashed
 * and referenced: interview content never enters a shared document in plaintext.
 */
export const EvidenceRef = z
  .object({
    sha256: Sha256,
    size: z.number().int().nonnegative(),
    mediaType: z.string().min(1).max(200),
    kind: EvidenceKind,
    encrypted: z.boolean(),
    findingId: Id.optional(),
    addedAt: IsoDateTime,
  })
  .strict()
  .refine((e) => !INTERVIEW_KINDS.has(e.kind) || e.encrypted, {
    message: 'interview evidence must be encrypted before it is shared',
    path: ['encrypted'],
  });
export type EvidenceRef = z.infer<typeof EvidenceRef>;
