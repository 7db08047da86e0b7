import crypto from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import {
  GNSS_FRESH_MS, LogEntry, checkpointText, completedSubtrees, consistencyProof, entryBytes, formatNote, hashLeaf, inclusionProof,
  parseCheckpoint, parseNote, publicKeyOf, signNote, treeRoot, type Checkpoint, type Hash, type LogEntryKind, type SubtreeReader,
} from '../../shared/evidence-log';
import { GangwayError } from '../../shared/errors';
import { inTransaction, type Db } from '../store/database';
import { StoredGnssClock } from './gnss-clock';

/** The time a receiver gave with its last fix, and when (monotonic) that fix arrived. */
export interface GnssClock {
  /** GNSS time now, extrapolated from a fix seen within GNSS_FRESH_MS; null without a fresh fix. */
  now(): Date | null;
}


/** Remembers the last live fix; the ingest pipeline feeds it, the log reads it. */
export class LiveGnssClock implements GnssClock {
  private last: { gnssMs: number; seenAt: number } | null = null;
  constructor(private readonly monotonic: () => number = () => performance.now()) {}
  observe(gnssMs: number): void {
    this.last = { gnssMs, seenAt: this.monotonic() };
  }
  now(): Date | null {
    if (!this.last) return null;
    const age = this.monotonic() - this.last.seenAt;
    return age >= 0 && age <= GNSS_FRESH_MS ? new Date(this.last.gnssMs + age) : null;
  }
}

export interface AppendInput {
  kind: LogEntryKind;
  auditId?: string | null;
  subject: string;
  contentHash: string;
  original?: string | null;
  action?: string | null;
}

export interface StoredCheckpoint {
  size: number;
  note: string;
  reason: string;
  createdAt: string;
  witnessedNote: string | null;
  witnessName: string | null;
  witnessKey: Uint8Array | null;
  witnessedAt: string | null;
  timestampToken: Uint8Array | null;
}

export interface LogKey {
  origin: string;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export const sha256Hex = (bytes: Uint8Array | string): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** A checkpoint is written at least this often while the log grows. */
export const CHECKPOINT_EVERY_MS = 24 * 3600_000;

/**
 * The device's evidence log: entries, the Merkle tree's complete subtrees,
 * and signed checkpoints, all in the device store. Appending is one
 * transaction (nested as a savepoint when the caller has one open, so the
 * entry lands with the record it describes or not at all).
 */
export class EvidenceLog implements SubtreeReader {
  private readonly stmts: {
    size: Statement;
    node: Statement;
    insertEntry: Statement;
    insertNode: Statement;
  };

  constructor(
    private readonly db: Db,
    private readonly options: { gnss?: GnssClock; clock?: () => Date } = {},
  ) {
    this.stmts = {
      size: db.prepare('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM evidence_log_entries'),
      node: db.prepare('SELECT hash FROM evidence_log_nodes WHERE level = ? AND idx = ?').pluck(),
      insertEntry: db.prepare('INSERT INTO evidence_log_entries (idx, data, kind, audit_id, subject, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      insertNode: db.prepare('INSERT INTO evidence_log_nodes (level, idx, hash) VALUES (?, ?, ?)'),
    };
  }

  size(): number {
    return (this.stmts.size.get() as { n: number }).n;
  }

  subtree(level: number, index: number): Hash {
    const h = this.stmts.node.get(level, index) as Buffer | undefined;
    if (!h) throw new GangwayError('INTERNAL', `The evidence log is missing its node ${level}/${index}; the store is damaged. Restore it from a backup.`);
    return new Uint8Array(h);
  }

  append(input: AppendInput): { index: number; entry: LogEntry } {
    const clock = this.options.clock ?? (() => new Date());
    const gnss = (this.options.gnss ?? new StoredGnssClock(this.db)).now();
    const entry = LogEntry.parse({
      v: 1,
      kind: input.kind,
      auditId: input.auditId ?? null,
      subject: input.subject,
      contentHash: input.contentHash,
      original: input.original ?? null,
      action: input.action ?? null,
      times: { device: clock().toISOString(), gnss: gnss ? gnss.toISOString() : null },
    });
    const data = entryBytes(entry);
    const index = inTransaction(this.db, () => {
      const idx = this.size();
      this.stmts.insertEntry.run(idx, Buffer.from(data), entry.kind, entry.auditId, entry.subject, entry.times.device);
      for (const n of completedSubtrees(idx, hashLeaf(data), (l, i) => this.subtree(l, i))) this.stmts.insertNode.run(n.level, n.index, Buffer.from(n.hash));
      return idx;
    });
    return { index, entry };
  }

  root(size = this.size()): Hash {
    return treeRoot(this, size);
  }

  inclusionProof(index: number, size = this.size()): Hash[] {
    return inclusionProof(this, index, size);
  }

  consistencyProof(from: number, to = this.size()): Hash[] {
    return consistencyProof(this, from, to);
  }

  entryData(index: number): Uint8Array {
    const row = this.db.prepare('SELECT data FROM evidence_log_entries WHERE idx = ?').pluck().get(index) as Buffer | undefined;
    if (!row) throw new GangwayError('NOT_FOUND', `The evidence log has no entry ${index}.`);
    return new Uint8Array(row);
  }

  /** Entries about one audit, oldest first. */
  entriesOfAudit(auditId: string): Array<{ index: number; data: Uint8Array }> {
    return (this.db.prepare('SELECT idx, data FROM evidence_log_entries WHERE audit_id = ? ORDER BY idx').all(auditId) as { idx: number; data: Buffer }[]).map((r) => ({ index: r.idx, data: new Uint8Array(r.data) }));
  }

  /** Entries about one subject (a blob hash, a finding id), oldest first. */
  entriesAbout(subject: string): Array<{ index: number; data: Uint8Array }> {
    return (this.db.prepare('SELECT idx, data FROM evidence_log_entries WHERE subject = ? ORDER BY idx').all(subject) as { idx: number; data: Buffer }[]).map((r) => ({ index: r.idx, data: new Uint8Array(r.data) }));
  }

  /**
   * The key that signs this device's checkpoints, made on first use. It is
   * kept in the store unsealed on purpose: checkpoints must be written at
   * every audit completion and daily, also while the vault is locked. What
   * makes the log hard to rewrite is not this signature (whoever holds the
   * laptop holds the key) but the witness: once the hub has cosigned a
   * checkpoint, any rewrite of what it covers is a fork the hub detects.
   */
  key(): LogKey {
    const row = this.db.prepare('SELECT origin, secret_key AS s, public_key AS p FROM evidence_log_key WHERE id = 1').get() as { origin: string; s: Buffer; p: Buffer } | undefined;
    if (row) return { origin: row.origin, secretKey: new Uint8Array(row.s), publicKey: new Uint8Array(row.p) };
    const secretKey = new Uint8Array(crypto.randomBytes(32));
    const publicKey = publicKeyOf(secretKey);
    const origin = `gangway.device/${crypto.randomUUID()}`;
    this.db.prepare('INSERT OR IGNORE INTO evidence_log_key (id, origin, secret_key, public_key, created_at) VALUES (1, ?, ?, ?, ?)').run(origin, Buffer.from(secretKey), Buffer.from(publicKey), new Date().toISOString());
    return this.key();
  }

  /** Signs a checkpoint of the log as it is now, unless the newest checkpoint already covers it. */
  checkpoint(reason: string): StoredCheckpoint {
    return inTransaction(this.db, () => {
      const size = this.size();
      const latest = this.latestCheckpoint();
      if (latest && latest.size === size) return latest;
      const key = this.key();
      const body: Checkpoint = { origin: key.origin, size, root: this.root(size), extensions: [] };
      const text = checkpointText(body);
      const note = formatNote({ text, signatures: [signNote(text, key.origin, key.secretKey)] });
      this.db.prepare('INSERT INTO evidence_log_checkpoints (size, note, reason, created_at) VALUES (?, ?, ?, ?)').run(size, note, reason, new Date().toISOString());
      return this.checkpointAt(size)!;
    });
  }

  /** The daily checkpoint: written when the log grew and the last one is a day old (or there is none). */
  checkpointIfDue(now = Date.now()): StoredCheckpoint | null {
    const latest = this.latestCheckpoint();
    if (latest && latest.size === this.size()) return null;
    if (latest && now - Date.parse(latest.createdAt) < CHECKPOINT_EVERY_MS) return null;
    return this.checkpoint('daily');
  }

  private static toCheckpoint(r: Record<string, unknown> | undefined): StoredCheckpoint | null {
    if (!r) return null;
    const bytes = (v: unknown): Uint8Array | null => (v ? new Uint8Array(v as Buffer) : null);
    return {
      size: r.size as number,
      note: r.note as string,
      reason: r.reason as string,
      createdAt: r.created_at as string,
      witnessedNote: (r.witnessed_note as string | null) ?? null,
      witnessName: (r.witness_name as string | null) ?? null,
      witnessKey: bytes(r.witness_key),
      witnessedAt: (r.witnessed_at as string | null) ?? null,
      timestampToken: bytes(r.timestamp_token),
    };
  }

  checkpointAt(size: number): StoredCheckpoint | null {
    return EvidenceLog.toCheckpoint(this.db.prepare('SELECT * FROM evidence_log_checkpoints WHERE size = ?').get(size) as Record<string, unknown> | undefined);
  }

  latestCheckpoint(): StoredCheckpoint | null {
    return EvidenceLog.toCheckpoint(this.db.prepare('SELECT * FROM evidence_log_checkpoints ORDER BY size DESC LIMIT 1').get() as Record<string, unknown> | undefined);
  }

  latestWitnessed(): StoredCheckpoint | null {
    return EvidenceLog.toCheckpoint(this.db.prepare('SELECT * FROM evidence_log_checkpoints WHERE witnessed_note IS NOT NULL ORDER BY size DESC LIMIT 1').get() as Record<string, unknown> | undefined);
  }

  /** Keeps what the witness gave back for a checkpoint: its cosigned note and the TSA's token. */
  recordWitness(size: number, w: { witnessedNote: string; witnessName: string; witnessKey: Uint8Array; witnessedAt: string; timestampToken: Uint8Array | null }): void {
    const mine = this.checkpointAt(size);
    if (!mine) throw new GangwayError('NOT_FOUND', `There is no checkpoint of size ${size} to record a witness for.`);
    // The witness must have cosigned exactly our checkpoint, not another text.
    if (parseNote(w.witnessedNote).text !== parseNote(mine.note).text) throw new GangwayError('DEVICE', 'The hub cosigned a different checkpoint than this device sent; nothing was recorded.');
    parseCheckpoint(parseNote(mine.note).text);
    this.db
      .prepare('UPDATE evidence_log_checkpoints SET witnessed_note = ?, witness_name = ?, witness_key = ?, witnessed_at = ?, timestamp_token = ? WHERE size = ? AND witnessed_note IS NULL')
      .run(w.witnessedNote, w.witnessName, Buffer.from(w.witnessKey), w.witnessedAt, w.timestampToken ? Buffer.from(w.timestampToken) : null, size);
  }
}
