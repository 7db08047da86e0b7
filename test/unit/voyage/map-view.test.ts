import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitView, pan, project, unproject, zoomAt } from '../../../renderer/pages/voyage/view';
import { decimateScreen } from '../../../shared/voyage/decimate';

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
