import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendArmoured, armour, newBits, putBits, sbits, sixbitText, ubits } from '../../../shared/ais/bits';
import { decodeBits } from '../../../shared/ais/decode';
import { encodeBits, encodeSentences } from '../../../shared/ais/encode';
import { scaledValue, turnRate } from '../../../shared/ais/scaled';
import { createDecoder } from '../../../shared/nmea/decoder';
import { messagesOfType } from './arbitraries';

const TYPES = Array.from({ length: 27 }, (_, i) => i + 1);

describe('AIS bit codec', () => {
  it('armouring and unarmouring give back the same bits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 126 }), fc.nat(7), (bytes, drop) => {
        const length = Math.max(1, bytes.length * 8 - drop);
        const { payload, fill } = armour(bytes, length);
        const bits = newBits();
        expect(appendArmoured(bits, payload, 0, payload.length, fill)).toBe(true);
        expect(bits.length).toBe(length);
        for (let at = 0; at + 8 <= length; at += 8) expect(bits.bytes[at / 8]).toBe(bytes[at / 8]);
      }),
    );
  });

  it('reads any field width at any offset as unsigned and two’s-complement', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), fc.nat(20), fc.integer({ min: 1, max: 40 }), (bytes, start, width) => {
        const padded = new Uint8Array(16);
        padded.set(bytes);
        let expected = 0n;
        for (let i = 0; i < width; i++) {
          const bit = start + i;
          expected = (expected << 1n) | BigInt((padded[bit >> 3]! >> (7 - (bit & 7))) & 1);
        }
        expect(ubits(padded, start, width)).toBe(Number(expected));
        const signed = expected >= 1n << BigInt(width - 1) ? expected - (1n << BigInt(width)) : expected;
        expect(sbits(padded, start, width)).toBe(Number(signed));
      }),
    );
  });

  it('six-bit text stops at the @ padding and drops trailing spaces', () => {
    const write = (codes: number[]) => {
      const bytes = new Uint8Array(16);
      codes.forEach((c, i) => putBits(bytes, 6 * i, 6, c));
      return bytes;
    };
    // ITU-R M.1371 six-bit: 1 = A, 2 = B, 3 = C, 32 = space, 0 = @.
    expect(sixbitText(write([1, 2, 32, 32, 0, 3]), 0, 6)).toBe('AB');
    expect(sixbitText(write([1, 32, 2, 32, 32]), 0, 5)).toBe('A B');
  });
});

describe.each(TYPES)('AIS type %i tables', (type) => {
  it('decode(encode(message)) gives back every field the encoder wrote', () => {
    for (const arb of messagesOfType(type)) {
      fc.assert(
        fc.property(arb, (m) => {
          const { bytes, length } = encodeBits(m);
          const bits = newBits();
          const { payload, fill } = armour(bytes, length);
          appendArmoured(bits, payload, 0, payload.length, fill);
          const decoded = decodeBits(bits);
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          // Encoding the decoded message again gives the very same bits: the tables agree with themselves.
          const again = encodeBits({ ...decoded.message, bitLength: length, part: m.type === 24 ? m.part === 'A' ? 'A' : 'B' : undefined });
          expect(again.length).toBe(length);
          expect(Array.from(again.bytes.subarray(0, Math.ceil(length / 8)))).toEqual(Array.from(bytes.subarray(0, Math.ceil(length / 8))));
          expect(decoded.message.mmsi).toBe(m.mmsi);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('survives being split into sentences and streamed through the decoder', () => {
    for (const arb of messagesOfType(type)) {
      fc.assert(
        fc.property(arb, fc.integer({ min: 10, max: 60 }), (m, maxChars) => {
          const d = createDecoder();
          const lines = encodeSentences({ ...m, part: m.type === 24 ? 'B' : m.part }, { maxChars, sequenceId: 4 });
          const out = lines.map((l) => d.push(l)).filter(Boolean);
          expect(out).toHaveLength(1);
          expect(out[0]).toMatchObject({ kind: 'ais', sentences: lines.length, message: { type, mmsi: m.mmsi } });
        }),
        { numRuns: 40 },
      );
    }
  });
});

describe('values in units', () => {
  const decode = (line: string) => {
    const r = createDecoder().push(line);
    if (r?.kind !== 'ais') throw new Error('not AIS');
    return r.message;
  };

  it('scales a Class A report and drops the "not available" heading', () => {
    // gpsd sample, type 1: speed 0.0, heading 511 (not available), turn -128 (no data)
    const m = decode('!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42');
    expect(scaledValue(m, 'heading')).toBeUndefined();
    expect(scaledValue(m, 'lon')).toBeCloseTo(-70.7582, 4);
    expect(scaledValue(m, 'lat')).toBeCloseTo(43.08015, 4);
    expect(scaledValue(m, 'course')).toBeCloseTo(93.4, 6);
    expect(turnRate(m)).toBeUndefined();
  });

  it('gives a left turn a negative rate, unlike gpsd’s JSON', () => {
    const [line] = encodeSentences({ type: 1, repeat: 0, mmsi: 244_000_000, values: { turn: -20, speed: 50, lon: 0, lat: 0, course: 0, heading: 0 } });
    expect(turnRate(decode(line!))).toBeCloseTo(-((20 / 4.733) ** 2), 6);
  });

  it('applies met-hydro offsets: air temperature from −60 °C in 8/1/11', () => {
    const m = decode('!AIVDO,1,1,4,B,8>jR06@0Bk3:wOli;<`WPhh<1rqVBQf2V@Pdt0J82avIM2b<<Rv1t<ot=@1,2*54');
    expect(m.structured).toBe(true);
    expect(scaledValue(m, 'airtemp')).toBeCloseTo(14.2, 6);
    expect(scaledValue(m, 'pressure')).toBe(1024);
  });
});
