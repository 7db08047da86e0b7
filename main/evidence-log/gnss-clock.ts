import { GNSS_FRESH_MS } from '../../shared/evidence-log';
import type { Db } from '../store/database';
import type { GnssClock } from './log';

/** Written by the live ingest (once a second at most) when a receiver gave a newer fix. */
export function recordGnssTime(db: Db, gnssMs: number, deviceMs = Date.now()): void {
  db.prepare('INSERT INTO gnss_clock (id, gnss_ms, device_ms) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET gnss_ms = excluded.gnss_ms, device_ms = excluded.device_ms').run(gnssMs, deviceMs);
}

/**
 * GNSS time now, from the last live fix: its time plus what the device clock
 * says has passed since, trusted only over the freshness window (a device
 * clock can be wrong by hours, but not by much over a minute).
 */
export class StoredGnssClock implements GnssClock {
  constructor(private readonly db: Db, private readonly deviceNow: () => number = Date.now) {}
  now(): Date | null {
    const row = this.db.prepare('SELECT gnss_ms AS g, device_ms AS d FROM gnss_clock WHERE id = 1').get() as { g: number; d: number } | undefined;
    if (!row) return null;
    const age = this.deviceNow() - row.d;
    return age >= 0 && age <= GNSS_FRESH_MS ? new Date(row.g + age) : null;
  }
}
