import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByVessel, type FleetReports } from '../../../shared/voyage/fleet';

function fleetOf(rows: { mmsi: number; t: number }[]): FleetReports {
  const n = rows.length;
  return {
    n,
    mmsi: Uint32Array.from(rows.map((r) => r.mmsi)),
    t: Float64Array.from(rows.map((r) => r.t)),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    sog: new Float32Array(n),
  };
}

describe('grouping AIS reports by vessel', () => {
  it('puts every report under its own vessel exactly once, in time order, without the audited vessel', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mmsi: fc.oneof(fc.integer({ min: 100_000_000, max: 100_000_020 }), fc.integer({ min: 200_000_000, max: 999_999_999 })), t: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 3000 }),
        fc.integer({ min: 100_000_000, max: 100_000_020 }),
        (rows, exclude) => {
          const f = fleetOf(rows);
          const groups = groupByVessel(f, exclude);
          const seen: number[] = [];
          for (const [mmsi, list] of groups) {
            expect(mmsi).not.toBe(exclude);
            for (let k = 0; k < list.length; k++) {
              expect(f.mmsi[list[k]!]).toBe(mmsi);
              if (k > 0) expect(f.t[list[k]!]!).toBeGreaterThanOrEqual(f.t[list[k - 1]!]!);
              seen.push(list[k]!);
            }
          }
          const expected = rows.map((r, i) => (r.mmsi === exclude ? -1 : i)).filter((i) => i >= 0);
          expect(seen.sort((a, b) => a - b)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
