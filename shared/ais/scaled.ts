import { binaryTable } from './binary';
import type { Field } from './field';
import type { AisMessage } from './message';
import { tableFor } from './tables';

const CACHE = new Map<string, Map<string, Field>>();

function fieldsOf(m: AisMessage): Map<string, Field> {
  const app = m.structured ? `:${String(m.values.dac)}:${String(m.values.fid)}` : '';
  const key = `${m.type}${m.part ?? ''}${app}`;
  let map = CACHE.get(key);
  if (!map) {
    const fields = [...(tableFor(m.type, m.part)?.fields ?? [])];
    if (m.type === 24) fields.push(...(tableFor(24, 'A')?.fields ?? []));
    if (m.structured) fields.push(...(binaryTable(m.type, Number(m.values.dac), Number(m.values.fid))?.fields ?? []));
    map = new Map(fields.map((f) => [f.name, f]));
    CACHE.set(key, map);
  }
  return map;
}

/**
 * A field in its unit (degrees, knots, °C, …) from the same table that decoded
 * it: raw / scale + offset, or undefined when the raw value is the table's
 * "not available" sentinel (ITU-R M.1371-5) or the message lacks the field.
 */
export function scaledValue(m: AisMessage, name: string): number | undefined {
  const raw = m.values[name];
  if (typeof raw !== 'number') return undefined;
  const field = fieldsOf(m).get(name);
  if (!field) return raw;
  if (field.na !== undefined && raw === field.na) return undefined;
  return raw / (field.scale ?? 1) + (field.offset ?? 0);
}

/**
 * Rate of turn in degrees per minute, signed (negative = to port), from a
 * Class A report: ROT = (ROT_AIS / 4.733)² (M.1371-5 Table 45). ±127 (turning
 * faster than 5°/30 s without a turn indicator) and -128 (no data) give undefined.
 */
export function turnRate(m: AisMessage): number | undefined {
  if (m.type < 1 || m.type > 3) return undefined;
  const t = m.values.turn;
  if (typeof t !== 'number' || t === -128 || t === 127 || t === -127) return undefined;
  const rot = (t / 4.733) ** 2;
  return t < 0 ? -rot : rot;
}
