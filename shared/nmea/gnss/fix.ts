import { z } from 'zod';

/** GGA fix quality indicator (NMEA 0183 v4.10, GGA field 6). */
export const FixQuality = z.enum(['none', 'gps', 'dgps', 'pps', 'rtk', 'rtk_float', 'estimated', 'manual', 'simulator']);
export type FixQuality = z.infer<typeof FixQuality>;

/** FAA mode indicator (NMEA 0183 v2.3+, RMC/GLL/VTG last field). */
export const FixMode = z.enum(['autonomous', 'differential', 'estimated', 'manual', 'simulator', 'not_valid', 'precise', 'rtk', 'rtk_float']);
export type FixMode = z.infer<typeof FixMode>;

/**
 * What one GNSS sentence says about the receiver's own position. Each sentence
 * fills the fields it carries; absent means "this sentence does not say" or
 * "the receiver left the field empty".
 */
export const Fix = z.object({
  talker: z.string(),
  sentence: z.enum(['RMC', 'GGA', 'GLL', 'VTG', 'ZDA', 'GSA', 'GST', 'HDT']),
  /** UTC time of day of the fix, milliseconds since midnight. */
  timeOfDay: z.number().int().min(0).max(86_401_000).optional(),
  /** UTC date as YYYY-MM-DD, from RMC or ZDA. */
  date: z.iso.date().optional(),
  /** Unix time in ms, when the sentence (or the decoder's last known date) gives a full date. */
  time: z.number().optional(),
  /** False when the receiver flags the data void (RMC/GLL status V, GGA quality 0, GSA fix type 1). */
  valid: z.boolean().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  speedKn: z.number().min(0).optional(),
  /** Course over ground, degrees true. */
  courseDeg: z.number().optional(),
  /** Heading, degrees true (HDT). */
  headingDeg: z.number().optional(),
  magneticVariationDeg: z.number().optional(),
  quality: FixQuality.optional(),
  mode: FixMode.optional(),
  satellites: z.number().int().min(0).optional(),
  hdop: z.number().optional(),
  pdop: z.number().optional(),
  vdop: z.number().optional(),
  /** Antenna altitude above mean sea level, metres (GGA). */
  altitudeM: z.number().optional(),
  /** Geoid separation, metres (GGA). */
  geoidSeparationM: z.number().optional(),
  /** GSA fix type. */
  fixType: z.enum(['none', '2d', '3d']).optional(),
  /** PRNs used in the solution (GSA). */
  satellitesUsed: z.array(z.number().int()).optional(),
  /** 1-sigma position errors in metres (GST). */
  latErrorM: z.number().optional(),
  lonErrorM: z.number().optional(),
  altErrorM: z.number().optional(),
});
export type Fix = z.infer<typeof Fix>;

export type FixSentence = Fix['sentence'];

/** A number field; empty or malformed gives undefined. */
export function num(field: string | undefined): number | undefined {
  if (field === undefined || field === '') return undefined;
  const n = Number(field);
  return Number.isFinite(n) ? n : undefined;
}

export function int(field: string | undefined): number | undefined {
  const n = num(field);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/**
 * `ddmm.mmmm` / `dddmm.mmmm` with a hemisphere letter → signed decimal degrees.
 * Returns undefined for empty fields, null for nonsense (minutes ≥ 60, out of range).
 */
export function latLon(value: string | undefined, hemisphere: string | undefined, isLat: boolean): number | undefined | null {
  if (!value) return undefined;
  const dot = value.indexOf('.');
  const degDigits = (dot < 0 ? value.length : dot) - 2;
  if (degDigits < 1 || degDigits > (isLat ? 2 : 3)) return null;
  const deg = Number(value.slice(0, degDigits));
  const min = Number(value.slice(degDigits));
  if (!Number.isFinite(deg) || !Number.isFinite(min) || min >= 60) return null;
  let v = deg + min / 60;
  if (hemisphere === (isLat ? 'S' : 'W')) v = -v;
  else if (hemisphere !== (isLat ? 'N' : 'E')) return null;
  if (Math.abs(v) > (isLat ? 90 : 180)) return null;
  return v;
}

/** `hhmmss.sss` → ms since midnight; undefined when empty, null when malformed. */
export function timeOfDay(value: string | undefined): number | undefined | null {
  if (!value) return undefined;
  if (value.length < 6) return null;
  const h = Number(value.slice(0, 2));
  const m = Number(value.slice(2, 4));
  const s = Number(value.slice(4));
  // 60 is a leap second (UTC allows it; receivers print it).
  if (!Number.isInteger(h) || !Number.isInteger(m) || !Number.isFinite(s) || h > 23 || m > 59 || s >= 61) return null;
  return Math.round(((h * 60 + m) * 60 + s) * 1000);
}

/**
 * Two-digit years: GPS began in 1980, so 80–99 are 19xx and 00–79 are 20xx
 * (the same pivot gpsd uses before it has seen a ZDA).
 */
export function fullYear(yy: number): number {
  return yy >= 80 ? 1900 + yy : 2000 + yy;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 February
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Unix ms from an ISO date and ms since midnight. */
export function instant(date: string, msOfDay: number): number {
  return Date.parse(`${date}T00:00:00Z`) + msOfDay;
}

/** FAA mode letter → mode. */
export function faaMode(letter: string | undefined): FixMode | undefined {
  switch (letter) {
    case 'A':
      return 'autonomous';
    case 'D':
      return 'differential';
    case 'E':
      return 'estimated';
    case 'M':
      return 'manual';
    case 'S':
      return 'simulator';
    case 'N':
      return 'not_valid';
    case 'P':
      return 'precise';
    case 'R':
      return 'rtk';
    case 'F':
      return 'rtk_float';
    default:
      return undefined;
  }
}

/** Sets only defined values, so a Fix never carries `key: undefined`. */
export function put<K extends keyof Fix>(fix: Fix, key: K, value: Fix[K] | undefined | null): void {
  if (value !== undefined && value !== null) fix[key] = value;
}
