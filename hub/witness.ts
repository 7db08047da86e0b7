import crypto from 'node:crypto';
import { z } from 'zod';
import {
  checkpointText, cosign, formatNote, parseCheckpoint, parseNote, publicKeyOf, verifyConsistency, verifyNoteSignature, NoteError,
} from '../shared/evidence-log';
import { GangwayError } from '../shared/errors';
import type { TsaClient } from '../main/evidence-log/timestamp';
import { inTransaction } from '../main/store/database';
import type { DeviceRecord } from './enrolment';
import type { HubStore } from './store';

/**
 * The hub as a witness of each device's evidence log (after the transparency
 * log witnesses of C2SP): it remembers the last checkpoint it cosigned per
 * log, cosigns a newer one only with a consistency proof that the log just
 * grew, and flags a device whose log does not extend what it saw: a fork,
 * which is what rewriting history looks like. It never sees an entry, only
 * sizes and roots, so it learns nothing of a union's confidential work.
 */

const B64 = z.string().max(200).regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const WitnessRequest = z.object({
  /** The device log's Ed25519 public key, base64. */
  publicKey: B64,
  /** The device-signed checkpoint (a C2SP signed note). */
  note: z.string().min(1).max(4096),
  /** The size of the checkpoint the hub last cosigned for this log (0 for the first), and the proof from it. */
  fromSize: z.number().int().min(0),
  proof: z.array(B64).max(128),
});
export type WitnessRequest = z.infer<typeof WitnessRequest>;

export const WitnessAnswer = z.object({
  witnessedNote: z.string(),
  witnessName: z.string(),
  witnessKey: B64,
  witnessedAt: z.string(),
  timestampToken: z.string().nullable(),
  timestampError: z.string().nullable(),
});
export type WitnessAnswer = z.infer<typeof WitnessAnswer>;

export const WitnessState = z.object({ origin: z.string(), size: z.number().int(), cosignedAt: z.string() }).nullable();

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

export interface ForkReport {
  origin: string;
  deviceId: string;
  knownSize: number;
  reason: string;
  reportedAt: string;
}

export class Witness {
  constructor(
    private readonly hub: HubStore,
    private readonly options: { name?: string; tsa?: TsaClient; clock?: () => Date; log?: (line: string) => void } = {},
  ) {}

  /** The witness key, made on the hub's first witnessing. */
  key(): { name: string; secretKey: Uint8Array; publicKey: Uint8Array } {
    const row = this.hub.db.prepare('SELECT name, secret_key AS s, public_key AS p FROM witness_key WHERE id = 1').get() as { name: string; s: Buffer; p: Buffer } | undefined;
    if (row) return { name: row.name, secretKey: new Uint8Array(row.s), publicKey: new Uint8Array(row.p) };
    const secretKey = new Uint8Array(crypto.randomBytes(32));
    const name = this.options.name ?? `gangway.hub/${crypto.randomUUID()}`;
    this.hub.db.prepare('INSERT OR IGNORE INTO witness_key (id, name, secret_key, public_key, created_at) VALUES (1, ?, ?, ?, ?)').run(name, Buffer.from(secretKey), Buffer.from(publicKeyOf(secretKey)), new Date().toISOString());
    return this.key();
  }

  state(origin: string): z.infer<typeof WitnessState> {
    const row = this.hub.db.prepare('SELECT origin, size, cosigned_at AS cosignedAt FROM witness_logs WHERE origin = ?').get(origin) as { origin: string; size: number; cosignedAt: string } | undefined;
    return row ?? null;
  }

  forks(): ForkReport[] {
    return this.hub.db
      .prepare('SELECT origin, device_id AS deviceId, known_size AS knownSize, reason, reported_at AS reportedAt FROM witness_forks ORDER BY id')
      .all() as ForkReport[];
  }

  async witness(device: DeviceRecord, input: unknown): Promise<WitnessAnswer> {
    const parsedInput = WitnessRequest.safeParse(input);
    if (!parsedInput.success) throw new GangwayError('VALIDATION', 'The witness request is not in the expected shape; update Gangway on the device.');
    const req = parsedInput.data;
    let note;
    let checkpoint;
    try {
      note = parseNote(req.note);
      checkpoint = parseCheckpoint(note.text);
    } catch (e) {
      throw new GangwayError('VALIDATION', `The checkpoint is not a signed note: ${e instanceof NoteError ? e.message : 'unreadable'}`);
    }
    if (checkpointText(checkpoint) !== note.text) throw new GangwayError('VALIDATION', 'The checkpoint has extension lines the hub does not cosign.');
    const publicKey = unb64(req.publicKey);
    if (publicKey.length !== 32 || !verifyNoteSignature(note, { name: checkpoint.origin, publicKey })) {
      throw new GangwayError('VALIDATION', 'The checkpoint signature does not verify with the key sent beside it.');
    }
    const answer = inTransaction(this.hub.db, () => {
      const known = this.hub.db.prepare('SELECT device_id AS deviceId, public_key AS publicKey, size, root FROM witness_logs WHERE origin = ?').get(checkpoint.origin) as
        | { deviceId: string; publicKey: Buffer; size: number; root: Buffer }
        | undefined;
      if (known) {
        if (known.deviceId !== device.id || Buffer.compare(known.publicKey, Buffer.from(publicKey)) !== 0) {
          throw new GangwayError('FORBIDDEN', `The evidence log ${checkpoint.origin} belongs to another device or key; the hub witnesses a log only for the device that first showed it.`);
        }
        if (req.fromSize !== known.size) throw new GangwayError('CONFLICT', `The hub last cosigned this log at size ${known.size}; send a consistency proof from that size.`);
        const consistent = verifyConsistency(known.size, checkpoint.size, new Uint8Array(known.root), checkpoint.root, req.proof.map(unb64));
        if (!consistent) {
          const reason = checkpoint.size < known.size ? 'the log is shorter than a checkpoint the hub cosigned' : 'the log does not extend the checkpoint the hub cosigned';
          this.hub.db
            .prepare('INSERT INTO witness_forks (origin, device_id, known_size, known_root, claimed_note, reason, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(checkpoint.origin, device.id, known.size, known.root, req.note, reason, new Date().toISOString());
          return { fork: reason } as const;
        }
      } else if (req.fromSize !== 0) {
        throw new GangwayError('CONFLICT', 'The hub has not cosigned this log before; send the checkpoint with fromSize 0.');
      }
      const key = this.key();
      const at = (this.options.clock ?? (() => new Date()))();
      const seconds = Math.floor(at.getTime() / 1000);
      const witnessedNote = formatNote({ text: note.text, signatures: [...note.signatures, cosign(note.text, key.name, key.secretKey, seconds)] });
      const witnessedAt = new Date(seconds * 1000).toISOString();
      this.hub.db
        .prepare(
          `INSERT INTO witness_logs (origin, device_id, public_key, size, root, note, cosigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (origin) DO UPDATE SET size = excluded.size, root = excluded.root, note = excluded.note, cosigned_at = excluded.cosigned_at`,
        )
        .run(checkpoint.origin, device.id, Buffer.from(publicKey), checkpoint.size, Buffer.from(checkpoint.root), witnessedNote, witnessedAt);
      return { witnessedNote, witnessName: key.name, witnessKey: b64(key.publicKey), witnessedAt };
    });
    if ('fork' in answer) {
      this.options.log?.(`evidence log FORK: device ${device.id} (${device.name}) showed ${checkpoint.origin} at size ${checkpoint.size}: ${answer.fork}`);
      throw new GangwayError('CONFLICT', `The hub did not cosign: ${answer.fork}. This has been reported to the port office; evidence recorded before the last witnessed checkpoint cannot be rewritten.`);
    }
    // The timestamp comes after the commit: an authority that is down must not stop witnessing.
    let timestampToken: string | null = null;
    let timestampError: string | null = null;
    if (this.options.tsa) {
      try {
        timestampToken = b64(await this.options.tsa.timestamp(crypto.createHash('sha256').update(note.text).digest()));
      } catch (e) {
        timestampError = (e as Error).message;
      }
    }
    return { ...answer, timestampToken, timestampError };
  }
}
