import { useEffect, useRef, useState, type PointerEvent, type WheelEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackSample } from '../../../shared/voyage/decimate';
import type { VoyageEvent } from '../../../shared/voyage/events';
import { loadLand, type Rings } from './coastline';
import { drawMap, eventAt, type DrawStats } from './draw';
import { fitView, pan, SPEED_BANDS, zoomAt, type View } from './view';

function colours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { sea: v('--bg', '#ffffff'), land: v('--panel', '#f1f4f8'), coast: v('--line', '#8a96a8'), marker: v('--fg', '#0b1220'), selected: v('--focus', '#ff9f00') };
}

/** Where the selected event is, for centring the map on it. */
function focusOf(e: VoyageEvent | undefined): { lat: number; lon: number } | undefined {
  if (!e || e.kind === 'voyage') return undefined;
  return e.kind === 'gap' ? e.from : e.position;
}

export function TrackMap({ track, events, selected, onSelect }: { track: TrackSample | undefined; events: readonly VoyageEvent[]; selected: string | undefined; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [land, setLand] = useState<Rings>();
  const [view, setView] = useState<View>();
  const [stats, setStats] = useState<DrawStats>();
  const drag = useRef<{ x: number; y: number; moved: boolean } | undefined>(undefined);

  useEffect(() => {
    let live = true;
    void loadLand().then((r) => live && setLand(r));
    return () => {
      live = false;
    };
  }, []);

  // Fit the whole track when a new analysis arrives.
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const w = c.clientWidth || 800;
    const h = c.clientHeight || 480;
    setView(fitView(track?.lat ?? [], track?.lon ?? [], w, h));
  }, [track]);

  useEffect(() => {
    const f = focusOf(events.find((e) => e.id === selected));
    if (f) setView((v) => (v ? { ...v, lat: f.lat, lon: f.lon } : v));
  }, [selected, events]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !view) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(view.width * dpr);
    c.height = Math.round(view.height * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    setStats(drawMap(ctx, view, land, track, events, selected, colours()));
  }, [view, land, track, events, selected]);

  const onWheel = (e: WheelEvent<HTMLCanvasElement>) => {
    if (!view) return;
    const r = e.currentTarget.getBoundingClientRect();
    setView(zoomAt(view, e.clientX - r.left, e.clientY - r.top, e.deltaY < 0 ? 1.25 : 0.8));
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d || !view) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (Math.abs(dx) + Math.abs(dy) < 3 && !d.moved) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    setView(pan(view, dx, dy));
  };
  const onUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = undefined;
    if (!d || d.moved || !view) return;
    const r = e.currentTarget.getBoundingClientRect();
    const hit = eventAt(view, events, e.clientX - r.left, e.clientY - r.top);
    if (hit) onSelect(hit.id);
  };
  const zoom = (factor: number) => view && setView(zoomAt(view, view.width / 2, view.height / 2, factor));

  return (
    <figure className="voyage-map" aria-label={t('voyage.map.label')}>
      <canvas
        ref={canvas}
        style={{ width: '100%', height: '480px', touchAction: 'none', display: 'block' }}
        onWheel={onWheel}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        role="img"
        aria-label={t('voyage.map.canvas', { count: track?.of ?? 0 })}
      />
      <div className="actions">
        <button type="button" onClick={() => zoom(1.5)} aria-label={t('voyage.map.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label={t('voyage.map.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => canvas.current && setView(fitView(track?.lat ?? [], track?.lon ?? [], canvas.current.clientWidth, canvas.current.clientHeight))}>
          {t('voyage.map.fit')}
        </button>
      </div>
      <figcaption>
        <ul className="voyage-legend">
          {SPEED_BANDS.map((b, i) => (
            <li key={i}>
              <span style={{ background: b.color, display: 'inline-block', width: 14, height: 4, marginRight: 6, verticalAlign: 'middle' }} />
              {t(`voyage.map.speed${i}`)}
            </li>
          ))}
          <li>{t('voyage.map.markers')}</li>
        </ul>
        {stats && <small>{t('voyage.map.stats', { drawn: stats.drawnPoints, of: track?.of ?? 0, ms: stats.ms.toFixed(1) })}</small>}
      </figcaption>
    </figure>
  );
}
