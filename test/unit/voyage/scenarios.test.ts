import { describe, expect, it } from 'vitest';
import { destination, distanceM, NM_M } from '../../../shared/geo/distance';
import { distanceFromShoreM } from '../../../shared/geo/shore-grid';
import { analyseVoyage } from '../../../shared/voyage/analyse';
import { fleetFromPositions } from '../../../shared/voyage/fleet';
import type { VesselIdentity } from '../../../shared/voyage/position';
import { trackFromPositions } from '../../../shared/voyage/track';
import { loadShoreGrid } from '../../../main/voyage/coastline';
import { HOUR, MIN, Scenario, T0 } from './scenario';

// A home port on the Andaman Sea coast (Phuket, Thailand); bearing 260° runs out to open sea.
const HOME = { name: 'Phuket', lat: 7.8, lon: 98.38 };
const WEST = 260;
const grid = loadShoreGrid({ scale: '50m' });
const shoreAt = (lat: number, lon: number) => distanceFromShoreM(grid, lat, lon);

function meetingAt(stayMs: number) {
  // The fishing vessel leaves port after 6 h alongside, sails 120 nm at 10 kn, stops beside the carrier, and sails home.
  const own = new Scenario(HOME.lat, HOME.lon, T0, MIN, '567000001').stay(6 * HOUR).sail(WEST, 120, 10);
  const meet = { lat: own.lat, lon: own.lon, t: own.t };
  own.stay(stayMs, 0).sail(WEST + 180, 120, 10).stay(6 * HOUR);
  // The carrier waits at the meeting point the whole day, reporting every 30 s at 0.3 kn.
  const carrier = new Scenario(meet.lat, meet.lon, meet.t - 6 * HOUR, 30_000, '636000777').stay(12 * HOUR + stayMs, 0.3);
  return { own, carrier, meet };
}

const identities = new Map<string, VesselIdentity>([['636000777', { mmsi: '636000777', name: 'OCEAN REEFER', source: 'ais' }]]);

function analyse(own: Scenario, others: Scenario[] = []) {
  return analyseVoyage({
    track: trackFromPositions(own.positions),
    ownMmsi: own.mmsi,
    fleet: fleetFromPositions(others.flatMap((o) => o.positions)),
    identities,
    ports: [HOME],
    shoreAt,
  });
}

describe('encounter with a carrier 120 nm offshore', () => {
  it('the meeting point really is about 120 nm from shore', () => {
    const { meet } = meetingAt(3 * HOUR);
    expect(shoreAt(meet.lat, meet.lon) / NM_M).toBeGreaterThan(105);
  });

  it('a 3 h meeting is one encounter, named from AIS static data, with exact times', () => {
    const { own, carrier, meet } = meetingAt(3 * HOUR);
    const result = analyse(own, [carrier]);
    expect(result.encounters).toHaveLength(1);
    const e = result.encounters[0]!;
    // At 10 kn the vessel covers 500 m in 97 s; the carrier reports every 30 s,
    // so the first report in range is 90 s before the stop and the last 90 s after it.
    expect(e.start).toBe(meet.t - 90_000);
    expect(e.end).toBe(meet.t + 3 * HOUR + 90_000);
    expect(e.durationH).toBeCloseTo(3 + 3 / 60, 6);
    expect(e.otherMmsi).toBe('636000777');
    expect(e.otherName).toBe('OCEAN REEFER');
    expect(e.nameSource).toBe('ais');
    expect(distanceM(e.position.lat, e.position.lon, meet.lat, meet.lon)).toBeLessThan(50);
    expect(e.nearestPortM! / NM_M).toBeCloseTo(120, 0);
  });

  it('a meeting within range for 1 h 59 min is no encounter; 2 h 00 min is one', () => {
    // In range = stop + 3 min (90 s each side), so stops of 1 h 56 min and 1 h 57 min.
    expect(analyse(meetingAt(116 * MIN).own, [meetingAt(116 * MIN).carrier]).encounters).toHaveLength(0);
    const two = meetingAt(117 * MIN);
    const found = analyse(two.own, [two.carrier]).encounters;
    expect(found).toHaveLength(1);
    expect(found[0]!.end - found[0]!.start).toBe(2 * HOUR);
  });

  it('a vessel passing 400 m off at speed is no encounter, however long they were near each other', () => {
    const own = new Scenario(HOME.lat, HOME.lon, T0, MIN, '567000001').stay(HOUR).sail(WEST, 120, 1.9);
    const p = destination(HOME.lat, HOME.lon, WEST - 90, 400);
    const escort = new Scenario(p.lat, p.lon, T0 + HOUR, MIN, '412000001').sail(WEST, 120, 1.9);
    // Both are slow (1.9 kn) and 400 m apart for 63 h: an encounter by GFW's rules except near the port at the start.
    const r = analyse(own, [escort]);
    expect(r.encounters).toHaveLength(1);
    expect(r.encounters[0]!.otherName).toBeUndefined();
    expect(r.encounters[0]!.nameSource).toBe('unknown');
    expect(r.issues.some((i) => i.kind === 'no_static_data' && i.message.includes('1 vessel'))).toBe(true);
    const fast = new Scenario(p.lat, p.lon, T0 + HOUR, MIN, '412000001').sail(WEST, 120, 1.9);
    const ownFast = new Scenario(HOME.lat, HOME.lon, T0, MIN, '567000001').stay(HOUR).sail(WEST, 120, 1.9);
    ownFast.positions.forEach((q) => (q.sog = 6));
    fast.positions.forEach((q) => (q.sog = 6));
    expect(analyse(ownFast, [fast]).encounters).toHaveLength(0);
  });

  it('a mooring beside another vessel in port is not an encounter', () => {
    const own = new Scenario(HOME.lat, HOME.lon, T0, MIN, '567000001').stay(10 * HOUR);
    const neighbour = new Scenario(HOME.lat + 0.001, HOME.lon, T0, MIN, '567000002').stay(10 * HOUR);
    expect(analyse(own, [neighbour]).encounters).toHaveLength(0);
  });
});

describe('AIS gaps', () => {
  function darkAt(nmOut: number, darkMs: number) {
    const intervalMs = MIN;
    const s = new Scenario(HOME.lat, HOME.lon, T0, intervalMs, '567000001').stay(6 * HOUR).sail(WEST, nmOut, 10);
    s.stay(HOUR);
    const goneDark = s.t - intervalMs;
    s.dark(darkMs - intervalMs).stay(HOUR).sail(WEST + 180, nmOut, 10).stay(6 * HOUR);
    return { s, goneDark };
  }

  it('a 20 h silence 80 nm offshore after dense reporting is flagged as possible intentional disabling', () => {
    const { s, goneDark } = darkAt(85, 20 * HOUR);
    expect(goneDark).toBe(s.positions.find((p) => p.t > goneDark)!.t - 20 * HOUR);
    const r = analyse(s);
    expect(r.gaps).toHaveLength(1);
    const g = r.gaps[0]!;
    expect(g.start).toBe(goneDark);
    expect(g.end).toBe(goneDark + 20 * HOUR);
    expect(g.durationH).toBe(20);
    expect(g.startShoreM! / NM_M).toBeGreaterThan(75);
    expect(g.startShoreM! / NM_M).toBeLessThan(85);
    expect(g.flagged).toBe(true);
    expect(g.possibleIntentionalDisabling).toBe(true);
    expect(g.impliedSpeedKn).toBeCloseTo(0, 3);
  });

  it('the same silence 15 nm from shore is flagged but not called disabling, and says why', () => {
    const { s } = darkAt(20, 20 * HOUR);
    const g = analyse(s).gaps[0]!;
    expect(g.flagged).toBe(true);
    expect(g.possibleIntentionalDisabling).toBe(false);
    expect(g.reasons.join(' ')).toMatch(/from shore \(limit 50 nm\)/);
  });

  it('a vessel reporting only hourly before the silence (13 fixes in 12 h) is not called disabling; every 55 min (14) is', () => {
    // 75 nm from shore, reporting every `interval` for 13 h, silent 20 h, then reporting again.
    const silentAfter = (interval: number) => {
      const s = new Scenario(7.567, 97.056, T0, interval, '567000001').stay(13 * HOUR);
      const last = s.positions.at(-1)!.t;
      s.t = last;
      return s.dark(20 * HOUR).stay(2 * HOUR);
    };
    const g = analyse(silentAfter(60 * MIN)).gaps[0]!;
    expect(g.durationH).toBe(20);
    expect(g.positionsBefore).toBe(13);
    expect(g.possibleIntentionalDisabling).toBe(false);
    const g2 = analyse(silentAfter(55 * MIN)).gaps[0]!;
    expect(g2.positionsBefore).toBe(14);
    expect(g2.possibleIntentionalDisabling).toBe(true);
  });

  it('gaps of 6 h are recorded but not flagged, 5 h 59 min not recorded, and implied speed is reported', () => {
    const s = new Scenario(7.5, 96.7, T0, MIN, '567000001').stay(HOUR).dark(6 * HOUR - MIN, 270, 30).stay(HOUR).dark(6 * HOUR - 2 * MIN).stay(HOUR);
    const r = analyse(s);
    expect(r.gaps).toHaveLength(1);
    expect(r.gaps[0]!.durationH).toBe(6);
    expect(r.gaps[0]!.flagged).toBe(false);
    expect(r.gaps[0]!.impliedSpeedKn).toBeCloseTo(5, 6);
    expect(r.gaps[0]!.distanceM).toBeCloseTo(30 * NM_M, 3);
  });
});

describe('port calls', () => {
  const B = (() => {
    const p = destination(HOME.lat, HOME.lon, 180, 30 * NM_M);
    return { name: 'Port B', lat: p.lat, lon: p.lon };
  })();

  function calls() {
    // Alongside at home 5 h, 30 nm south at 10 kn to B (3 h), 6 h at B, back home (3 h), 4 h alongside.
    const s = new Scenario(HOME.lat, HOME.lon, T0, MIN, '567000001').stay(5 * HOUR).sail(180, 30, 10).stay(6 * HOUR).sail(0, 30, 10).stay(4 * HOUR);
    return s;
  }

  it('gives exact visits and the voyages between them', () => {
    const r = analyseVoyage({ track: trackFromPositions(calls().positions), ports: [HOME, B], shoreAt });
    // 10 kn is 308.67 m a minute: a fix is first inside 3 km of a port 9 min before arriving
    // (2 778 m out) and last inside 4 km 12 min after leaving (3 704 m out).
    const arriveB = T0 + 8 * HOUR;
    const leaveB = arriveB + 6 * HOUR;
    const arriveHome = leaveB + 3 * HOUR;
    expect(r.visits.map((v) => [v.port, v.start, v.end, v.open])).toEqual([
      ['Phuket', T0, T0 + 5 * HOUR + 12 * MIN, 'start'],
      ['Port B', arriveB - 9 * MIN, leaveB + 12 * MIN, undefined],
      ['Phuket', arriveHome - 9 * MIN, arriveHome + 4 * HOUR - MIN, 'end'],
    ]);
    expect(r.voyages.map((v) => [v.fromPort, v.toPort, v.start, v.end, v.partial])).toEqual([
      ['Phuket', 'Port B', T0 + 5 * HOUR + 12 * MIN, arriveB - 9 * MIN, false],
      ['Port B', 'Phuket', leaveB + 12 * MIN, arriveHome - 9 * MIN, false],
    ]);
    expect(r.voyages[0]!.durationH).toBeCloseTo(3 - 21 / 60, 9);
    expect(r.voyages[0]!.maxDistanceFromPortM! / NM_M).toBeCloseTo(30 - 9 / 6, 0);
    expect(r.visits[1]!.stops).toEqual([{ start: arriveB, end: leaveB, kind: 'stop' }]);
  });

  it('passing a port without stopping is not a visit', () => {
    const s = new Scenario(HOME.lat, HOME.lon, T0, MIN).stay(2 * HOUR).sail(180, 60, 10);
    const r = analyseVoyage({ track: trackFromPositions(s.positions), ports: [HOME, B] });
    expect(r.visits.map((v) => v.port)).toEqual(['Phuket']);
    expect(r.voyages).toHaveLength(1);
    expect(r.voyages[0]!.partial).toBe(true);
  });

  it('a silence of over 4 h inside a port counts as a visit even without a reported stop', () => {
    // 7 h dark 1 nm from port B: a port visit by its in-port gap, and a recorded gap that is not suspicious.
    const s = new Scenario(HOME.lat, HOME.lon, T0, MIN).sail(180, 29, 10);
    s.positions.forEach((p) => (p.sog = 10));
    const r0 = s.positions.length;
    s.dark(7 * HOUR).sail(0, 29, 10);
    s.positions.slice(r0).forEach((p) => (p.sog = 10));
    const r = analyseVoyage({ track: trackFromPositions(s.positions), ports: [HOME, B] });
    const atB = r.visits.find((v) => v.port === 'Port B');
    expect(atB?.stops.map((x) => x.kind)).toEqual(['gap']);
    expect(r.gaps[0]!.inPort).toBe(true);
    expect(r.gaps[0]!.possibleIntentionalDisabling).toBe(false);
  });

  it('days at sea count calendar days touched by a voyage', () => {
    const s = new Scenario(HOME.lat, HOME.lon, T0 + 20 * HOUR, MIN).stay(2 * HOUR).sail(180, 30, 10).stay(2 * HOUR);
    const r = analyseVoyage({ track: trackFromPositions(s.positions), ports: [HOME, B] });
    expect(r.voyages).toHaveLength(1);
    expect(r.voyages[0]!.calendarDaysAtSea).toBe(2); // left 22:12 on 1 March, arrived 00:51 on 2 March
  });
});

describe('loitering', () => {
  it('4 h drifting at 1 kn 80 nm offshore is loitering; the same near shore is not', () => {
    const far = new Scenario(7.567, 97.056, T0, MIN).sail(0, 4, 1).stay(10 * MIN, 1);
    const r = analyseVoyage({ track: trackFromPositions(far.positions), shoreAt });
    expect(r.loitering).toHaveLength(1);
    expect(r.loitering[0]!.durationH).toBeCloseTo(4 + 9 / 60, 9);
    const near = new Scenario(HOME.lat, HOME.lon, T0, MIN).sail(0, 4, 1).stay(10 * MIN, 1);
    expect(analyseVoyage({ track: trackFromPositions(near.positions), shoreAt }).loitering).toHaveLength(0);
    const short = new Scenario(7.567, 97.056, T0, MIN).sail(0, 3.9, 1);
    expect(analyseVoyage({ track: trackFromPositions(short.positions), shoreAt }).loitering).toHaveLength(0);
  });
});

describe("the vessel's own transponder heard by a second receiver", () => {
  it('is recognised as the vessel itself, not an encounter, and names the vessel; a real meeting is still found', () => {
    const own = new Scenario(HOME.lat, HOME.lon, T0, MIN).stay(2 * HOUR).sail(WEST, 120, 10);
    const meet = { lat: own.lat, lon: own.lon, t: own.t };
    own.stay(3 * HOUR, 0).sail(WEST, 5, 0.5).sail(WEST + 180, 125, 10).stay(2 * HOUR);
    // The ship's own AIS, 30 m from the GNSS antenna, at every fix of the whole trip.
    const transponder = own.positions.map((p) => ({ ...p, lat: p.lat + 0.00027, mmsi: '567000001' }));
    const carrier = new Scenario(meet.lat, meet.lon, meet.t - HOUR, 30_000, '636000777').stay(5 * HOUR, 0.3);
    const r = analyseVoyage({
      track: trackFromPositions(own.positions),
      fleet: fleetFromPositions([...transponder, ...carrier.positions]),
      identities: new Map<string, VesselIdentity>([...identities, ['567000001', { mmsi: '567000001', name: 'SEA HARVEST 7', source: 'ais' }]]),
      ports: [HOME],
      shoreAt,
    });
    expect(r.encounters.map((e) => e.otherMmsi)).toEqual(['636000777']);
    expect(r.issues.find((i) => i.kind === 'own_transponder')?.message).toMatch(/MMSI 567000001 follow this vessel's own track/);
    expect(r.vessel).toEqual({ mmsi: '567000001', name: 'SEA HARVEST 7', nameSource: 'ais' });
  });
});
