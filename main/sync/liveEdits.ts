import type { Db } from '../store/database';
import { applyDocToTables } from './applyToTables';
import { onLocalChange } from './docStore';
import type { OpenDocuments } from './openDocs';

/**
 * Edits between rounds, both ways. A local change to a document open on the
 * socket goes out at once as one update; any other asks for a round
 * (`needRound`). A remote change that arrives between rounds is written to
 * the tables on the next tick.
 */
export class LiveEdits {
  /** Documents changed locally in the current tick, sent once the writer's transaction has ended. */
  private changed = new Set<string>();
  /** Documents with remote updates waiting to be written to the tables. */
  private toApply = new Set<string>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly docs: OpenDocuments,
    private readonly hooks: { needRound(): void; changed(): void; log(line: string): void },
  ) {
    // Lives as long as the client (and its database); does nothing while no document is open and the client is stopped.
    onLocalChange(db, (doc) => {
      if (this.changed.size === 0) setImmediate(() => this.flushLocal());
      this.changed.add(doc);
    });
  }

  /**
   * Local changes, after their transaction ended (a rolled-back one left
   * nothing in the log to send): an open document sends them at once as one
   * update; any other starts a round within a second.
   */
  private flushLocal(): void {
    const names = [...this.changed];
    this.changed.clear();
    let needRound = false;
    for (const name of names) {
      const open = this.docs.get(name);
      if (!open || open.refused || open.provider.authorizedScope === 'readonly' || !this.docs.copyLocalUpdates(open)) needRound = true;
    }
    if (needRound) this.hooks.needRound();
    this.settle();
  }

  /** Wakes whoever waits in `whenSent` once the hub acknowledged every edit on open documents. */
  settle(): void {
    if (!this.docs.settled()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Resolves once the hub acknowledged every edit sent on open documents. */
  whenSent(): Promise<void> {
    return new Promise((resolve) => {
      if (this.changed.size === 0 && this.docs.settled()) resolve();
      else this.waiters.push(resolve);
    });
  }

  /** A remote change to `name` arrived between rounds: write it to the tables on the next tick. */
  applySoon(name: string): void {
    if (this.toApply.size === 0) {
      setImmediate(() => {
        const names = [...this.toApply];
        this.toApply.clear();
        if (!this.db.open) return;
        for (const n of names) {
          try {
            applyDocToTables(this.db, n);
          } catch (e) {
            // The next round pulls it again (its pulled clock did not move) and reports the problem.
            this.hooks.log(`could not write ${n} to the tables: ${(e as Error).message}`);
          }
        }
        this.hooks.changed();
      });
    }
    this.toApply.add(name);
  }
}
