import type { TrackSample } from '../../../shared/voyage/decimate';
import type { VoyageEvent } from '../../../shared/voyage/events';
import type { Rings } from './coastline';
import { fixesForZoom } from './lod';
import { project, SPEED_BANDS, speedBand, unproject, type View } from './view';

export interface MapColours {
  sea: string;
  land: string;
  coast: string;
  marker: string;
  selected: string;
}

export interface DrawStats {
  drawnPoints: number;
  ms: number;
}

/**
 * Draws land, the track coloured by speed, and the events. The track comes
 * from the level of detail for this zoom (lod.ts), then is decimated in screen
 * space (the rule of `decimateScreen` in shared/voyage/decimate.ts, inlined):
 * a fix closer than 1.5 px to the last drawn one is skipped, so a
 * million-point track draws like a few thousand at any zoom, and segments off
 * screen are not stroked. Segments across a silence are not joined (a gap is
 * drawn as its own dashed line), so the map never invents a path.
 */
export function drawMap(ctx: CanvasRenderingContext2D, view: View, land: Rings | undefined, track: TrackSample | undefined, events: readonly VoyageEvent[], selected: string | undefined, colours: MapColours): DrawStats {
  const t0 = performance.now();
  ctx.fillStyle = colours.sea;
  ctx.fillRect(0, 0, view.width, view.height);
  // The projection inlined (see view.ts `project`): this loop runs millions of times per redraw.
  const cx = view.width / 2;
  const cy = view.height / 2;
  const sx = view.k * view.scale;
  const sy = view.scale;
  const lon0 = view.lon;
  const lat0 = view.lat;
  const px = (lon: number) => {
    let d = lon - lon0;
    if (d > 180) d -= 360;
    else if (d < -180) d += 360;
    return cx + d * sx;
  };

  if (land) {
    ctx.fillStyle = colours.land;
    ctx.strokeStyle = colours.coast;
    ctx.lineWidth = 1;
    ctx.beginPath();
    const [south, west] = unproject(view, 0, view.height);
    const [north, east] = unproject(view, view.width, 0);
    const boxes = ringBoxes(land);
    for (let r = 0; r < land.length; r++) {
      const [bS, bN, bW, bE] = boxes[r]! as unknown as [number, number, number, number];
      // Rings wholly outside the view are skipped; so are vertices less than a pixel apart.
      if (bS > north || bN < south || (east - west < 360 && (bW > east || bE < west) && !(bE - bW > 180))) continue;
      const ring = land[r]!;
      // Vertices off screen on the same side as the last one drawn are folded into one edge: the
      // shortcut stays on that side, so the fill on screen is unchanged (outcode clipping).
      let prevLon = NaN;
      let lx = NaN;
      let ly = NaN;
      let lastCode = 0;
      let heldX = NaN;
      let heldY = NaN;
      for (let i = 0; i < ring.length; i++) {
        const lon = ring[i]![0]!;
        const x = px(lon);
        const y = cy - (ring[i]![1]! - lat0) * sy;
        const code = (x < -10 ? 1 : x > view.width + 10 ? 2 : 0) | (y < -10 ? 4 : y > view.height + 10 ? 8 : 0);
        const jump = i === 0 || Math.abs(lon - prevLon) > 180;
        prevLon = lon;
        if (jump) {
          ctx.moveTo(x, y);
        } else if ((code & lastCode) !== 0 && i !== ring.length - 1) {
          heldX = x;
          heldY = y;
          continue;
        } else {
          if (!Number.isNaN(heldX)) ctx.lineTo(heldX, heldY);
          if (Math.abs(x - lx) + Math.abs(y - ly) < 1 && i !== ring.length - 1 && Number.isNaN(heldX)) continue;
          ctx.lineTo(x, y);
        }
        heldX = NaN;
        lx = x;
        ly = y;
        lastCode = code;
      }
      ctx.closePath();
    }
    ctx.fill('evenodd');
    ctx.stroke();
  }

  let drawn = 0;
  if (track && track.t.length > 0) {
    const fixes = fixesForZoom(track, view.scale);
    const m = fixes.length;
    const gapStarts = new Set(events.filter((e) => e.kind === 'gap').map((e) => e.start));
    // One pass over this zoom's level: project, decimate in screen space (1.5 px), bucket by speed band.
    const paths = SPEED_BANDS.map(() => new Path2D());
    const first = fixes[0]!;
    let lx = px(track.lon[first]!);
    let ly = cy - (track.lat[first]! - lat0) * sy;
    let lastT = track.t[first]!;
    let lastBand = -1;
    for (let j = 1; j < m; j++) {
      const i = fixes[j]!;
      const x = px(track.lon[i]!);
      const y = cy - (track.lat[i]! - lat0) * sy;
      const dx = x - lx;
      const dy = y - ly;
      if (dx * dx + dy * dy < 2.25 && j !== m - 1) continue;
      const off = (x < 0 && lx < 0) || (x > view.width && lx > view.width) || (y < 0 && ly < 0) || (y > view.height && ly > view.height);
      if (!off && !gapStarts.has(lastT)) {
        const b = speedBand(track.kn[i]!);
        const p = paths[b]!;
        if (b !== lastBand) p.moveTo(lx, ly);
        p.lineTo(x, y);
        lastBand = b;
        drawn++;
      } else lastBand = -1;
      lx = x;
      ly = y;
      lastT = track.t[i]!;
    }
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    paths.forEach((p, b) => {
      ctx.strokeStyle = SPEED_BANDS[b]!.color;
      ctx.stroke(p);
    });
  }

  for (const e of events) {
    const on = e.id === selected;
    ctx.strokeStyle = on ? colours.selected : colours.marker;
    ctx.fillStyle = on ? colours.selected : colours.marker;
    ctx.lineWidth = on ? 3 : 2;
    if (e.kind === 'gap') {
      const [x1, y1] = project(view, e.from.lat, e.from.lon);
      const [x2, y2] = project(view, e.to.lat, e.to.lon);
      ctx.setLineDash([6, 5]);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.stroke();
      ctx.setLineDash([]);
      if (e.possibleIntentionalDisabling) {
        ctx.beginPath();
        ctx.arc(x1, y1, on ? 8 : 6, 0, Math.PI * 2);
        ctx.stroke();
      }
    } else if (e.kind !== 'voyage') {
      const [x, y] = project(view, e.position.lat, e.position.lon);
      const r = on ? 9 : 6;
      ctx.beginPath();
      if (e.kind === 'port_visit') ctx.rect(x - r, y - r, 2 * r, 2 * r);
      else if (e.kind === 'encounter') {
        ctx.moveTo(x, y - r);
        ctx.lineTo(x + r, y);
        ctx.lineTo(x, y + r);
        ctx.lineTo(x - r, y);
        ctx.closePath();
      } else ctx.arc(x, y, r, 0, Math.PI * 2);
      if (e.kind === 'encounter') ctx.fill();
      else ctx.stroke();
    }
  }
  return { drawnPoints: drawn, ms: performance.now() - t0 };
}

const boxCache = new WeakMap<Rings, Float64Array[]>();

/** [minLat, maxLat, minLon, maxLon] per ring, computed once per coastline. */
function ringBoxes(land: Rings): Float64Array[] {
  let boxes = boxCache.get(land);
  if (!boxes) {
    boxes = land.map((ring) => {
      const b = new Float64Array([Infinity, -Infinity, Infinity, -Infinity]);
      for (const [lon, lat] of ring) {
        b[0] = Math.min(b[0]!, lat!);
        b[1] = Math.max(b[1]!, lat!);
        b[2] = Math.min(b[2]!, lon!);
        b[3] = Math.max(b[3]!, lon!);
      }
      return b;
    });
    boxCache.set(land, boxes);
  }
  return boxes;
}

/** The event whose marker is within `radius` px of (x, y), nearest first. */
export function eventAt(view: View, events: readonly VoyageEvent[], x: number, y: number, radius = 10): VoyageEvent | undefined {
  let best: VoyageEvent | undefined;
  let bestD = radius;
  for (const e of events) {
    if (e.kind === 'voyage') continue;
    const p = e.kind === 'gap' ? e.from : e.position;
    const [px, py] = project(view, p.lat, p.lon);
    const d = Math.hypot(px - x, py - y);
    if (d <= bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}
