import { decimateScreen } from '../../../shared/voyage/decimate';
import type { TrackSample } from '../../../shared/voyage/decimate';
import type { VoyageEvent } from '../../../shared/voyage/events';
import type { Rings } from './coastline';
import { project, SPEED_BANDS, speedBand, type View } from './view';

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
 * Draws land, the track coloured by speed, and the events. The track is
 * decimated in screen space for the current view: a fix closer than 1.5 px to
 * the last drawn one is skipped, so a million-point track draws like a few
 * thousand at any zoom. Segments across a silence are not joined (a gap is
 * drawn as its own dashed line), so the map never invents a path.
 */
export function drawMap(ctx: CanvasRenderingContext2D, view: View, land: Rings | undefined, track: TrackSample | undefined, events: readonly VoyageEvent[], selected: string | undefined, colours: MapColours): DrawStats {
  const t0 = performance.now();
  ctx.fillStyle = colours.sea;
  ctx.fillRect(0, 0, view.width, view.height);

  if (land) {
    ctx.fillStyle = colours.land;
    ctx.strokeStyle = colours.coast;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const ring of land) {
      let prevLon = NaN;
      ring.forEach(([lon, lat], i) => {
        const [x, y] = project(view, lat!, lon!);
        // Rings that cross the antimeridian are broken there instead of drawn across the map.
        if (i === 0 || Math.abs(lon! - prevLon) > 180) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
        prevLon = lon!;
      });
      ctx.closePath();
    }
    ctx.fill('evenodd');
    ctx.stroke();
  }

  let drawn = 0;
  if (track && track.t.length > 0) {
    const n = track.t.length;
    const xs = new Float32Array(n);
    const ys = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const [x, y] = project(view, track.lat[i]!, track.lon[i]!);
      xs[i] = x;
      ys[i] = y;
    }
    const keep = decimateScreen(xs, ys, 1.5);
    drawn = keep.length;
    const gapStarts = new Set(events.filter((e) => e.kind === 'gap').map((e) => e.start));
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    for (let b = 0; b < SPEED_BANDS.length; b++) {
      ctx.strokeStyle = SPEED_BANDS[b]!.color;
      ctx.beginPath();
      for (let k = 1; k < keep.length; k++) {
        const i = keep[k]!;
        const p = keep[k - 1]!;
        if (speedBand(track.kn[i]!) !== b || gapStarts.has(track.t[p]!)) continue;
        ctx.moveTo(xs[p]!, ys[p]!);
        ctx.lineTo(xs[i]!, ys[i]!);
      }
      ctx.stroke();
    }
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
