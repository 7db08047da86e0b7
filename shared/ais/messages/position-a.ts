import { f, FixedNumber, rows, seq, spare, type MessageTable, type RawMessage } from '../field';
import { NAV_STATUS } from '../legends';
import { lat27, lon28 } from './common';

/** Rate of turn: ±127 means turning faster than 5°/30 s with no sensor, -128 no data (M.1371-5 Table 45). */
const ROT_NOT_AVAILABLE = -128;
/** Speed over ground: 1023 not available, 1022 means 102.2 knots or more. */
const SPEED_NOT_AVAILABLE = 1023;
const SPEED_FAST = 1022;

seq(38);
const fields = rows(
  f('status', 4, 'u', { legend: { values: NAV_STATUS, fallback: 'INVALID STATUS', style: 'pair' }, na: 15 }),
  f('turn', 8, 'i', { na: ROT_NOT_AVAILABLE }),
  f('speed', 10, 'u', { scale: 10, digits: 1, na: SPEED_NOT_AVAILABLE }),
  f('accuracy', 1, 'b'),
  lon28(),
  lat27(),
  f('course', 12, 'u', { scale: 10, digits: 1, na: 3600 }),
  f('heading', 9, 'u', { na: 511 }),
  f('second', 6, 'u', { na: 60 }),
  f('maneuver', 2, 'u'),
  spare(3),
  f('raim', 1, 'b'),
  f('radio', 19, 'u'),
);

/**
 * gpsd prints the turn rate as degrees per minute: ROT_AIS = 4.733 × √ROT
 * (M.1371-5 Table 45), so ROT = (raw / 4.733)². gpsd 3.22 squares without
 * restoring the sign, so a left turn prints positive; we print what gpsd
 * prints. `turnRate()` in scaled.ts gives the signed value.
 */
function turn(m: RawMessage) {
  const t = Number(m.turn);
  if (t === ROT_NOT_AVAILABLE) return 'nan';
  if (t === -127) return 'fastleft';
  if (t === 127) return 'fastright';
  return Math.round((t / 4.733) ** 2);
}

function speed(m: RawMessage) {
  const s = Number(m.speed);
  if (s === SPEED_NOT_AVAILABLE) return 'nan';
  if (s === SPEED_FAST) return 'fast';
  return new FixedNumber(s / 10, 1);
}

/**
 * Types 1, 2, 3: Class A position report. 168 bits by the standard; gpsd
 * accepts 163–204 because the USCG has seen both in real traffic.
 */
export const positionA: MessageTable = {
  title: 'Position report (Class A)',
  bits: 168,
  minBits: 163,
  maxBits: 204,
  fields,
  special: { turn, speed },
};
