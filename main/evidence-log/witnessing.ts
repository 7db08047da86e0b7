import { GangwayError } from '../../shared/errors';
import type { Db } from '../store/database';
import { httpUrlOf } from '../sync/device';
import { EvidenceLog } from './log';

export interface WitnessOutcome {
  size: number;
  witnessedAt: string;
  timestamped: boolean;
  timestampError: string | null;
}

async function call(url: string, init: RequestInit, fetcher: typeof fetch): Promise<unknown> {
  const res = await fetcher(url, { ...init, signal: AbortSignal.timeout(20_000) });
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new GangwayError(res.status === 409 ? 'CONFLICT' : 'DEVICE', body?.error?.message ?? `The hub answered ${res.status} to the witness request.`);
  return body;
}

/**
 * At port: a checkpoint of the log as it is now, a consistency proof from
 * the checkpoint the hub last cosigned, and back the cosigned note (and the
 * timestamp the hub got for it), kept beside our own checkpoint.
 */
export async function witnessAtHub(db: Db, hub: string, token: () => Promise<string>, fetcher: typeof fetch = fetch): Promise<WitnessOutcome | null> {
  const log = new EvidenceLog(db);
  if (log.size() === 0) return null;
  const mine = log.checkpoint('witnessed at port');
  if (mine.witnessedNote) return null;
  const key = log.key();
  const base = `${httpUrlOf(hub)}/witness`;
  const state = (await call(`${base}?origin=${encodeURIComponent(key.origin)}`, { headers: { Authorization: `Bearer ${await token()}` } }, fetcher)) as { size: number } | null;
  const fromSize = state?.size ?? 0;
  const proof = fromSize > 0 && fromSize < mine.size ? log.consistencyProof(fromSize, mine.size) : [];
  const answer = (await call(
    base,
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${await token()}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ publicKey: Buffer.from(key.publicKey).toString('base64'), note: mine.note, fromSize, proof: proof.map((h) => Buffer.from(h).toString('base64')) }),
    },
    fetcher,
  )) as { witnessedNote: string; witnessName: string; witnessKey: string; witnessedAt: string; timestampToken: string | null; timestampError: string | null };
  log.recordWitness(mine.size, {
    witnessedNote: answer.witnessedNote,
    witnessName: answer.witnessName,
    witnessKey: new Uint8Array(Buffer.from(answer.witnessKey, 'base64')),
    witnessedAt: answer.witnessedAt,
    timestampToken: answer.timestampToken ? new Uint8Array(Buffer.from(answer.timestampToken, 'base64')) : null,
  });
  return { size: mine.size, witnessedAt: answer.witnessedAt, timestamped: answer.timestampToken !== null, timestampError: answer.timestampError };
}
