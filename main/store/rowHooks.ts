import type { Db } from './database';

/**
 * Rows a shared document mirrors: a vessel's registry entry, or an audit with
 * its checklist and findings. A repo reports each change it makes to them.
 */
export type RowChange = { kind: 'vessel'; vesselId: string } | { kind: 'audit'; auditId: string };

/**
 * Runs inside the repo's transaction, right after its write, so a row and
 * whatever the hook derives from it (the shared document, device side)
 * commit together or not at all. A hook that throws rolls the write back.
 */
export type RowChangeHook = (db: Db, change: RowChange) => void;

// Keyed by connection: two stores open in one process (tests, the hub's office) keep their own hooks.
const hooks = new WeakMap<Db, Set<RowChangeHook>>();

/** Registers a hook for every later row change on `db`; returns the function that removes it. */
export function onRowChange(db: Db, hook: RowChangeHook): () => void {
  let set = hooks.get(db);
  if (!set) hooks.set(db, (set = new Set()));
  set.add(hook);
  return () => set.delete(hook);
}

/** Called by a repo inside its own transaction after changing mirrored rows. */
export function rowsChanged(db: Db, change: RowChange): void {
  for (const hook of hooks.get(db) ?? []) hook(db, change);
}
