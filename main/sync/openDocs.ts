import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { CLOSE_REFUSED, CLOSE_RESET } from '../../shared/sync';
import type { Db } from '../store/database';
import { appendUpdate, compactDoc, docClock, getRemoteClock, loadDoc, localUpdatesAfter, setRemoteClock } from './docStore';
import type { HubConnection } from './hubConnection';

/**
 * Documents kept open on the socket after a round, least recently used closed
 * first. An open document sends a later local edit as one Yjs update message
 * (about 150 B with the hub's acknowledgement) instead of a new token and
 * handshake (about 1.5 KB). With a round's batch on top this stays far below
 * the few hundred documents Hocuspocus lets one connection hold.
 */
export const MAX_OPEN_DOCS = 20;

/** Origin of local updates copied into an open document: the provider sends them, the remote log skips them. */
const LOCAL_ORIGIN = Symbol('gangway-local');

/** A document open on the socket: its provider, its Y.Doc, and how much of the local log it holds. */
export interface OpenDoc {
  name: string;
  hub: string;
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
  /** The newest local update (log seq) copied into `ydoc`. */
  local: number;
  /** The newest log seq of this document `ydoc` is known to hold; a smaller clock in the log means it was reset. */
  seen: number;
  /** Set when the hub closed or refused it; the next round records why. */
  refused: string | null;
}

export interface OpenDocEvents {
  /** The hub sent a change to `name`; it is in the log already. */
  onRemoteUpdate(name: string): void;
  /** The hub acknowledged local changes; `moved` when that advanced the pushed clock. */
  onAcknowledged(moved: boolean): void;
  /** The hub closed or refused `name` on this socket. */
  onRefused(hub: string, name: string, reason: string): void;
}

/** Whether a close reason is one of the hub's (shared/sync/wire.ts), not a dropped link. */
export const isHubRefusal = (reason: string): boolean => reason.startsWith(CLOSE_RESET) || reason.startsWith(CLOSE_REFUSED);

/** What a close reason says, for a person; `reset` when the hub wants the document pulled afresh. */
export function refusalOf(reason: string): { message: string; reset: boolean } {
  return { message: reason.replace(CLOSE_RESET, '').replace(CLOSE_REFUSED, ''), reset: reason.startsWith(CLOSE_RESET) };
}

/**
 * The open-document cache: documents open on the hub socket, least recently
 * used first. Each logs every change the hub sends before anything else
 * happens to it, and records the hub's acknowledgement of local changes as
 * they come.
 */
export class OpenDocuments {
  private docs = new Map<string, OpenDoc>();

  constructor(
    private readonly db: Db,
    private readonly connection: HubConnection,
    private readonly events: OpenDocEvents,
  ) {}

  /** Makes sure the socket goes to `hub`: documents open on a socket to another hub are closed. */
  useHub(hub: string): void {
    this.connection.socketTo(hub);
  }

  get(name: string): OpenDoc | undefined {
    return this.docs.get(name);
  }

  names(): string[] {
    return [...this.docs.keys()];
  }

  /** Opens a document on the socket, or returns it (most recently used now) if open. */
  open(hub: string, name: string): { open: OpenDoc; fresh: boolean } {
    const existing = this.docs.get(name);
    if (existing && existing.hub === hub && !existing.refused) {
      this.touch(existing);
      return { open: existing, fresh: false };
    }
    if (existing) this.close(name);
    const socket = this.connection.socketTo(hub);
    const db = this.db;
    const clock = docClock(db, name);
    const ydoc = loadDoc(db, name);
    const provider = new HocuspocusProvider({ name, document: ydoc, websocketProvider: socket, awareness: null, token: this.connection.token });
    const open: OpenDoc = { name, hub, ydoc, provider, local: clock?.localClock ?? 0, seen: clock?.clock ?? 0, refused: null };
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL_ORIGIN || !db.open) return;
      open.seen = appendUpdate(db, name, update, 'remote');
      this.events.onRemoteUpdate(name);
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      if (number !== 0 || !provider.isSynced || provider.authorizedScope === 'readonly' || open.refused || !db.open) return;
      // Everything copied into the document so far was sent before this acknowledgement: the hub has logged it.
      const moved = open.local > (getRemoteClock(db, hub, name)?.pushed ?? 0);
      if (moved) {
        setRemoteClock(db, hub, name, { pushed: open.local });
        compactDoc(db, name);
      }
      this.events.onAcknowledged(moved);
    });
    const refuse = (reason: string) => {
      if (open.refused) return;
      open.refused = reason;
      this.events.onRefused(hub, name, reason);
    };
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => refuse(reason));
    provider.on('close', ({ event }: { event: { reason?: string } }) => {
      const reason = event?.reason ?? '';
      if (isHubRefusal(reason)) refuse(reason);
    });
    this.docs.set(name, open);
    provider.attach();
    return { open, fresh: true };
  }

  /**
   * Copies committed local updates the open document does not hold yet into
   * it; the provider sends them as update messages. False when the document
   * must be reopened (its log was compacted past what it holds, or reset).
   */
  copyLocalUpdates(open: OpenDoc): boolean {
    if (!this.db.open) return false;
    const clock = docClock(this.db, open.name);
    const rows = clock && clock.clock >= open.seen ? localUpdatesAfter(this.db, open.name, open.local) : null;
    if (!rows) {
      this.close(open.name);
      return false;
    }
    if (rows.length === 0) return true;
    this.touch(open);
    Y.applyUpdate(open.ydoc, Y.mergeUpdates(rows.map((r) => r.data)), LOCAL_ORIGIN);
    open.local = rows[rows.length - 1]!.seq;
    open.seen = Math.max(open.seen, open.local);
    return true;
  }

  /** Whether the hub has acknowledged every local change sent on an open document. */
  settled(): boolean {
    for (const open of this.docs.values()) if (!open.refused && open.provider.authorizedScope !== 'readonly' && open.provider.hasUnsyncedChanges) return false;
    return true;
  }

  close(name: string): void {
    const open = this.docs.get(name);
    if (!open) return;
    this.docs.delete(name);
    open.provider.destroy();
    open.ydoc.destroy();
  }

  closeAll(): void {
    for (const name of [...this.docs.keys()]) this.close(name);
  }

  /** Closes the least recently used documents beyond the limit, keeping those with changes still on their way. */
  closeLeastRecent(keep: number): void {
    for (const open of [...this.docs.values()]) {
      if (this.docs.size <= keep) return;
      if (open.provider.hasUnsyncedChanges && !open.refused) continue;
      this.close(open.name);
    }
  }

  private touch(open: OpenDoc): void {
    this.docs.delete(open.name);
    this.docs.set(open.name, open);
  }
}
