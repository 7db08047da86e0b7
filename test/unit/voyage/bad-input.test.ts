import { describe, expect, it } from 'vitest';
import { analyseVoyage } from '../../../shared/voyage/analyse';
import { cleanTrack } from '../../../shared/voyage/clean';
import { trackFromPositions } from '../../../shared/voyage/track';
import { HOUR, MIN, Scenario, T0 } from './scenario';

const passage = () => new Scenario(7.5, 96.7, T0, MIN, '567000001').sail(90, 20, 8).stay(HOUR, 0.1);

describe('bad positions are handled and reported', () => {
  it('out-of-order fixes are put in order, reported, and give the same events as ordered ones', () => {
    const s = passage().dark(8 * HOUR).stay(HOUR);
    const shuffled = [...s.positions];
    for (let i = 0; i + 7 < shuffled.length; i += 7) [shuffled[i], shuffled[i + 5]] = [shuffled[i + 5]!, shuffled[i]!];
    const ordered = analyseVoyage({ track: trackFromPositions(s.positions) });
    const mixed = analyseVoyage({ track: trackFromPositions(shuffled) });
    expect(mixed.issues.find((i) => i.kind === 'out_of_order')?.count).toBeGreaterThan(10);
    expect(ordered.issues.filter((i) => i.kind === 'out_of_order')).toEqual([]);
    expect(mixed.gaps).toEqual(ordered.gaps);
    expect(mixed.voyages).toEqual(ordered.voyages);
  });

  it('duplicate timestamps keep the first fix and say whether the duplicate disagreed', () => {
    const s = passage();
    const p = s.positions;
    const dup = [...p.slice(0, 10), { ...p[9]! }, { ...p[9]!, lat: p[9]!.lat + 0.01 }, ...p.slice(10)];
    const { track, issues } = cleanTrack(trackFromPositions(dup));
    expect(track.n).toBe(p.length);
    expect(issues.find((i) => i.kind === 'duplicate_time')?.count).toBe(1);
    const conflict = issues.find((i) => i.kind === 'conflicting_duplicate');
    expect(conflict?.count).toBe(1);
    expect(conflict?.examples[0]?.detail).toMatch(/^111\d m from the kept fix$/);
  });

  it('a lone fix at impossible speed is dropped and reported; a gap is not invented by it', () => {
    const s = passage();
    const p = s.positions.map((x) => ({ ...x }));
    p[30] = { ...p[30]!, lat: p[30]!.lat + 1 }; // 60 nm away for one minute: 3 600 kn
    const r = analyseVoyage({ track: trackFromPositions(p) });
    const bad = r.issues.find((i) => i.kind === 'impossible_speed');
    expect(bad?.count).toBe(1);
    expect(bad?.examples[0]?.t).toBe(p[30]!.t);
    expect(r.positions).toBe(p.length - 1);
    expect(r.gaps).toEqual([]);
    expect(r.voyages).toHaveLength(1);
  });

  it('a track that jumps and stays at the new place is kept and the jump reported as possible spoofing', () => {
    const a = new Scenario(7.5, 96.7, T0, MIN).stay(HOUR, 0.1);
    const b = new Scenario(9.5, 96.7, a.t, MIN).stay(HOUR, 0.1);
    const { track, issues } = cleanTrack(trackFromPositions([...a.positions, ...b.positions]));
    expect(track.n).toBe(120);
    const jump = issues.find((i) => i.kind === 'jump');
    expect(jump?.count).toBe(1);
    expect(jump?.examples[0]?.detail).toMatch(/nm$/);
  });

  it('positions with no usable coordinates are dropped and counted, not a crash', () => {
    const p = passage().positions.map((x) => ({ ...x }));
    const track = trackFromPositions(p);
    track.lat[3] = NaN;
    track.lon[4] = 500;
    track.lat[5] = 0;
    track.lon[5] = 0; // "null island": a receiver without a fix
    const { track: clean, issues } = cleanTrack(track);
    expect(clean.n).toBe(p.length - 3);
    expect(issues.find((i) => i.kind === 'invalid')?.count).toBe(3);
    expect(issues.find((i) => i.kind === 'invalid')?.examples.map((e) => e.detail)).toContain('exactly 0°N 0°E, sent by receivers without a fix');
  });

  it('an empty track says there is nothing to analyse', () => {
    const r = analyseVoyage({ track: trackFromPositions([]) });
    expect(r.positions).toBe(0);
    expect(r.events).toEqual([]);
    expect(r.issues.map((i) => i.kind)).toEqual(['no_positions']);
  });

  it('a vessel without any static data is analysed and reported by MMSI only', () => {
    const r = analyseVoyage({ track: trackFromPositions(passage().positions), ownMmsi: '567000001', identities: new Map() });
    expect(r.vessel).toEqual({ mmsi: '567000001', nameSource: 'unknown' });
    expect(r.issues.find((i) => i.kind === 'no_static_data')?.message).toMatch(/No name is known for MMSI 567000001/);
  });

  it('fixes without reported speed get the speed implied by their neighbours', () => {
    const p = passage().positions.map(({ sog: _sog, ...rest }) => rest);
    const { track } = cleanTrack(trackFromPositions(p));
    expect(track.speedKn[10]).toBeCloseTo(8, 2);
  });
});
