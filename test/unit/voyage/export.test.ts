import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { analyseVoyage } from '../../../shared/voyage/analyse';
import { eventsToCsv, eventsToGeoJson } from '../../../shared/voyage/export';
import { fleetFromPositions } from '../../../shared/voyage/fleet';
import type { VesselIdentity } from '../../../shared/voyage/position';
import { trackFromPositions } from '../../../shared/voyage/track';
import { HOUR, MIN, Scenario, T0 } from './scenario';

const own = new Scenario(7.8, 98.38, T0, MIN, '567000001').stay(6 * HOUR).sail(260, 60, 10);
const meet = { lat: own.lat, lon: own.lon, t: own.t };
own.stay(3 * HOUR).dark(8 * HOUR).stay(HOUR).sail(80, 60, 10).stay(6 * HOUR);
const carrier = new Scenario(meet.lat, meet.lon, meet.t - HOUR, 30_000, '636000777').stay(5 * HOUR, 0.3);
// A name that would run as a formula in a spreadsheet, with a comma and a quote.
const identities = new Map<string, VesselIdentity>([['636000777', { mmsi: '636000777', name: '=HYPERLINK("x"),REEFER', source: 'ais' }]]);
const a = analyseVoyage({ track: trackFromPositions(own.positions), ownMmsi: '567000001', fleet: fleetFromPositions(carrier.positions), identities, ports: [{ name: 'Phuket', lat: 7.8, lon: 98.38 }] });

describe('event exports', () => {
  it('GeoJSON has one feature per event, ids to cite, [lon, lat] order and ISO times', () => {
    const fc = eventsToGeoJson(a);
    expect(fc.features).toHaveLength(a.events.length);
    const f = fc.features as { id: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[];
    const enc = f.find((x) => x.properties.kind === 'encounter')!;
    expect(enc.id).toBe(a.encounters[0]!.id);
    const [lon, lat] = enc.geometry!.coordinates as [number, number];
    expect(lon).toBeCloseTo(meet.lon, 2);
    expect(lat).toBeCloseTo(meet.lat, 2);
    expect(enc.properties.start).toBe(new Date(a.encounters[0]!.start).toISOString());
    expect(f.find((x) => x.properties.kind === 'gap')!.geometry!.type).toBe('LineString');
    expect(f.find((x) => x.properties.kind === 'voyage')!.geometry).toBeNull();
  });

  it('CSV reads back with the same ids, and a name cannot run as a spreadsheet formula', () => {
    const rows = Papa.parse<Record<string, string>>(eventsToCsv(a).trim(), { header: true }).data;
    expect(rows.map((r) => r.id)).toEqual(a.events.map((e) => e.id));
    const enc = rows.find((r) => r.kind === 'encounter')!;
    expect(enc.otherName).toBe(`'=HYPERLINK("x"),REEFER`);
    expect(enc.otherMmsi).toBe('636000777');
    expect(rows.find((r) => r.kind === 'gap')!.durationH).toBe('8.016667'); // last fix a minute before going dark: 8 h 1 min
  });
});
