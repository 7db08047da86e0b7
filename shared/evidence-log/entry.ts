import { z } from 'zod';

/**
 * One leaf of the evidence log. It names what was recorded and its hash,
 * never its content: the log can be shown to a court or a witness without
 * showing a crew member's name or answer. Times follow eyeWitness to
 * Atrocities' rule: only what is known to be accurate is written; a time that
 * cannot be known is null, never guessed. The hub's time is not in the leaf:
 * it comes from the witness's cosignature of the first checkpoint that holds it.
 */
export const LogEntryKind = z.enum([
  'evidence', // an evidence blob (photo, document, statement, recording): its SHA-256
  'finding',
  'checklist', // a checklist result
  'crew', // a crew-list change (pseudonyms only)
  'interview', // an interview record: the hash of its ciphertext
  'report',
  'export',
  'custody', // a view or export of confidential data
  'audit', // an audit's status change (completed, reopened)
]);
export type LogEntryKind = z.infer<typeof LogEntryKind>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');

export const LogEntry = z
  .object({
    v: z.literal(1),
    kind: LogEntryKind,
    auditId: z.string().max(100).nullable(),
    /** The id of what the entry is about (a blob's hash, a finding id, a checklist key…). */
    subject: z.string().min(1).max(200),
    /** SHA-256 of the recorded bytes (a blob) or of the record's canonical JSON. */
    contentHash: Sha256Hex,
    /** For a derived copy (redacted, resized): the content hash of its original, which is never altered. */
    original: Sha256Hex.nullable(),
    /** A short label, never personal data ("completed", "viewed interview answers"). */
    action: z.string().max(80).nullable(),
    times: z.object({
      /** The device clock at the moment of recording. */
      device: z.iso.datetime(),
      /** GNSS time from a fix seen within the freshness window; null when there was none. */
      gnss: z.iso.datetime().nullable(),
    }),
  })
  .strict();
export type LogEntry = z.infer<typeof LogEntry>;

/** Key-sorted JSON: the same entry always gives the same leaf bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const entryBytes = (entry: LogEntry): Uint8Array => new TextEncoder().encode(canonicalJson(LogEntry.parse(entry)));

export function parseEntryBytes(bytes: Uint8Array): LogEntry {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  const entry = LogEntry.parse(JSON.parse(text));
  if (canonicalJson(entry) !== text) throw new Error('The entry is not in canonical form.');
  return entry;
}

/** How long a GNSS fix stays good enough to date an entry: a receiver on a 1 Hz feed that stops for longer is not trusted. */
export const GNSS_FRESH_MS = 60_000;
