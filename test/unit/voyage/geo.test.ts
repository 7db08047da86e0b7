import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination, distanceM, fastDistanceM, NM_M } from '../../../shared/geo/distance';
import { buildShoreGrid, decodeShoreGrid, distanceFromShoreM, encodeShoreGrid, isLand } from '../../../shared/geo/shore-grid';
import { coastGeometry } from '../../../main/voyage/coastline';

const { coast, rings } = coastGeometry('110m');
const grid = buildShoreGrid(coast, rings, { cellDeg: 0.25, seedSpacingM: 2000 });

describe('distance from shore by grid lookup', () => {
  it('never under-reads and stays within one cell of the true nearest coast point', () => {
    const lats = grid.seedLat;
    const lons = grid.seedLon;
    fc.assert(
      fc.property(fc.double({ min: -70, max: 75, noNaN: true }), fc.double({ min: -180, max: 179.99, noNaN: true }), (lat, lon) => {
        let best = Infinity;
        for (let s = 0; s < lats.length; s++) best = Math.min(best, distanceM(lat, lon, lats[s]!, lons[s]!));
        const got = distanceFromShoreM(grid, lat, lon);
        // Near the coast the lookup measures on the flat (equirectangular) formula: within a metre of haversine.
        expect(got).toBeGreaterThanOrEqual(best - 1);
        // Half a 0.25° cell diagonal at the equator is about 20 km.
        expect(got - best).toBeLessThan(40_000);
      }),
      { numRuns: 60 },
    );
  });

  it('knows open ocean from a harbour mouth', () => {
    expect(distanceFromShoreM(grid, 0, -140) / NM_M).toBeGreaterThan(300);
    expect(distanceFromShoreM(grid, 7.8, 98.3) / NM_M).toBeLessThan(10);
    expect(isLand(grid, 48.85, 2.35)).toBe(true); // Paris
    expect(isLand(grid, 0, -140)).toBe(false);
  });

  it('the on-disk image reads back to the same grid, and a damaged one is refused', () => {
    const bytes = encodeShoreGrid(grid);
    const back = decodeShoreGrid(bytes)!;
    expect(back.width).toBe(grid.width);
    expect(Buffer.from(back.nearest.buffer, back.nearest.byteOffset, back.nearest.byteLength).equals(Buffer.from(grid.nearest.buffer))).toBe(true);
    expect(distanceFromShoreM(back, 10, 88)).toBe(distanceFromShoreM(grid, 10, 88));
    expect(decodeShoreGrid(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeShoreGrid(new Uint8Array(100))).toBeUndefined();
  });
});

describe('great-circle helpers', () => {
  it('the fast distance agrees with haversine to 0.01 % near and exactly far', () => {
    fc.assert(
      fc.property(fc.double({ min: -75, max: 75, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 1, max: 2_000_000, noNaN: true }), (lat, lon, b, d) => {
        const p = destination(lat, lon, b, d);
        const exact = distanceM(lat, lon, p.lat, p.lon);
        expect(Math.abs(fastDistanceM(lat, lon, p.lat, p.lon) - exact)).toBeLessThanOrEqual(Math.max(1e-4 * exact, 1e-6));
      }),
    );
  });

  it('going a distance on a bearing lands that distance away', () => {
    fc.assert(
      fc.property(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: 0, max: 360, noNaN: true }), fc.double({ min: 1, max: 500_000, noNaN: true }), (lat, lon, b, d) => {
        const p = destination(lat, lon, b, d);
        expect(Math.abs(distanceM(lat, lon, p.lat, p.lon) - d)).toBeLessThan(1e-3 * Math.max(1, d / 1000));
        expect(p.lon).toBeGreaterThanOrEqual(-180);
        expect(p.lon).toBeLessThanOrEqual(180);
      }),
    );
  });
});
