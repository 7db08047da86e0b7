import { parseDocName, type Manifest } from '../../shared/sync';
import type { Db } from '../store/database';
import { docsToPush, docsToRepull, getRemoteClock } from './docStore';

/** Hocuspocus refuses to load more than a few hundred documents per connection at once; 20 keeps well clear and the pipe full. */
export const DEFAULT_BATCH = 20;

export interface RoundPlan {
  /** The documents to sync, vessels first, then audits, then indexes, each kind by name. */
  names: string[];
  /** The hub clock each document is pulled up to (0 for one only pushed or reset here). */
  hubClock: Map<string, number>;
}

/**
 * Which documents a round syncs: those the hub changed since this device last
 * pulled them (from the manifest), those with local changes the hub has not
 * acknowledged, and those reset on this device.
 */
export function planRound(db: Db, hub: string, manifest: Manifest): RoundPlan {
  const hubClock = new Map<string, number>();
  for (const d of manifest.documents) {
    if ((getRemoteClock(db, hub, d.name)?.pulled ?? 0) < d.clock) hubClock.set(d.name, d.clock);
  }
  for (const d of docsToPush(db, hub)) if (!hubClock.has(d.doc)) hubClock.set(d.doc, getRemoteClock(db, hub, d.doc)?.pulled ?? 0);
  for (const doc of docsToRepull(db, hub)) if (!hubClock.has(doc)) hubClock.set(doc, 0);
  // Vessels before audits: an audit row needs its vessel row.
  const rank = (n: string) => ({ vessel: 0, audit: 1, index: 2, summary: 3 })[parseDocName(n)?.kind ?? 'index'];
  const names = [...hubClock.keys()].filter((n) => parseDocName(n)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { names, hubClock };
}

/** The plan cut into batches of `size`, synced one batch at a time. */
export function batchesOf<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
