/**
 * The least a line must be to count as NMEA 0183 (IEC 61162-1): `$` or `!`, printable
 * ASCII, and a `*hh` checksum equal to the XOR of the bytes between the start character
 * and `*`. An optional 4.x tag block (`\…\`) may come first. Used to decide whether a
 * serial port speaks at the baud rate we opened it with; full parsing is shared/nmea's job.
 */
export function hasValidNmeaChecksum(line: string): boolean {
  let start = 0;
  if (line.charCodeAt(0) === 92 /* \ */) {
    const close = line.indexOf('\\', 1);
    if (close === -1) return false;
    start = close + 1;
  }
  const first = line.charCodeAt(start);
  if (first !== 36 /* $ */ && first !== 33 /* ! */) return false;
  const star = line.lastIndexOf('*');
  if (star < start + 2 || star + 3 !== line.length) return false;
  let sum = 0;
  for (let i = start + 1; i < star; i++) {
    const c = line.charCodeAt(i);
    if (c < 32 || c > 126) return false;
    sum ^= c;
  }
  const hex = line.slice(star + 1);
  return /^[0-9A-Fa-f]{2}$/.test(hex) && Number.parseInt(hex, 16) === sum;
}
