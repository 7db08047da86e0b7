import * as Y from 'yjs';
import type { Db } from '../store/database';
import { inTransaction } from '../store/database';

export type UpdateOrigin = 'local' | 'remote';

const now = (): string => new Date().toISOString();

/** Runs in the caller's transaction when there is one (repos mirror inside theirs), else in a new one. */
function atomically<T>(db: Db, fn: () => T): T {
  return db.inTransaction ? fn() : inTransaction(db, fn);
}

/**
 * Appends one Yjs update to a document's log and moves its clock. The clock is
 * the log's global sequence number, so "changed since" is one comparison.
 */
export function appendUpdate(db: Db, doc: string, update: Uint8Array, origin: UpdateOrigin): number {
  return atomically(db, () => {
    const info = db.prepare('INSERT INTO sync_updates (doc, data, origin, created_at) VALUES (?, ?, ?, ?)').run(doc, Buffer.from(update), origin, now());
    const seq = Number(info.lastInsertRowid);
    db.prepare(
      `INSERT INTO sync_clocks (doc, clock, local_clock, updated_at) VALUES (@doc, @seq, @local, @t)
       ON CONFLICT (doc) DO UPDATE SET clock = @seq, local_clock = CASE WHEN @local > 0 THEN @local ELSE local_clock END, updated_at = @t`,
    ).run({ doc, seq, local: origin === 'local' ? seq : 0, t: now() });
    return seq;
  });
}

/**
 * Local updates logged after `after`, oldest first, for a document already
 * open on the sync socket; null when some of them were folded into the
 * snapshot (the caller must then reload the whole document).
 */
export function localUpdatesAfter(db: Db, doc: string, after: number): { seq: number; data: Uint8Array }[] | null {
  const snap = db.prepare('SELECT clock FROM sync_snapshots WHERE doc = ?').get(doc) as { clock: number } | undefined;
  if ((snap?.clock ?? 0) > after) return null;
  return db.prepare("SELECT seq, data FROM sync_updates WHERE doc = ? AND origin = 'local' AND seq > ? ORDER BY seq").all(doc, after) as { seq: number; data: Buffer }[];
}

/** The document as this device knows it: snapshot plus every later update. */
export function loadDoc(db: Db, doc: string): Y.Doc {
  const ydoc = new Y.Doc();
  const snap = db.prepare('SELECT data, clock FROM sync_snapshots WHERE doc = ?').get(doc) as { data: Buffer; clock: number } | undefined;
  const updates = [] as Uint8Array[];
  if (snap) updates.push(snap.data);
  const rows = db.prepare('SELECT data FROM sync_updates WHERE doc = ? AND seq > ? ORDER BY seq').all(doc, snap?.clock ?? 0) as { data: Buffer }[];
  for (const r of rows) updates.push(r.data);
  if (updates.length > 0) Y.applyUpdate(ydoc, Y.mergeUpdates(updates));
  return ydoc;
}

const localChangeListeners = new WeakMap<Db, Set<(doc: string) => void>>();

/**
 * Called with the document's name after each local change on `db` (the sync
 * client pushes it soon after). It runs inside the writer's transaction, which
 * may still roll back: a listener should read the committed log later, not
 * act on the change at once.
 */
export function onLocalChange(db: Db, listener: (doc: string) => void): () => void {
  let set = localChangeListeners.get(db);
  if (!set) localChangeListeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Changes a document through `mutate` and logs the change as one local update.
 * Returns the update (null when `mutate` changed nothing).
 */
export function mutateDoc(db: Db, doc: string, mutate: (ydoc: Y.Doc) => void): Uint8Array | null {
  return atomically(db, () => {
    const ydoc = loadDoc(db, doc);
    const before = Y.encodeStateVector(ydoc);
    ydoc.transact(() => mutate(ydoc), 'local');
    const update = Y.encodeStateAsUpdate(ydoc, before);
    ydoc.destroy();
    // An empty update is two zero bytes (no structs, no deletions).
    if (update.byteLength <= 2 && update.every((b) => b === 0)) return null;
    appendUpdate(db, doc, update, 'local');
    for (const listener of localChangeListeners.get(db) ?? []) listener(doc);
    return update;
  });
}

export interface DocClock {
  doc: string;
  clock: number;
  localClock: number;
}

export function docClocks(db: Db): DocClock[] {
  return db.prepare('SELECT doc, clock, local_clock AS localClock FROM sync_clocks ORDER BY doc').all() as DocClock[];
}

export function docClock(db: Db, doc: string): DocClock | undefined {
  return db.prepare('SELECT doc, clock, local_clock AS localClock FROM sync_clocks WHERE doc = ?').get(doc) as DocClock | undefined;
}

export interface RemoteClock {
  doc: string;
  pushed: number;
  pulled: number;
  state: string;
  message: string | null;
}

/** Documents with local updates the hub has not acknowledged: the push half of the manifest. */
export function docsToPush(db: Db, hub: string): DocClock[] {
  return db
    .prepare(
      `SELECT c.doc, c.clock, c.local_clock AS localClock FROM sync_clocks c
       LEFT JOIN sync_remote_clocks r ON r.doc = c.doc AND r.hub = ?
       WHERE c.local_clock > coalesce(r.pushed, 0) ORDER BY c.doc`,
    )
    .all(hub) as DocClock[];
}

export function remoteClocks(db: Db, hub: string): RemoteClock[] {
  return db.prepare('SELECT doc, pushed, pulled, state, message FROM sync_remote_clocks WHERE hub = ? ORDER BY doc').all(hub) as RemoteClock[];
}

export function getRemoteClock(db: Db, hub: string, doc: string): RemoteClock | undefined {
  return db.prepare('SELECT doc, pushed, pulled, state, message FROM sync_remote_clocks WHERE hub = ? AND doc = ?').get(hub, doc) as RemoteClock | undefined;
}

/** Records what the hub acknowledged; clocks only move forward. */
export function setRemoteClock(db: Db, hub: string, doc: string, patch: { pushed?: number; pulled?: number; state?: string; message?: string | null }): void {
  db.prepare(
    `INSERT INTO sync_remote_clocks (hub, doc, pushed, pulled, state, message, updated_at)
     VALUES (@hub, @doc, coalesce(@pushed, 0), coalesce(@pulled, 0), coalesce(@state, 'pending'), @message, @t)
     ON CONFLICT (hub, doc) DO UPDATE SET
       pushed = max(pushed, coalesce(@pushed, pushed)),
       pulled = max(pulled, coalesce(@pulled, pulled)),
       state = coalesce(@state, state),
       message = CASE WHEN @keepMessage THEN message ELSE @message END,
       updated_at = @t`,
  ).run({
    hub,
    doc,
    pushed: patch.pushed ?? null,
    pulled: patch.pulled ?? null,
    state: patch.state ?? null,
    message: patch.message ?? null,
    keepMessage: patch.message === undefined ? 1 : 0,
    t: now(),
  });
}

/**
 * Folds the updates every known hub has acknowledged into the snapshot, in one
 * transaction: either the new snapshot and the deletion both happen or neither
 * does, so a crash at any point loses nothing. Updates newer than the lowest
 * pushed clock stay in the log. Without any hub nothing is compacted.
 */
export function compactDoc(db: Db, doc: string): { folded: number } {
  return inTransaction(db, () => {
    const hubs = db.prepare('SELECT hub FROM sync_hubs').all() as { hub: string }[];
    if (hubs.length === 0) return { folded: 0 };
    let upTo = Infinity;
    for (const { hub } of hubs) upTo = Math.min(upTo, getRemoteClock(db, hub, doc)?.pushed ?? 0);
    const snap = db.prepare('SELECT data, clock FROM sync_snapshots WHERE doc = ?').get(doc) as { data: Buffer; clock: number } | undefined;
    const from = snap?.clock ?? 0;
    if (upTo <= from) return { folded: 0 };
    const rows = db.prepare('SELECT data FROM sync_updates WHERE doc = ? AND seq > ? AND seq <= ? ORDER BY seq').all(doc, from, upTo) as { data: Buffer }[];
    if (rows.length === 0) return { folded: 0 };
    const merged = Y.mergeUpdates([...(snap ? [snap.data] : []), ...rows.map((r) => r.data)]);
    db.prepare(
      `INSERT INTO sync_snapshots (doc, data, clock, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET data = excluded.data, clock = excluded.clock, updated_at = excluded.updated_at`,
    ).run(doc, Buffer.from(merged), upTo, now());
    db.prepare('DELETE FROM sync_updates WHERE doc = ? AND seq > ? AND seq <= ?').run(doc, from, upTo);
    return { folded: rows.length };
  });
}

/**
 * Forgets a document's local history so it is pulled fresh from the hub
 * (after the hub refused it). Its remote clocks are marked 'reset' so the
 * next round asks for it even if no one else changed it.
 */
export function resetDoc(db: Db, doc: string): void {
  inTransaction(db, () => {
    db.prepare('DELETE FROM sync_updates WHERE doc = ?').run(doc);
    db.prepare('DELETE FROM sync_snapshots WHERE doc = ?').run(doc);
    db.prepare('DELETE FROM sync_clocks WHERE doc = ?').run(doc);
    db.prepare('DELETE FROM sync_remote_clocks WHERE doc = ?').run(doc);
    for (const { hub } of db.prepare('SELECT hub FROM sync_hubs').all() as { hub: string }[]) {
      db.prepare("INSERT INTO sync_remote_clocks (hub, doc, pushed, pulled, state, message, updated_at) VALUES (?, ?, 0, 0, 'reset', NULL, ?)").run(hub, doc, now());
    }
  });
}

/** Removes a document that was only ever local (e.g. the "local" index once the device has an agency). */
export function forgetDoc(db: Db, doc: string): void {
  inTransaction(db, () => {
    for (const table of ['sync_updates', 'sync_snapshots', 'sync_clocks', 'sync_remote_clocks']) db.prepare(`DELETE FROM ${table} WHERE doc = ?`).run(doc);
  });
}

/** Whether this device has a log or a hub's clocks for the document. */
export function isKnownDoc(db: Db, doc: string): boolean {
  return db.prepare('SELECT 1 FROM sync_clocks WHERE doc = ? UNION SELECT 1 FROM sync_remote_clocks WHERE doc = ?').get(doc, doc) !== undefined;
}

/** Documents reset on this device, to be pulled again whatever the manifest says. */
export function docsToRepull(db: Db, hub: string): string[] {
  return (db.prepare("SELECT doc FROM sync_remote_clocks WHERE hub = ? AND state = 'reset'").all(hub) as { doc: string }[]).map((r) => r.doc);
}
