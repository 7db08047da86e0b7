import { distanceM, fastDistanceM } from './distance';

/**
 * Distance from shore by grid lookup, fast enough for millions of points.
 *
 * The coastline is densified into seed points at most `seedSpacingM` apart;
 * every cell of a global lat/lon grid stores the index of the seed nearest its
 * centre (a two-pass vector distance transform, after Danielsson 1980, on a
 * grid that wraps at the antimeridian). A query is one array read and one
 * haversine to that seed: O(1), no loop over polygons. The error is bounded by
 * half the seed spacing plus about half a cell diagonal near complex coasts;
 * at the default 0.1° grid and 2 km seeds that is a few kilometres, well inside
 * the 20 nm and 50 nm thresholds that use it.
 */
export interface ShoreGrid {
  cellDeg: number;
  width: number;
  height: number;
  /** Seed index per cell, row-major from the south-west corner (-90, -180); -1 if none. */
  nearest: Int32Array;
  /** 1 where the cell centre is on land. */
  land: Uint8Array;
  seedLat: Float32Array;
  seedLon: Float32Array;
}

export interface ShoreGridOptions {
  cellDeg?: number;
  seedSpacingM?: number;
}

/** A ring or line as [lon, lat] pairs (GeoJSON order). */
export type LonLatLine = readonly (readonly [number, number] | readonly number[])[];

const RAD = Math.PI / 180;

function densify(lines: readonly LonLatLine[], spacingM: number): { lat: Float32Array; lon: Float32Array } {
  const lat: number[] = [];
  const lon: number[] = [];
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) {
      const a = line[i]!;
      const ax = a[0]!;
      const ay = a[1]!;
      lat.push(ay);
      lon.push(ax);
      const b = line[i + 1];
      if (!b) continue;
      const bx = b[0]!;
      const by = b[1]!;
      if (Math.abs(bx - ax) > 180) continue; // an edge cut at the antimeridian: no coast runs across it
      const steps = Math.floor(distanceM(ay, ax, by, bx) / spacingM);
      for (let s = 1; s <= steps; s++) {
        const f = s / (steps + 1);
        lat.push(ay + (by - ay) * f);
        lon.push(ax + (bx - ax) * f);
      }
    }
  }
  return { lat: Float32Array.from(lat), lon: Float32Array.from(lon) };
}

/** Even-odd scanline fill of polygon rings at cell-centre latitudes. */
function rasterizeLand(rings: readonly LonLatLine[], cellDeg: number, width: number, height: number): Uint8Array {
  const land = new Uint8Array(width * height);
  const crossings: number[][] = Array.from({ length: height }, () => []);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const ay = a[1]!;
      const by = b[1]!;
      if (ay === by) continue;
      const lo = Math.min(ay, by);
      const hi = Math.max(ay, by);
      const r0 = Math.max(0, Math.ceil((lo + 90) / cellDeg - 0.5));
      const r1 = Math.min(height - 1, Math.floor((hi + 90) / cellDeg - 0.5));
      for (let r = r0; r <= r1; r++) {
        const y = -90 + (r + 0.5) * cellDeg;
        if (y < lo || y >= hi) continue; // half-open so a vertex on the scanline counts once
        const x = a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!);
        crossings[r]!.push(x);
      }
    }
  }
  for (let r = 0; r < height; r++) {
    const xs = crossings[r]!.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k]! + 180) / cellDeg - 0.5));
      const c1 = Math.min(width - 1, Math.floor((xs[k + 1]! + 180) / cellDeg - 0.5));
      land.fill(1, r * width + c0, r * width + c1 + 1);
    }
  }
  return land;
}

/**
 * Builds the grid from coastline lines (seeds) and land polygon rings (mask).
 * Pure and deterministic, so the main process can cache the result on disk.
 */
export function buildShoreGrid(coast: readonly LonLatLine[], landRings: readonly LonLatLine[], options: ShoreGridOptions = {}): ShoreGrid {
  const cellDeg = options.cellDeg ?? 0.1;
  const width = Math.round(360 / cellDeg);
  const height = Math.round(180 / cellDeg);
  const seeds = densify(coast, options.seedSpacingM ?? 2000);
  const nearest = new Int32Array(width * height).fill(-1);

  const rowLat = new Float64Array(height);
  const rowCos = new Float64Array(height);
  for (let r = 0; r < height; r++) {
    rowLat[r] = -90 + (r + 0.5) * cellDeg;
    rowCos[r] = Math.cos(rowLat[r]! * RAD);
  }
  const colLon = new Float64Array(width);
  for (let c = 0; c < width; c++) colLon[c] = -180 + (c + 0.5) * cellDeg;

  // Squared equirectangular distance (degrees²): only used to rank candidates.
  const d2 = (r: number, c: number, s: number): number => {
    let dx = seeds.lon[s]! - colLon[c]!;
    if (dx > 180) dx -= 360;
    else if (dx < -180) dx += 360;
    dx *= rowCos[r]!;
    const dy = seeds.lat[s]! - rowLat[r]!;
    return dx * dx + dy * dy;
  };

  for (let s = 0; s < seeds.lat.length; s++) {
    const r = Math.min(height - 1, Math.max(0, Math.floor((seeds.lat[s]! + 90) / cellDeg)));
    const c = (((Math.floor((seeds.lon[s]! + 180) / cellDeg)) % width) + width) % width;
    const i = r * width + c;
    const cur = nearest[i]!;
    if (cur < 0 || d2(r, c, s) < d2(r, c, cur)) nearest[i] = s;
  }

  const relax = (r: number, c: number, nr: number, nc: number): void => {
    if (nr < 0 || nr >= height) return;
    const wc = nc < 0 ? nc + width : nc >= width ? nc - width : nc;
    const cand = nearest[nr * width + wc]!;
    if (cand < 0) return;
    const i = r * width + c;
    const cur = nearest[i]!;
    if (cur === cand) return;
    if (cur < 0 || d2(r, c, cand) < d2(r, c, cur)) nearest[i] = cand;
  };

  // Two rounds so information crosses the antimeridian seam both ways.
  for (let round = 0; round < 2; round++) {
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        relax(r, c, r, c - 1);
        relax(r, c, r - 1, c - 1);
        relax(r, c, r - 1, c);
        relax(r, c, r - 1, c + 1);
      }
      for (let c = width - 1; c >= 0; c--) relax(r, c, r, c + 1);
    }
    for (let r = height - 1; r >= 0; r--) {
      for (let c = width - 1; c >= 0; c--) {
        relax(r, c, r, c + 1);
        relax(r, c, r + 1, c + 1);
        relax(r, c, r + 1, c);
        relax(r, c, r + 1, c - 1);
      }
      for (let c = 0; c < width; c++) relax(r, c, r, c - 1);
    }
  }

  return { cellDeg, width, height, nearest, land: rasterizeLand(landRings, cellDeg, width, height), seedLat: seeds.lat, seedLon: seeds.lon };
}

function cellIndex(grid: ShoreGrid, lat: number, lon: number): number {
  const r = Math.min(grid.height - 1, Math.max(0, Math.floor((lat + 90) / grid.cellDeg)));
  const c = (((Math.floor((lon + 180) / grid.cellDeg)) % grid.width) + grid.width) % grid.width;
  return r * grid.width + c;
}

/** Metres from (lat, lon) to the nearest coastline seed; Infinity if the grid has no coast. */
export function distanceFromShoreM(grid: ShoreGrid, lat: number, lon: number): number {
  const s = grid.nearest[cellIndex(grid, lat, lon)]!;
  if (s < 0) return Infinity;
  return fastDistanceM(lat, lon, grid.seedLat[s]!, grid.seedLon[s]!);
}

/** Whether the grid cell holding (lat, lon) is land (a coarse mask: a harbour may read as land). */
export function isLand(grid: ShoreGrid, lat: number, lon: number): boolean {
  return grid.land[cellIndex(grid, lat, lon)] === 1;
}

const MAGIC = 0x47575347; // "GSWG"
const VERSION = 1;

/** A compact binary image of the grid, for the on-disk cache. */
export function encodeShoreGrid(g: ShoreGrid): Uint8Array {
  const header = new Float64Array([MAGIC, VERSION, g.cellDeg, g.width, g.height, g.seedLat.length]);
  const parts = [header, g.nearest, g.seedLat, g.seedLon, g.land];
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), off);
    off += p.byteLength;
  }
  return out;
}

/** Reads an image written by `encodeShoreGrid`; returns undefined when it is not one (stale or damaged cache). */
export function decodeShoreGrid(bytes: Uint8Array): ShoreGrid | undefined {
  if (bytes.byteLength < 48) return undefined;
  const copy = bytes.slice(); // aligned, owned buffer
  const h = new Float64Array(copy.buffer, 0, 6);
  if (h[0] !== MAGIC || h[1] !== VERSION) return undefined;
  const cellDeg = h[2]!;
  const width = h[3]!;
  const height = h[4]!;
  const seeds = h[5]!;
  const cells = width * height;
  const expected = 48 + cells * 4 + seeds * 8 + cells;
  if (copy.byteLength !== expected) return undefined;
  let off = 48;
  const nearest = new Int32Array(copy.buffer, off, cells);
  off += cells * 4;
  const seedLat = new Float32Array(copy.buffer, off, seeds);
  off += seeds * 4;
  const seedLon = new Float32Array(copy.buffer, off, seeds);
  off += seeds * 4;
  const land = new Uint8Array(copy.buffer, off, cells);
  return { cellDeg, width, height, nearest, land, seedLat, seedLon };
}
