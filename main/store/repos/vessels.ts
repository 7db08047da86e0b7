import { randomUUID } from 'node:crypto';
import { GangwayError } from '../../../shared/errors';
import { Vessel, VesselInput } from '../../../shared/domain/vessel';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { rowsChanged } from '../rowHooks';
import { likePattern, now, nullToUndefined } from './rows';

const COLUMNS = `id, name, flag, imo, mmsi, call_sign AS callSign, registration_no AS registrationNo,
  gear, owner, home_port AS homePort, created_at AS createdAt, updated_at AS updatedAt`;

function toVessel(row: Record<string, unknown>): Vessel {
  return Vessel.parse(nullToUndefined(row));
}

function conflictFrom(e: unknown, v: { imo?: string; mmsi?: string }): never {
  const msg = (e as Error).message ?? '';
  if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
    if (msg.includes('vessels.imo')) throw new GangwayError('CONFLICT', `Another vessel already has IMO ${v.imo}. Search for it instead of adding it again.`, [{ path: 'imo', message: 'already registered' }]);
    if (msg.includes('vessels.mmsi')) throw new GangwayError('CONFLICT', `Another vessel already has MMSI ${v.mmsi}. Search for it instead of adding it again.`, [{ path: 'mmsi', message: 'already registered' }]);
  }
  throw e;
}

export function createVessel(db: Db, input: VesselInput): Vessel {
  const v = VesselInput.parse(input);
  const id = randomUUID();
  const t = now();
  return inTransaction(db, () => {
    try {
      db.prepare(
      `INSERT INTO vessels (id, name, flag, imo, mmsi, call_sign, registration_no, gear, owner, home_port, created_at, updated_at)
       VALUES (@id, @name, @flag, @imo, @mmsi, @callSign, @registrationNo, @gear, @owner, @homePort, @t, @t)`,
    ).run({ id, t, name: v.name, flag: v.flag ?? null, imo: v.imo ?? null, mmsi: v.mmsi ?? null, callSign: v.callSign ?? null, registrationNo: v.registrationNo ?? null, gear: v.gear ?? null, owner: v.owner ?? null, homePort: v.homePort ?? null });
    } catch (e) {
      conflictFrom(e, v);
    }
    // The registry entry and its shared document change together or not at all.
    rowsChanged(db, { kind: 'vessel', vesselId: id });
    return getVessel(db, id);
  });
}

export function getVessel(db: Db, id: string): Vessel {
  const vessel = findVessel(db, id);
  if (!vessel) throw new GangwayError('NOT_FOUND', 'That vessel is not in the registry (it may have been removed). Search again.');
  return vessel;
}

/** The vessel, or null when it is not in the registry (its shared document is written from this). */
export function findVessel(db: Db, id: string): Vessel | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM vessels WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toVessel(row) : null;
}

export function vesselExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM vessels WHERE id = ?').get(id) !== undefined;
}

export function vesselName(db: Db, id: string): string | undefined {
  return (db.prepare('SELECT name FROM vessels WHERE id = ?').get(id) as { name: string } | undefined)?.name;
}

/** The vessel's MMSI; undefined when there is no such vessel, null when it has none. */
export function vesselMmsi(db: Db, id: string): string | null | undefined {
  return db.prepare('SELECT mmsi FROM vessels WHERE id = ?').pluck().get(id) as string | null | undefined;
}

/** Registry vessels with an MMSI, to name AIS targets. */
export function vesselsWithMmsi(db: Db): { mmsi: string; name: string; callSign: string | null; imo: string | null }[] {
  return db.prepare("SELECT mmsi, name, call_sign AS callSign, imo FROM vessels WHERE mmsi IS NOT NULL AND mmsi <> ''").all() as { mmsi: string; name: string; callSign: string | null; imo: string | null }[];
}

/**
 * Writes a vessel's row from its merged shared document (another device's
 * registry entry or edit). Reports no row change: the document is already
 * the source.
 */
export function writeVesselFromDocument(db: Db, v: Vessel): void {
  const row = {
    id: v.id, name: v.name, flag: v.flag ?? null, imo: v.imo ?? null, mmsi: v.mmsi ?? null, callSign: v.callSign ?? null,
    registrationNo: v.registrationNo ?? null, gear: v.gear ?? null, owner: v.owner ?? null, homePort: v.homePort ?? null,
    createdAt: v.createdAt, updatedAt: v.updatedAt,
  };
  try {
    db.prepare(
      `INSERT INTO vessels (id, name, flag, imo, mmsi, call_sign, registration_no, gear, owner, home_port, created_at, updated_at)
       VALUES (@id, @name, @flag, @imo, @mmsi, @callSign, @registrationNo, @gear, @owner, @homePort, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET name = @name, flag = @flag, imo = @imo, mmsi = @mmsi, call_sign = @callSign,
         registration_no = @registrationNo, gear = @gear, owner = @owner, home_port = @homePort, updated_at = @updatedAt`,
    ).run(row);
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new GangwayError('CONFLICT', `The hub's registry entry for ${v.name} has an IMO or MMSI that another vessel on this device already uses. Merge the two vessels, then sync again.`);
    }
    throw e;
  }
}

const PATCH_COLUMNS: Record<string, string> = {
  name: 'name', flag: 'flag', imo: 'imo', mmsi: 'mmsi', callSign: 'call_sign', registrationNo: 'registration_no',
  gear: 'gear', owner: 'owner', homePort: 'home_port',
};

export function updateVessel(db: Db, id: string, patchInput: Partial<VesselInput>): Vessel {
  const patch = VesselInput.partial().parse(patchInput);
  return inTransaction(db, () => {
    getVessel(db, id);
    const keys = Object.keys(patchInput).filter((k) => k in PATCH_COLUMNS);
    if (keys.length > 0) {
      const sets = keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ');
      const values: Record<string, unknown> = { id, t: now() };
      for (const k of keys) values[k] = (patch as Record<string, unknown>)[k] ?? null;
      try {
        db.prepare(`UPDATE vessels SET ${sets}, updated_at = @t WHERE id = @id`).run(values);
      } catch (e) {
        conflictFrom(e, patch);
      }
      rowsChanged(db, { kind: 'vessel', vesselId: id });
    }
    return getVessel(db, id);
  });
}

export function deleteVessel(db: Db, id: string): void {
  inTransaction(db, () => {
    getVessel(db, id);
    const audits = (db.prepare('SELECT count(*) AS n FROM audits WHERE vessel_id = ?').get(id) as { n: number }).n;
    if (audits > 0) throw new GangwayError('CONFLICT', `This vessel has ${audits} audit(s), so it stays in the registry. Audits are evidence and are never removed with their vessel.`);
    db.prepare('DELETE FROM crew_members WHERE vessel_id = ?').run(id);
    db.prepare('DELETE FROM vessels WHERE id = ?').run(id);
  });
}

export function searchVessels(db: Db, query: string, limit = 100): Vessel[] {
  const q = query.trim();
  if (!q) {
    return (db.prepare(`SELECT ${COLUMNS} FROM vessels ORDER BY name COLLATE NOCASE LIMIT ?`).all(limit) as Record<string, unknown>[]).map(toVessel);
  }
  const like = likePattern(q);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM vessels
       WHERE name LIKE @like ESCAPE '\\' OR imo LIKE @like ESCAPE '\\' OR mmsi LIKE @like ESCAPE '\\'
          OR call_sign LIKE @like ESCAPE '\\' OR registration_no LIKE @like ESCAPE '\\'
          OR owner LIKE @like ESCAPE '\\' OR home_port LIKE @like ESCAPE '\\'
       ORDER BY (name LIKE @prefix ESCAPE '\\') DESC, name COLLATE NOCASE
       LIMIT @limit`,
    )
    .all({ like, prefix: like.slice(1), limit }) as Record<string, unknown>[];
  return rows.map(toVessel);
}
