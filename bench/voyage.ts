/**
 * Voyage analytics at scale: a 30-day voyage at 1 Hz (2 592 000 own-ship
 * fixes) and 10 million reports from 400 other vessels, all events found.
 * Target (issue 7): under 5 s on a laptop, memory reported.
 *
 * Run alone: `npx tsx bench/voyage.ts`.
 */
import { destination, KNOT_MS, NM_M } from '../shared/geo/distance';
import { distanceFromShoreM } from '../shared/geo/shore-grid';
import { analyseVoyage } from '../shared/voyage/analyse';
import type { FleetReports } from '../shared/voyage/fleet';
import { emptyTrack, type Track } from '../shared/voyage/track';
import { coastGeometry, loadShoreGrid } from '../main/voyage/coastline';

const T0 = Date.UTC(2026, 0, 1);
const HOME = { name: 'Phuket', lat: 7.8, lon: 98.38 };
const DAYS = 30;
const OWN_N = DAYS * 86_400;
/** Seconds simulated: 30 days of fixes plus the 20 h the vessel is dark. */
const SIM_S = OWN_N + 20 * 3600;
const OTHERS = 400;
const OTHER_REPORTS = 10_000_000;
const RAD = Math.PI / 180;
const M_PER_DEG = (Math.PI / 180) * 6_371_008.8;

/** A day in port, out 120 nm west at 10 kn, 26 days fishing at 3 kn in a box (with a 3 h stop beside a carrier on day 10 and a 20 h dark spell on day 20), home. */
function ownVoyage(): { track: Track; meet: { lat: number; lon: number; t: number } } {
  const tr = emptyTrack(SIM_S);
  let lat = HOME.lat;
  let lon = HOME.lon;
  let heading = 260;
  const fishing = destination(HOME.lat, HOME.lon, 260, 120 * NM_M);
  let meet = { lat: 0, lon: 0, t: 0 };
  let n = 0;
  for (let s = 0; s < SIM_S; s++) {
    const t = T0 + s * 1000;
    const day = s / 86_400;
    let kn = 0;
    if (day < 1) kn = 0;
    else if (day < 1.5) kn = 10;
    else if (day >= 10 && day < 10 + 3 / 24) {
      kn = 0;
      if (meet.t === 0) meet = { lat, lon, t };
    } else if (day >= 20 && day < 20 + 20 / 24) continue; // dark: no fixes
    else if (day < 28.5) {
      kn = 3;
      // Zig-zag in a 20 nm box around the fishing ground, as a trawler would.
      if (s % 3600 === 0) heading = (heading + 137) % 360;
      const dLat = lat - fishing.lat;
      const dLon = lon - fishing.lon;
      if (Math.hypot(dLat, dLon) > 0.3) heading = (Math.atan2(-dLon, -dLat) / RAD + 360) % 360;
    } else if (day < 29) {
      kn = 10;
      heading = (Math.atan2(HOME.lon - lon, HOME.lat - lat) / RAD + 360) % 360;
      if (Math.hypot(HOME.lat - lat, HOME.lon - lon) < 0.005) kn = 0;
    }
    const d = kn * KNOT_MS;
    lat += (d * Math.cos(heading * RAD)) / M_PER_DEG;
    lon += (d * Math.sin(heading * RAD)) / (M_PER_DEG * Math.cos(lat * RAD));
    tr.t[n] = t;
    tr.lat[n] = lat;
    tr.lon[n] = lon;
    tr.sog[n] = kn;
    n++;
  }
  tr.n = n;
  return { track: tr, meet };
}

/** Reports in receiver order (interleaved vessels), spread over the 30 days; vessel 0 is a carrier waiting at the meeting point. */
function fleet(meet: { lat: number; lon: number; t: number }): FleetReports {
  const f: FleetReports = { n: OTHER_REPORTS, mmsi: new Uint32Array(OTHER_REPORTS), t: new Float64Array(OTHER_REPORTS), lat: new Float64Array(OTHER_REPORTS), lon: new Float64Array(OTHER_REPORTS), sog: new Float32Array(OTHER_REPORTS) };
  const perVessel = OTHER_REPORTS / OTHERS;
  const step = (DAYS * 86_400_000) / perVessel;
  const lat = new Float64Array(OTHERS);
  const lon = new Float64Array(OTHERS);
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let v = 0; v < OTHERS; v++) {
    lat[v] = meet.lat + (rand() - 0.5) * 2;
    lon[v] = meet.lon + (rand() - 0.5) * 2;
  }
  for (let k = 0; k < OTHER_REPORTS; k++) {
    const v = k % OTHERS;
    const t = T0 + Math.floor(k / OTHERS) * step + v * 10;
    f.mmsi[k] = 412_000_000 + v;
    f.t[k] = t;
    if (v === 0) {
      f.lat[k] = meet.lat;
      f.lon[k] = meet.lon;
      f.sog[k] = 0.2;
    } else {
      lat[v] = lat[v]! + (rand() - 0.5) * 0.002;
      lon[v] = lon[v]! + (rand() - 0.5) * 0.002;
      f.lat[k] = lat[v]!;
      f.lon[k] = lon[v]!;
      f.sog[k] = 4 + rand() * 6;
    }
  }
  return f;
}

export interface BenchResult {
  name: string;
  ok: boolean;
  lines: string[];
  metrics: Record<string, number>;
}

/**
 * Redraw of the full 30-day track on the map, timed inside Chromium (the
 * renderer's own drawMap, bundled by esbuild): land from the bundled
 * coastline, 2.6M fixes projected, decimated per zoom and stroked by speed.
 */
async function chromiumRedraw(): Promise<{ ms: number[]; drawn: number } | string> {
  const { chromium } = await import('playwright-core');
  const esbuild = await import('esbuild');
  const fs = await import('node:fs');
  const exe = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!exe) return 'skipped: no Chromium at /usr/bin/chromium';
  const bundle = await esbuild.build({
    entryPoints: [new URL('../renderer/pages/voyage/draw.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'VoyageDraw',
    write: false,
    platform: 'browser',
  });
  const view = await esbuild.build({ entryPoints: [new URL('../renderer/pages/voyage/view.ts', import.meta.url).pathname], bundle: true, format: 'iife', globalName: 'VoyageView', write: false, platform: 'browser' });
  const rings = coastGeometry('50m').rings;
  const browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    await page.setContent('<canvas id="c" width="1200" height="700"></canvas>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    await page.addScriptTag({ content: view.outputFiles[0]!.text });
    return await page.evaluate(
      ({ rings, n }) => {
        const w = window as unknown as { VoyageDraw: typeof import('../renderer/pages/voyage/draw'); VoyageView: typeof import('../renderer/pages/voyage/view') };
        // The same shape of voyage as the analysis bench: out 120 nm, a month of zig-zags at 3 kn, home.
        const t = new Array<number>(n);
        const lat = new Array<number>(n);
        const lon = new Array<number>(n);
        const kn = new Array<number>(n);
        let la = 7.8;
        let lo = 98.38;
        let h = 260;
        for (let i = 0; i < n; i++) {
          const day = i / 86_400;
          const v = day < 1 ? 0 : day < 1.5 ? 10 : day < 28.5 ? 3 : 10;
          if (day >= 1.5 && i % 3600 === 0) h = (h + 137) % 360;
          if (day >= 1.5 && day < 28.5 && Math.hypot(la - 7.45, lo - 96.4) > 0.3) h = (Math.atan2(96.4 - lo, 7.45 - la) * 180) / Math.PI;
          if (day >= 28.5) h = (Math.atan2(98.38 - lo, 7.8 - la) * 180) / Math.PI;
          la += (v * 0.514444 * Math.cos((h * Math.PI) / 180)) / 111_195;
          lo += (v * 0.514444 * Math.sin((h * Math.PI) / 180)) / (111_195 * Math.cos((la * Math.PI) / 180));
          t[i] = i * 1000;
          lat[i] = la;
          lon[i] = lo;
          kn[i] = v;
        }
        const track = { t, lat, lon, kn, of: n };
        const canvas = document.getElementById('c') as HTMLCanvasElement;
        const ctx = canvas.getContext('2d')!;
        const fit = w.VoyageView.fitView(lat, lon, 1200, 700);
        const colours = { sea: '#fff', land: '#eee', coast: '#888', marker: '#000', selected: '#f90' };
        const fitMs: number[] = [];
        const zoomMs: number[] = [];
        let drawn = 0;
        const zoomed = w.VoyageView.zoomAt(fit, 600, 350, 8);
        const c0 = performance.now();
        w.VoyageDraw.drawMap(ctx, fit, rings as number[][][], track, [], undefined, colours); // first draw: builds the levels of detail and ring boxes
        ctx.getImageData(0, 0, 1, 1);
        const coldMs = performance.now() - c0;
        for (let k = 0; k < 10; k++) {
          const v = k % 2 ? zoomed : fit;
          const t0 = performance.now();
          const s = w.VoyageDraw.drawMap(ctx, v, rings as number[][][], track, [], undefined, colours);
          ctx.getImageData(0, 0, 1, 1); // wait for the raster, not just the recorded commands
          (k % 2 ? zoomMs : fitMs).push(performance.now() - t0);
          if (k % 2 === 0) drawn = s.drawnPoints;
        }
        // (no named helpers in here: the page gets the function's source, without tsx's __name shim)
        fitMs.sort((x, y) => x - y);
        zoomMs.sort((x, y) => x - y);
        const ms = [fitMs[2]!, zoomMs[2]!, Math.min(fitMs[0]!, zoomMs[0]!), Math.max(fitMs[4]!, zoomMs[4]!), coldMs];
        return { ms, drawn };
      },
      { rings: rings as unknown as number[][][], n: OWN_N },
    );
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult> {
  const mb = () => Math.round(process.memoryUsage().rss / 1048576);
  const gridStart = performance.now();
  const grid = loadShoreGrid({ scale: '50m' });
  const gridMs = performance.now() - gridStart;
  const { track, meet } = ownVoyage();
  const others = fleet(meet);
  const rssBefore = mb();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const a = analyseVoyage({
    track,
    ownMmsi: '567000001',
    fleet: others,
    identities: new Map([['412000000', { mmsi: '412000000', name: 'BENCH REEFER', source: 'ais' as const }]]),
    ports: [HOME],
    shoreAt: (la, lo) => distanceFromShoreM(grid, la, lo),
    sample: 20_000,
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rssAfter = mb();
  const os = await import('node:os');
  const load = os.loadavg()[0]!.toFixed(1);
  const named = a.encounters[0]?.otherName ?? 'unnamed';
  const found = `${a.visits.length} port visits, ${a.voyages.length} voyages, ${a.gaps.length} gaps (${a.gaps.filter((g) => g.possibleIntentionalDisabling).length} possible disabling), ${a.encounters.length} encounters (first with ${named}), ${a.loitering.length} loitering`;
  const map = await chromiumRedraw().catch((e: Error) => `failed: ${e.message}`);
  const mapMs = typeof map === 'string' ? NaN : Math.max(map.ms[0]!, map.ms[1]!);
  const mapLine =
    typeof map === 'string'
      ? `map redraw in Chromium ${map}`
      : `map redraw of the full ${OWN_N.toLocaleString('en')}-fix track in Chromium: median ${map.ms[0]!.toFixed(0)} ms whole track (${map.drawn} segments stroked), ${map.ms[1]!.toFixed(0)} ms zoomed 8×; range ${map.ms[2]!.toFixed(0)}–${map.ms[3]!.toFixed(0)} ms over 10 draws; first draw ${map.ms[4]!.toFixed(0)} ms (builds the levels of detail once) — target < 100 ms ${mapMs < 100 ? 'PASS' : 'FAIL'}`;
  const ok = ms < 5000 && a.encounters.length >= 1 && a.gaps.some((g) => g.possibleIntentionalDisabling) && (typeof map === 'string' || mapMs < 100);
  return {
    name: 'voyage',
    ok,
    lines: [
      `distance-to-shore grid ready in ${gridMs.toFixed(0)} ms (0.1°, Natural Earth 1:50m; cached on disk by the app)`,
      `${track.n.toLocaleString('en')} own fixes + ${others.n.toLocaleString('en')} reports from ${OTHERS} vessels: all events in ${ms.toFixed(0)} ms (target < 5000 ms) ${ms < 5000 ? 'PASS' : 'FAIL'}; ${cpuMs.toFixed(0)} ms of CPU, load average ${load} on ${os.cpus().length} cores`,
      `found ${found}`,
      mapLine,
      `memory: RSS ${rssBefore} MB with the data loaded, ${rssAfter} MB after the analysis, heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`,
    ],
    metrics: { cpuMs: Math.round(cpuMs), ownFixes: track.n, otherReports: others.n, analyseMs: Math.round(ms), gridMs: Math.round(gridMs), rssMb: rssAfter, rssBeforeMb: rssBefore, ...(Number.isFinite(mapMs) ? { mapRedrawMs: Math.round(mapMs) } : {}) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  for (const line of r.lines) console.log(line);
  process.exitCode = r.ok ? 0 : 1;
}
