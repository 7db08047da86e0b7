/** Degrees and decimal minutes, the way charts and GPS displays show a position. */
export function formatLatLon(lat: number, lon: number): string {
  const part = (v: number, pos: string, neg: string, width: number) => {
    const a = Math.abs(v);
    const deg = Math.floor(a);
    const min = (a - deg) * 60;
    return `${String(deg).padStart(width, '0')}°${min.toFixed(3).padStart(6, '0')}′${v >= 0 ? pos : neg}`;
  };
  return `${part(lat, 'N', 'S', 2)} ${part(lon, 'E', 'W', 3)}`;
}

const POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/** "045° NE": the number for the log, the compass point for a glance. */
export function formatBearing(deg: number): string {
  const point = POINTS[Math.round(deg / 45) % 8]!;
  return `${String(Math.round(deg) % 360).padStart(3, '0')}° ${point}`;
}

/** How long ago, in the largest whole unit: seconds, minutes, hours, days. */
export function age(then: number, now: number): { n: number; unit: 's' | 'min' | 'h' | 'd' } {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 60) return { n: s, unit: 's' };
  if (s < 3600) return { n: Math.floor(s / 60), unit: 'min' };
  if (s < 86_400) return { n: Math.floor(s / 3600), unit: 'h' };
  return { n: Math.floor(s / 86_400), unit: 'd' };
}
