import * as Y from 'yjs';
import { openStore, inTransaction, type Store } from '../main/store/database';
import { HUB_MIGRATIONS } from './schema';

export const HUB_DB_FILENAME = 'hub.sqlite';

const now = (): string => new Date().toISOString();

export interface HubDocMeta {
  doc: string;
  kind: string;
  agency: string | null;
  confidentiality: string | null;
  sharedWith: string[];
  clock: number;
}

export interface LoggedUpdate {
  seq: number;
  doc: string;
  deviceId: string;
  userName: string;
  receivedAt: string;
  bytes: number;
}

/** The hub's embedded SQLite store: update log, snapshots, document access records. */
export class HubStore {
  readonly store: Store;

  constructor(dataDir: string) {
    this.store = openStore(dataDir, { migrations: HUB_MIGRATIONS, filename: HUB_DB_FILENAME });
  }

  get db() {
    return this.store.db;
  }

  close(): void {
    this.store.close();
  }

  /** Logs one update and moves the document's clock, in one transaction; returns its seq. */
  appendUpdate(doc: string, kind: string, data: Uint8Array, deviceId: string, userName: string): number {
    return inTransaction(this.db, () => {
      const seq = Number(
        this.db.prepare('INSERT INTO hub_updates (doc, data, device_id, user_name, received_at) VALUES (?, ?, ?, ?, ?)').run(doc, Buffer.from(data), deviceId, userName, now()).lastInsertRowid,
      );
      this.db
        .prepare(
          `INSERT INTO hub_docs (doc, kind, clock, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (doc) DO UPDATE SET clock = excluded.clock, updated_at = excluded.updated_at`,
        )
        .run(doc, kind, seq, now());
      return seq;
    });
  }

  /** The merged state: snapshot plus every later logged update. */
  loadState(doc: string): Uint8Array | null {
    const snap = this.db.prepare('SELECT data, clock FROM hub_snapshots WHERE doc = ?').get(doc) as { data: Buffer; clock: number } | undefined;
    const rows = this.db.prepare('SELECT data FROM hub_updates WHERE doc = ? AND seq > ? ORDER BY seq').all(doc, snap?.clock ?? 0) as { data: Buffer }[];
    const parts = [...(snap ? [snap.data] : []), ...rows.map((r) => r.data)];
    return parts.length ? Y.mergeUpdates(parts) : null;
  }

  /** Caches the merged state up to `clock` (every update logged before it was applied). */
  saveSnapshot(doc: string, state: Uint8Array, clock: number): void {
    this.db
      .prepare(
        `INSERT INTO hub_snapshots (doc, data, clock, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (doc) DO UPDATE SET data = excluded.data, clock = excluded.clock, updated_at = excluded.updated_at
         WHERE excluded.clock >= hub_snapshots.clock`,
      )
      .run(doc, Buffer.from(state), clock, now());
  }

  docMeta(doc: string): HubDocMeta | null {
    const row = this.db.prepare('SELECT doc, kind, agency, confidentiality, shared_with AS sharedWith, clock FROM hub_docs WHERE doc = ?').get(doc) as
      | (Omit<HubDocMeta, 'sharedWith'> & { sharedWith: string })
      | undefined;
    return row ? { ...row, sharedWith: JSON.parse(row.sharedWith) as string[] } : null;
  }

  /** Owner and confidentiality are set once (first writer); sharing may change. */
  setDocAccess(doc: string, kind: string, access: { agency?: string; confidentiality?: string; sharedWith?: string[] }): void {
    this.db
      .prepare(
        `INSERT INTO hub_docs (doc, kind, agency, confidentiality, shared_with, updated_at) VALUES (@doc, @kind, @agency, @confidentiality, @sharedWith, @t)
         ON CONFLICT (doc) DO UPDATE SET agency = coalesce(hub_docs.agency, @agency), confidentiality = coalesce(hub_docs.confidentiality, @confidentiality),
           shared_with = coalesce(@sharedWithSet, hub_docs.shared_with), updated_at = @t`,
      )
      .run({
        doc,
        kind,
        agency: access.agency ?? null,
        confidentiality: access.confidentiality ?? null,
        sharedWith: JSON.stringify(access.sharedWith ?? []),
        sharedWithSet: access.sharedWith ? JSON.stringify(access.sharedWith) : null,
        t: now(),
      });
  }

  /**
   * Documents another device changed after `since` (global log seq), for the
   * manifest. A device's own updates are left out: it already has them, and
   * counting them would make every push come back as a pull. `clock` is the
   * seq of the newest such update.
   */
  changedSince(since: number, exceptDevice: string): HubDocMeta[] {
    const rows = this.db
      .prepare(
        `SELECT d.doc, d.kind, d.agency, d.confidentiality, d.shared_with AS sharedWith, u.clock
         FROM (SELECT doc, max(seq) AS clock FROM hub_updates WHERE seq > ? AND device_id != ? GROUP BY doc) u
         JOIN hub_docs d ON d.doc = u.doc ORDER BY u.clock`,
      )
      .all(since, exceptDevice) as (Omit<HubDocMeta, 'sharedWith'> & { sharedWith: string })[];
    return rows.map((r) => ({ ...r, sharedWith: JSON.parse(r.sharedWith) as string[] }));
  }

  latestSeq(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM hub_updates').get() as { s: number }).s;
  }

  log(doc?: string): LoggedUpdate[] {
    return this.db
      .prepare(
        `SELECT seq, doc, device_id AS deviceId, user_name AS userName, received_at AS receivedAt, length(data) AS bytes
         FROM hub_updates WHERE (@doc IS NULL OR doc = @doc) ORDER BY seq`,
      )
      .all({ doc: doc ?? null }) as LoggedUpdate[];
  }

  logData(doc: string): Uint8Array[] {
    return (this.db.prepare('SELECT data FROM hub_updates WHERE doc = ? ORDER BY seq').all(doc) as { data: Buffer }[]).map((r) => r.data);
  }
}
