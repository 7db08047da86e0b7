import type { VoyageAnalysis } from './analyse';
import type { VoyageEvent } from './events';

/** Where an event sits on the map: a point for most, a line for a gap (the unseen stretch). */
function geometry(e: VoyageEvent): { type: 'Point'; coordinates: [number, number] } | { type: 'LineString'; coordinates: [number, number][] } | null {
  switch (e.kind) {
    case 'gap':
      return { type: 'LineString', coordinates: [[e.from.lon, e.from.lat], [e.to.lon, e.to.lat]] };
    case 'voyage':
      return null;
    default:
      return { type: 'Point', coordinates: [e.position.lon, e.position.lat] };
  }
}

/** RFC 7946 GeoJSON: one feature per event, its fields as properties, times as ISO 8601. */
export function eventsToGeoJson(analysis: VoyageAnalysis): { type: 'FeatureCollection'; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    features: analysis.events.map((e) => {
      const { position: _p, from: _f, to: _t, stops, reasons, ...rest } = e as VoyageEvent & Record<string, unknown>;
      return {
        type: 'Feature',
        id: e.id,
        geometry: geometry(e),
        properties: {
          ...rest,
          start: new Date(e.start).toISOString(),
          end: new Date(e.end).toISOString(),
          ...(stops ? { stops: JSON.stringify(stops) } : {}),
          ...(reasons ? { reasons: (reasons as string[]).join('; ') } : {}),
          ...(analysis.vessel.mmsi ? { vesselMmsi: analysis.vessel.mmsi } : {}),
        },
      };
    }),
  };
}

const CSV_COLUMNS = ['id', 'kind', 'start', 'end', 'durationH', 'lat', 'lon', 'port', 'otherMmsi', 'otherName', 'distanceM', 'flagged', 'possibleIntentionalDisabling', 'detail'] as const;

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
  // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet does not run it as a formula.
  const safe = /^[=+\-@]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per event, for a spreadsheet; `id` is what a finding cites. */
export function eventsToCsv(analysis: VoyageAnalysis): string {
  const rows = analysis.events.map((e) => {
    const where = e.kind === 'gap' ? e.from : e.kind === 'voyage' ? undefined : e.position;
    const detail =
      e.kind === 'voyage'
        ? `${e.fromPort ?? 'no known port'} → ${e.toPort ?? 'no known port'}${e.partial ? ' (partial)' : ''}`
        : e.kind === 'gap'
          ? e.reasons.join('; ')
          : e.kind === 'encounter'
            ? `median ${Math.round(e.medianDistanceM)} m apart`
            : e.kind === 'loitering'
              ? `mean ${e.meanKn.toFixed(2)} kn`
              : `${e.stops.length} stop(s)`;
    const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      id: e.id,
      kind: e.kind,
      start: new Date(e.start).toISOString(),
      end: new Date(e.end).toISOString(),
      durationH: e.durationH,
      lat: where?.lat,
      lon: where?.lon,
      port: e.kind === 'port_visit' ? e.port : undefined,
      otherMmsi: e.kind === 'encounter' ? e.otherMmsi : undefined,
      otherName: e.kind === 'encounter' ? e.otherName : undefined,
      distanceM: e.kind === 'gap' ? e.distanceM : undefined,
      flagged: e.kind === 'gap' ? e.flagged : undefined,
      possibleIntentionalDisabling: e.kind === 'gap' ? e.possibleIntentionalDisabling : undefined,
      detail,
    };
    return CSV_COLUMNS.map((c) => cell(values[c])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
