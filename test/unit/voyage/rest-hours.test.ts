import { describe, expect, it } from 'vitest';
import { checkDeclaredSchedule, checkRestHours, type WorkSchedule } from '../../../shared/voyage/rest-hours';
import type { PortVisit, Voyage } from '../../../shared/voyage/events';
import { HOUR, T0 } from './scenario';

const DAY = 24 * HOUR;

/** `days` days of the same daily routine: work from `from` to `to` o'clock. */
function routine(days: number, shifts: [number, number][]): WorkSchedule {
  const work = [];
  for (let d = 0; d < days; d++) for (const [a, b] of shifts) work.push({ start: T0 + d * DAY + a * HOUR, end: T0 + d * DAY + b * HOUR });
  return { person: 'crew-1', coverage: { start: T0, end: T0 + days * DAY }, work, source: 'interview 3' };
}

describe('hours of rest (C188 Art. 14, MLC A2.3)', () => {
  it('14 h work and 10 h rest every day for a week is lawful', () => {
    // 10 h rest a day, 70 h a week: lawful per day but short of 77 h per week.
    const r = checkRestHours(routine(7, [[6, 20]]));
    expect(r.filter((b) => b.rule === '24h')).toEqual([]);
    expect(r.filter((b) => b.rule === '7d').map((b) => b.restH)).toEqual([70]);
  });

  it('13 h a day for a week is lawful on both rules', () => {
    expect(checkRestHours(routine(7, [[6, 19]]))).toEqual([]);
  });

  it('one 16 h day gives a 24 h breach with the rest actually had, citing the record', () => {
    const s = routine(3, [[6, 18]]);
    s.work.push({ start: T0 + DAY + 18 * HOUR, end: T0 + DAY + 22 * HOUR });
    const r = checkRestHours(s);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ rule: '24h', restH: 8, requiredH: 10, source: 'interview 3' });
  });

  it('a rest split across midnight still counts within any 24 h window', () => {
    // Work 12:00–02:00 next day (14 h), rest 02:00–12:00 (10 h): lawful in every window.
    const s = routine(3, [[12, 26]]);
    s.coverage.end += 2 * HOUR;
    expect(checkRestHours(s).filter((b) => b.rule === '24h')).toEqual([]);
  });
});

describe('declared schedule against the track', () => {
  const voyage: Voyage = { kind: 'voyage', id: 'voyage-1', start: T0 + DAY, end: T0 + 5 * DAY, partial: false, durationH: 96, daysAtSea: 4, calendarDaysAtSea: 5, positions: 100 };
  const visit: PortVisit = { kind: 'port_visit', id: 'visit-1', port: 'Phuket', start: T0, end: T0 + DAY, durationH: 24, position: { lat: 0, lon: 0 }, stops: [] };

  it('a declared shore leave while the track is at sea is impossible, citing the voyage', () => {
    const r = checkDeclaredSchedule([{ label: 'shore leave', where: 'in_port', start: T0 + 2 * DAY, end: T0 + 3 * DAY }], { visits: [visit], voyages: [voyage] });
    expect(r).toEqual([expect.objectContaining({ label: 'shore leave', contradictedH: 24, evidence: ['voyage-1'] })]);
  });

  it('an hour of slack at the edges is tolerated', () => {
    expect(checkDeclaredSchedule([{ label: 'trip', where: 'at_sea', start: T0 + DAY - HOUR, end: T0 + 5 * DAY }], { visits: [visit], voyages: [voyage] })).toEqual([]);
  });
});
