import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitView, pan, project, unproject, zoomAt } from '../../../renderer/pages/voyage/view';
import { decimateScreen } from '../../../shared/voyage/decimate';
import { fixesForZoom, levelsOf } from '../../../renderer/pages/voyage/lod';

describe('track map view', () => {
  it('fits every point of the track inside the canvas', () => {
    const lats = [7.8, 7.45, 7.6];
    const lons = [98.38, 96.4, 97.1];
    const v = fitView(lats, lons, 800, 480, 40);
    lats.forEach((lat, i) => {
      const [x, y] = project(v, lat, lons[i]!);
      expect(x).toBeGreaterThanOrEqual(39.9);
      expect(x).toBeLessThanOrEqual(760.1);
      expect(y).toBeGreaterThanOrEqual(39.9);
      expect(y).toBeLessThanOrEqual(440.1);
    });
  });

  it('zooming keeps the point under the cursor where it was; panning moves the map with the hand', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 800, noNaN: true }), fc.double({ min: 0, max: 480, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), (x, y, f) => {
        const v = fitView([7, 8], [97, 98], 800, 480);
        const [lat, lon] = unproject(v, x, y);
        const z = zoomAt(v, x, y, f);
        const [x2, y2] = project(z, lat, lon);
        expect(Math.abs(x2 - x)).toBeLessThan(1e-6);
        expect(Math.abs(y2 - y)).toBeLessThan(1e-6);
      }),
    );
    const v = fitView([7, 8], [97, 98], 800, 480);
    const p = pan(v, 30, -20);
    const [x, y] = project(p, v.lat, v.lon);
    expect(x).toBeCloseTo(430, 6);
    expect(y).toBeCloseTo(220, 6);
  });

  it('a million fixes draw as one point per 1.5 px of path on screen, ends kept', () => {
    const n = 1_000_000;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = (i / n) * 800;
      ys[i] = 240 + Math.sin(i / 5000) * 100;
    }
    const keep = decimateScreen(xs, ys, 1.5);
    let pathPx = 0;
    for (let i = 1; i < n; i++) pathPx += Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
    expect(keep.length).toBeLessThanOrEqual(pathPx / 1.5 + 2);
    expect(keep.length).toBeLessThan(n / 50);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(n - 1);
    for (let k = 1; k < keep.length - 1; k++) expect(Math.hypot(xs[keep[k]!]! - xs[keep[k - 1]!]!, ys[keep[k]!]! - ys[keep[k - 1]!]!)).toBeGreaterThanOrEqual(1.5);
  });
});

describe('levels of detail for the track', () => {
  const n = 200_000;
  const track = { t: [] as number[], lat: [] as number[], lon: [] as number[], kn: [] as number[], of: n };
  for (let i = 0; i < n; i++) {
    // 1 Hz zig-zag at 3 kn with a 2 h silence in the middle.
    track.t.push(i * 1000 + (i >= n / 2 ? 7_200_000 : 0));
    track.lat.push(7 + Math.sin(i / 900) * 0.01 + i * 1e-7);
    track.lon.push(97 + i * 1.5e-6);
    track.kn.push(3);
  }

  it('gets coarser as the map zooms out, and never drops the track ends or the fixes around a silence', () => {
    const levels = levelsOf(track);
    for (let k = 1; k < levels.length; k++) expect(levels[k]!.idx.length).toBeLessThanOrEqual(levels[k - 1]!.idx.length);
    for (const l of levels) {
      const set = new Set(l.idx);
      for (const i of [0, n / 2 - 1, n / 2, n - 1]) expect(set.has(i)).toBe(true);
    }
    const close = fixesForZoom(track, 1_000_000);
    const far = fixesForZoom(track, 100);
    expect(close.length).toBeGreaterThan(far.length * 10);
    expect(far.length).toBeLessThan(5000);
  });

  it('a level drawn at its zoom never strays more than 3 px from the full track', () => {
    const pxPerDeg = 20_000;
    const fixes = fixesForZoom(track, pxPerDeg);
    // Each level is built from the one before, so a dropped fix lies within twice the chosen
    // level's step (at most 1.5 px) of the kept fix before it.
    let j = 0;
    let worst = 0;
    const k = Math.cos((7 * Math.PI) / 180);
    for (let i = 0; i < n; i++) {
      if (fixes[j + 1] === i) j++;
      const a = fixes[j]!;
      worst = Math.max(worst, Math.hypot((track.lon[i]! - track.lon[a]!) * pxPerDeg * k, (track.lat[i]! - track.lat[a]!) * pxPerDeg));
    }
    expect(worst).toBeLessThan(3);
    expect(fixes.length).toBeLessThan(n / 5);
  });
});
