import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Land polygons as flat rings of [lon, lat], for drawing. */
export type Rings = number[][][];

let cache: Promise<Rings> | undefined;

/**
 * The bundled Natural Earth land (public domain, via world-atlas), loaded
 * lazily so the app starts without it. No tile server: at sea there is none.
 * 1:50m is detailed enough for a harbour approach and small enough (0.5 MB).
 */
export function loadLand(): Promise<Rings> {
  cache ??= import('world-atlas/land-50m.json').then((m) => {
    const topo = (m as { default: unknown }).default as Topology;
    const land = feature(topo, topo.objects['land'] as GeometryCollection);
    const rings: Rings = [];
    for (const f of land.features) {
      const g = f.geometry;
      if (g.type === 'Polygon') rings.push(...(g.coordinates as number[][][]));
      else if (g.type === 'MultiPolygon') for (const p of g.coordinates as number[][][][]) rings.push(...p);
    }
    return rings;
  });
  return cache;
}
