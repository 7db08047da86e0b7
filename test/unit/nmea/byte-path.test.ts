import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSentences } from '../../../shared/ais/encode';
import { createDecoder, type Decoded } from '../../../shared/nmea/decoder';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, fixtureLines } from '../ais/helpers';

/**
 * `pushBytes` must be `push` on the same line read as Latin-1: same result,
 * same counts, same pending fragments, line after line. Each line is placed
 * inside a larger buffer between random bytes, so the decoder must keep to
 * `[start, end)`.
 */
function sameOnBothPaths(lines: Uint8Array[], times?: (number | undefined)[], pad: Uint8Array = new Uint8Array([33, 10, 200])): void {
  const byString = createDecoder();
  const byBytes = createDecoder();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = times?.[i];
    const buffer = new Uint8Array(pad.length + line.length + pad.length);
    buffer.set(pad, 0);
    buffer.set(line, pad.length);
    buffer.set(pad, pad.length + line.length);
    const expected = byString.push(Buffer.from(line).toString('latin1'), t);
    const actual = byBytes.pushBytes(buffer, pad.length, pad.length + line.length, t);
    expect(actual).toStrictEqual(expected);
  }
  expect(byBytes.counts).toStrictEqual(byString.counts);
  expect(byBytes.pendingFragments).toBe(byString.pendingFragments);
}

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const realText = [
  ...fixtureLines('ais/gpsd-sample.aivdm'),
  ...fixtureLines('nmea/ais-nmea.log'),
  ...fixtureLines('nmea/ublox-neo-m9n.log'),
  ...fixtureLines('nmea/quectel-l76k.log'),
];
const real = realText.map(latin1);

/** A NAIS-style trailer (`,s…,d…,T…,r<station>,<unix>`), or any printable text, or any bytes at all. */
const trailer = fc.oneof(
  fc
    .tuple(fc.nat(99_999), fc.integer({ min: -130, max: -20 }), fc.stringMatching(/^[0-9A-Z]{0,9}$/), fc.integer({ min: 0, max: 9_999_999_999 }))
    .map(([s, d, station, unix]) => latin1(`,s${s},d${d},T12.345,r${station},${unix}`)),
  fc.stringMatching(/^[ -~]{0,40}$/).map(latin1),
  fc.uint8Array({ maxLength: 40 }),
  // Around MAX_LINE_LENGTH (1024): longer lines are refused whatever they hold.
  fc.integer({ min: 900, max: 1000 }).map((n) => latin1(`,${'r1,'.repeat(n / 3)}`)),
);

/** Real lines, and real lines damaged the ways a serial line or a logger damages them. */
const line = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...real) },
  fc.tuple(fc.constantFrom(...real), trailer).map(([l, t]) => Buffer.concat([l, t])),
  fc.tuple(fc.constantFrom(...real), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([l, at, b]) => {
    const copy = new Uint8Array(l);
    copy[at % copy.length] = b;
    return copy;
  }),
  fc.tuple(fc.constantFrom(...real), fc.nat()).map(([l, n]) => l.subarray(0, n % (l.length + 1))),
  fc.tuple(fc.constantFrom(...real), fc.stringMatching(/^[\r\n \t]{1,4}$/)).map(([l, ws]) => Buffer.concat([l, latin1(ws)])),
  fc.uint8Array({ maxLength: 120 }),
);

describe('decoding a log from its bytes', () => {
  it('gives what decoding its lines as text gives, on every real line in order', () => {
    sameOnBothPaths(real);
    sameOnBothPaths(
      real,
      real.map((_, i) => 1_700_000_000_000 + i * 250),
    );
  });

  it('gives what decoding the same text gives, on damaged and random lines mixed with real traffic', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 60 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 42 })),
        fc.uint8Array({ maxLength: 4 }),
        (lines, t0, pad) => {
          sameOnBothPaths(
            lines,
            lines.map((_, i) => (t0 === null ? undefined : t0 + i * 1000)),
            pad,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives what decoding the same text gives, on runs of consecutive real lines (multi-sentence messages intact)', () => {
    fc.assert(
      fc.property(fc.nat(real.length - 1), fc.integer({ min: 1, max: 80 }), (from, n) => {
        sameOnBothPaths(real.slice(from, from + n));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the receive time and station from a USCG NAIS trailer, as the text path does', () => {
    const d = createDecoder();
    const l = latin1('!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,r08TPHI1,1242958962');
    const r = d.pushBytes(l, 0, l.length, 5);
    expect(r).toMatchObject({ kind: 'ais', receivedAt: 1_242_958_962_000, source: '08TPHI1', message: { type: 11, mmsi: 304137000 } });
  });

  it('joins a message whose first fragment came in a buffer the caller has since reused', () => {
    const [first, second] = encodeSentences(
      { type: 5, repeat: 0, mmsi: 244_000_002, values: { shipname: 'REUSED BUFFER', callsign: 'PD1234', destination: 'IJMUIDEN' } },
      { sequenceId: 4 },
    );
    const d = createDecoder();
    const buffer = new Uint8Array(128);
    const put = (s: string) => {
      buffer.fill(0x30);
      buffer.set(latin1(s));
      return s.length;
    };
    expect(d.pushBytes(buffer, 0, put(first!))).toBeUndefined();
    const r = d.pushBytes(buffer, 0, put(second!));
    expect(r?.kind === 'ais' && r.message.values.shipname).toBe('REUSED BUFFER');
  });

  it('decodes a whole log chunk by chunk exactly as line by line, whatever the chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 42 })),
        (rows, cuts, t) => {
          // Lines here hold no LF of their own: a random byte 10 would split a line in both readings alike, but not line by line.
          const clean = rows.map(([l, eol]) => [l.filter((b) => b !== 10), eol] as const);
          const log = Buffer.concat(clean.flatMap(([l, eol]) => [l, latin1(eol)]));
          const receivedAt = t ?? undefined;

          const one = createDecoder();
          const expected: Decoded[] = [];
          let at = 0;
          for (const [l, eol] of clean) {
            const r = one.pushBytes(log, at, at + l.length + (eol === '\r\n' ? 1 : 0), receivedAt);
            if (r !== undefined) expected.push(r);
            at += l.length + eol.length;
          }

          const chunked = createDecoder();
          const actual: Decoded[] = [];
          const ends = [...new Set(cuts.map((c) => c % (log.length + 1))), log.length].sort((a, b) => a - b);
          let kept = new Uint8Array(0);
          let from = 0;
          for (const end of ends) {
            const chunk = new Uint8Array(Buffer.concat([kept, log.subarray(from, end)]));
            const used = chunked.pushLog(chunk, 0, chunk.length, (d) => actual.push(d), receivedAt);
            expect(chunk.subarray(used).includes(10)).toBe(false);
            kept = chunk.slice(used);
            from = end;
          }
          expect(kept.length).toBe(0);
          expect(actual).toStrictEqual(expected);
          expect(chunked.counts).toStrictEqual(one.counts);
          expect(chunked.pendingFragments).toBe(one.pendingFragments);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('decodes the real logs through pushLog as line by line', () => {
    for (const file of ['ais/gpsd-sample.aivdm', 'nmea/ais-nmea.log', 'nmea/ublox-neo-m9n.log']) {
      const log = new Uint8Array(readFileSync(path.join(FIXTURES, file)));
      const a = createDecoder();
      const b = createDecoder();
      const expected: Decoded[] = [];
      for (let at = 0; at < log.length; ) {
        let lf = log.indexOf(10, at);
        if (lf < 0) lf = log.length;
        const r = a.pushBytes(log, at, lf);
        if (r !== undefined) expected.push(r);
        at = lf + 1;
      }
      const actual: Decoded[] = [];
      const used = b.pushLog(log, 0, log.length, (d) => actual.push(d));
      expect(used).toBe(log[log.length - 1] === 10 ? log.length : log.lastIndexOf(10) + 1);
      expect(actual.length).toBeGreaterThan(0);
      expect(actual).toStrictEqual(expected);
    }
  });
});
