import type { Field } from '../../shared/ais/field';
import type { AisMessage } from '../../shared/ais/message';
import { tableFor } from '../../shared/ais/tables';
import type { AisPositionRow, AisStaticRow } from '../store/repos/marine-rows';

/**
 * Message types that report a vessel's position (ITU-R M.1371-5): Class A 1-3, SAR
 * aircraft 9, Class B 18/19 and long-range 27. Base stations (4, 11), aids to
 * navigation (21) and DGNSS (17) carry positions too, but of things that are not vessels.
 */
const VESSEL_POSITION_TYPES = new Set([1, 2, 3, 9, 18, 19, 27]);
/** Types that carry static or voyage data: 5 (Class A), 19 (Class B extended), 24 (Class B static). */
const STATIC_TYPES = new Set([5, 19, 24]);

const fieldsByTable = new Map<string, Map<string, Field>>();
function fieldsOf(m: AisMessage): Map<string, Field> {
  const key = `${m.type}${m.part ?? ''}`;
  let map = fieldsByTable.get(key);
  if (!map) {
    map = new Map((tableFor(m.type, m.part)?.fields ?? []).map((f) => [f.name, f]));
    fieldsByTable.set(key, map);
  }
  return map;
}

/**
 * A field in units, from the same table that decoded it: raw / scale, or undefined
 * for the table's "not available" value. One scaler for every type, as the codec's
 * tables intend; type 9's speed in whole knots and type 27's 1/10' positions come out right.
 */
export function scaled(m: AisMessage, name: string): number | undefined {
  const raw = m.values[name];
  if (typeof raw !== 'number') return undefined;
  const field = fieldsOf(m).get(name);
  if (field?.na !== undefined && raw === field.na) return undefined;
  return field?.scale ? raw / field.scale : raw;
}

function text(m: AisMessage, name: string): string | undefined {
  const v = m.values[name];
  if (typeof v !== 'string') return undefined;
  // Six-bit text pads with '@' (value 0) and spaces.
  const t = v.replace(/[@\s]+$/, '').trim();
  return t === '' ? undefined : t;
}

/** A positive number, or undefined: AIS uses 0 for "unknown" in dimensions and IMO. */
function positive(m: AisMessage, name: string): number | undefined {
  const v = scaled(m, name);
  return v !== undefined && v > 0 ? v : undefined;
}

export function aisPosition(m: AisMessage, t: number): Omit<AisPositionRow, 'sessionId'> | undefined {
  if (!VESSEL_POSITION_TYPES.has(m.type)) return undefined;
  const lat = scaled(m, 'lat');
  const lon = scaled(m, 'lon');
  if (lat === undefined || lon === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return {
    t,
    mmsi: m.mmsi,
    msgType: m.type,
    lat,
    lon,
    sogKn: scaled(m, 'speed') ?? null,
    cogDeg: scaled(m, 'course') ?? null,
    headingDeg: scaled(m, 'heading') ?? null,
    navStatus: scaled(m, 'status') ?? null,
  };
}

export function aisStatic(m: AisMessage, t: number): AisStaticRow | undefined {
  if (!STATIC_TYPES.has(m.type)) return undefined;
  const row: AisStaticRow = {
    t,
    mmsi: m.mmsi,
    name: text(m, 'shipname'),
    callSign: text(m, 'callsign'),
    imo: positive(m, 'imo'),
    shipType: positive(m, 'shiptype'),
    toBow: positive(m, 'to_bow'),
    toStern: positive(m, 'to_stern'),
    toPort: positive(m, 'to_port'),
    toStarboard: positive(m, 'to_starboard'),
    destination: text(m, 'destination'),
    draughtM: positive(m, 'draught'),
  };
  return row;
}
