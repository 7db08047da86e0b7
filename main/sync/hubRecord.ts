import type { Db } from '../store/database';

/**
 * What this device remembers of each hub's rounds (table sync_hubs): the
 * manifest clock the next round asks from, when the last round finished, and
 * its error. The per-document clocks live in docStore.ts.
 */

/** The hub's manifest clock the last successful round reached: the next manifest is asked from there. */
export function manifestClockOf(db: Db, hub: string): number {
  return (db.prepare('SELECT manifest_clock AS c FROM sync_hubs WHERE hub = ?').get(hub) as { c: number } | undefined)?.c ?? 0;
}

export function lastSyncAtOf(db: Db, hub: string): string | null {
  return (db.prepare('SELECT last_sync_at AS at FROM sync_hubs WHERE hub = ?').get(hub) as { at: string | null } | undefined)?.at ?? null;
}

/** A round finished: the manifest clock only moves forward, and the last error is cleared. */
export function recordRoundDone(db: Db, hub: string, manifestClock: number, at = new Date().toISOString()): void {
  db.prepare('UPDATE sync_hubs SET manifest_clock = max(manifest_clock, ?), last_sync_at = ?, last_error = NULL WHERE hub = ?').run(manifestClock, at, hub);
}

export function recordRoundFailed(db: Db, hub: string, error: string): void {
  db.prepare('UPDATE sync_hubs SET last_error = ? WHERE hub = ?').run(error, hub);
}
