import { canonicalJson } from '../../shared/evidence-log';
import type { Db } from '../store/database';
import { EvidenceLog, sha256Hex, type AppendInput } from './log';

/**
 * What the write paths call, inside their own transaction, to put a record
 * into the evidence log: the entry lands with the row it describes, or
 * neither does.
 */
export function logRecord(db: Db, input: AppendInput): number {
  return new EvidenceLog(db).append(input).index;
}

/** The hash a record is logged under: SHA-256 of its canonical JSON. */
export const recordHash = (record: unknown): string => sha256Hex(canonicalJson(record));

/** A checkpoint now (an audit was completed, a report made): the log's state is signed at that moment. */
export function checkpointNow(db: Db, reason: string): void {
  new EvidenceLog(db).checkpoint(reason);
}
