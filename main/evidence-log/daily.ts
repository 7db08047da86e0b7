import type { Store } from '../store/database';
import { EvidenceLog } from './log';

const LOOK_EVERY_MS = 3600_000;

/**
 * The daily checkpoint: looked for when the app starts and every hour while
 * it runs (a laptop that sleeps through the night checkpoints when it wakes).
 * Returns stop().
 */
export function startDailyCheckpoints(store: Store, onError: (message: string, e: unknown) => void): () => void {
  const look = () => {
    try {
      new EvidenceLog(store.db).checkpointIfDue();
    } catch (e) {
      onError(`The daily evidence-log checkpoint could not be written: ${(e as Error).message}`, e);
    }
  };
  look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
