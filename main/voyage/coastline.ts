import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildShoreGrid, decodeShoreGrid, encodeShoreGrid, type LonLatLine, type ShoreGrid } from '../../shared/geo/shore-grid';
import { GangwayError } from '../../shared/errors';
import { mkdirPrivate, PRIVATE_FILE_MODE } from '../store/private-files';

/**
 * The bundled coastline: Natural Earth land polygons as shipped by the
 * `world-atlas` package (Natural Earth is public domain; world-atlas is ISC).
 * 1:50m is the default: its coast is within about 1 km of the 1:10m one where
 * vessels are, at a fifth of the size.
 */
export type CoastScale = '110m' | '50m' | '10m';

const require = createRequire(import.meta.url);

export function loadLandTopology(scale: CoastScale = '50m'): Topology {
  const file = require.resolve(`world-atlas/land-${scale}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Topology;
}

/** Coastline lines and land rings, in [lon, lat]. */
export function coastGeometry(scale: CoastScale = '50m'): { coast: LonLatLine[]; rings: LonLatLine[] } {
  const topo = loadLandTopology(scale);
  const land = topo.objects['land'] as GeometryCollection | undefined;
  if (!land) throw new GangwayError('INTERNAL', `The bundled coastline (world-atlas land-${scale}) has no "land" layer; reinstall Gangway.`);
  const coast = mesh(topo, land).coordinates as LonLatLine[];
  const rings: LonLatLine[] = [];
  const geo = feature(topo, land);
  for (const f of geo.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') rings.push(...(g.coordinates as LonLatLine[]));
    else if (g.type === 'MultiPolygon') for (const p of g.coordinates) rings.push(...(p as LonLatLine[]));
  }
  return { coast, rings };
}

export interface ShoreGridSource {
  scale?: CoastScale;
  cellDeg?: number;
  seedSpacingM?: number;
  /** Folder for the cached grid (the data folder's cache); no cache when omitted. */
  cacheDir?: string;
}

const memo = new Map<string, ShoreGrid>();

/**
 * The distance-to-shore grid, built once (about a second or two) and then read
 * from `<cacheDir>/shore-<scale>-<cell>-<spacing>.grid` on later starts.
 */
export function loadShoreGrid(source: ShoreGridSource = {}): ShoreGrid {
  const scale = source.scale ?? '50m';
  const cellDeg = source.cellDeg ?? 0.1;
  const spacing = source.seedSpacingM ?? 2000;
  const key = `shore-${scale}-${cellDeg}-${spacing}`;
  const known = memo.get(key);
  if (known) return known;
  const file = source.cacheDir ? path.join(source.cacheDir, `${key}.grid`) : undefined;
  if (file && fs.existsSync(file)) {
    const cached = decodeShoreGrid(new Uint8Array(fs.readFileSync(file)));
    if (cached) {
      memo.set(key, cached);
      return cached;
    }
  }
  const { coast, rings } = coastGeometry(scale);
  const grid = buildShoreGrid(coast, rings, { cellDeg, seedSpacingM: spacing });
  if (file) {
    try {
      mkdirPrivate(path.dirname(file));
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, encodeShoreGrid(grid), { mode: PRIVATE_FILE_MODE });
      fs.renameSync(tmp, file); // atomic: a half-written cache is never read
    } catch {
      // A read-only data folder only costs the rebuild next time.
    }
  }
  memo.set(key, grid);
  return grid;
}
