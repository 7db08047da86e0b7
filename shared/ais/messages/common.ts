import { EPFD, SHIP_TYPE } from '../legends';
import { f, two, type Composite, type Field, type RawMessage } from '../field';

/** Longitude/latitude in 1/10000 minute (ITU-R M.1371-5 §3.3.8.2.3): 181° and 91° mean not available. */
export const lon28 = (): Field => f('lon', 28, 'i', { scale: 600_000, digits: 6, na: 181 * 600_000 });
export const lat27 = (): Field => f('lat', 27, 'i', { scale: 600_000, digits: 6, na: 91 * 600_000 });
export const epfd = (): Field => f('epfd', 4, 'u', { legend: { values: EPFD, fallback: 'INVALID EPFD', style: 'pair' } });
export const shiptype = (): Field => f('shiptype', 8, 'u', { legend: { values: SHIP_TYPE, fallback: 'INVALID SHIP TYPE', style: 'pair' } });
export const dimensions = (): Field[] => [
  f('to_bow', 9, 'u', { na: 0 }),
  f('to_stern', 9, 'u', { na: 0 }),
  f('to_port', 6, 'u', { na: 0 }),
  f('to_starboard', 6, 'u', { na: 0 }),
];
export const hidden = (name: string, width: number): Field => f(name, width, 'u', { hidden: true });

const n = (m: RawMessage, k: string): number => Number(m[k] ?? 0);

/** gpsd's "MM-DDTHH:MMZ" (ETA and similar; no year on the air). */
export function monthDayTime(name: string, after: string, prefix = ''): Composite {
  return {
    name,
    after,
    render: (m) => `${two(n(m, `${prefix}month`))}-${two(n(m, `${prefix}day`))}T${two(n(m, `${prefix}hour`))}:${two(n(m, `${prefix}minute`))}Z`,
  };
}

/** gpsd's "DDTHH:MMZ" (met-hydro observation time). */
export function dayTime(name: string, after: string): Composite {
  return { name, after, render: (m) => `${two(n(m, 'day'))}T${two(n(m, 'hour'))}:${two(n(m, 'minute'))}Z` };
}
