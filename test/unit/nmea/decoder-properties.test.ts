import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeSentences } from '../../../shared/ais/encode';
import { createDecoder, type NmeaDecoder } from '../../../shared/nmea/decoder';
import { fixtureLines } from '../ais/helpers';

/** Every line is accounted for exactly once: decoded, ignored, waiting, or rejected with a reason. */
function accountedFor(d: NmeaDecoder): void {
  const c = d.counts;
  const rejected = Object.values(c.rejects).reduce((a, b) => a + b, 0);
  expect(c.fixes + c.aisSentences + c.ignored + rejected + d.pendingFragments).toBe(c.lines);
}

const real = [...fixtureLines('nmea/ais-nmea.log'), ...fixtureLines('nmea/ublox-neo-m9n.log'), ...fixtureLines('ais/gpsd-sample.aivdm')];
const single = real.filter((l) => /^[$!]/.test(l) && !/^!AIVDM,[2-9]/.test(l) && /\*[0-9A-F]{2}$/.test(l));

describe('the streaming decoder on hostile input', () => {
  it('never throws on random bytes, and counts every line', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 50 }), (chunks) => {
        const d = createDecoder();
        for (const bytes of chunks) d.push(Buffer.from(bytes).toString('latin1'));
        accountedFor(d);
        expect(d.counts.lines).toBe(chunks.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on random text mixed into real traffic, and loses none of the real lines', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom(...single)), { maxLength: 60 }), (lines) => {
        const d = createDecoder();
        for (const l of lines) d.push(l);
        accountedFor(d);
        // Each line is accepted in the mix exactly when it is accepted on its own.
        const alone = lines.filter((l) => {
          const one = createDecoder();
          one.push(l);
          return one.counts.fixes + one.counts.ais + one.counts.ignored === 1;
        }).length;
        expect(d.counts.fixes + d.counts.aisSentences + d.counts.ignored).toBe(alone);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a truncated sentence, with a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...single), fc.nat(), (line, n) => {
        const cut = line.slice(0, n % (line.length - 1));
        const d = createDecoder();
        expect(d.push(cut)).toBeUndefined();
        expect(d.counts.fixes + d.counts.ais + d.counts.ignored).toBe(0);
        accountedFor(d);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a wrong checksum as bad_checksum and nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...single), fc.integer({ min: 1, max: 255 }), (line, flip) => {
        const star = line.lastIndexOf('*');
        const wrong = (parseInt(line.slice(star + 1, star + 3), 16) ^ flip).toString(16).toUpperCase().padStart(2, '0');
        const d = createDecoder();
        expect(d.push(`${line.slice(0, star + 1)}${wrong}`)).toBeUndefined();
        expect(d.counts.rejects.bad_checksum).toBe(1);
        accountedFor(d);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a corrupted character as a bad checksum (or as noise), never as a decoded message', () => {
    fc.assert(
      fc.property(fc.constantFrom(...single), fc.nat(), fc.integer({ min: 33, max: 126 }), (line, at, code) => {
        const star = line.lastIndexOf('*');
        const i = 1 + (at % (star - 1));
        fc.pre(line.charCodeAt(i) !== code && code !== 42);
        const d = createDecoder();
        const r = d.push(line.slice(0, i) + String.fromCharCode(code) + line.slice(i + 1));
        expect(r).toBeUndefined();
        accountedFor(d);
      }),
      { numRuns: 500 },
    );
  });
});

/** Two-sentence type 5 messages with distinct channel + sequence id, so they may interleave. */
const staticMessage = fc.record({ mmsi: fc.integer({ min: 200_000_000, max: 799_999_999 }), name: fc.stringMatching(/^[A-Z ]{1,20}$/) });

describe('multi-sentence AIS reassembly', () => {
  it('joins every message however its fragments are interleaved with others', () => {
    fc.assert(
      fc.property(fc.uniqueArray(staticMessage, { minLength: 1, maxLength: 12, selector: (m) => m.mmsi }), fc.nat(), (messages, seed) => {
        const fragments = messages.map((m, i) =>
          encodeSentences(
            { type: 5, repeat: 0, mmsi: m.mmsi, values: { shipname: m.name.trim(), callsign: 'TEST', destination: 'PORT' } },
            { sequenceId: i % 10, channel: i < 10 ? 'A' : 'B' },
          ),
        );
        expect(fragments.every((f) => f.length === 2)).toBe(true);
        // Shuffle all fragments, each message's parts in any order.
        const all = fragments.flat();
        let s = seed;
        for (let i = all.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [all[i], all[j]] = [all[j]!, all[i]!];
        }
        const d = createDecoder();
        const names = new Map<number, unknown>();
        for (const line of all) {
          const r = d.push(line);
          if (r?.kind === 'ais') names.set(r.message.mmsi, r.message.values.shipname);
        }
        expect(names).toEqual(new Map(messages.map((m) => [m.mmsi, m.name.trim()])));
        expect(d.pendingFragments).toBe(0);
        accountedFor(d);
      }),
      { numRuns: 200 },
    );
  });

  it('holds a bounded number of fragments whose message never completes, and counts them as incomplete', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 2, max: 9 }), fc.nat(9), fc.constantFrom('A', 'B', '1', '2')), { minLength: 1, maxLength: 400 }), (firsts) => {
        const d = createDecoder({ maxPending: 16 });
        for (const [total, seq, channel] of firsts) {
          const body = `AIVDM,${total},1,${seq},${channel},15RTgt0PAso;90TKcjM8h6g208CQ,0`;
          let x = 0;
          for (const ch of body) x ^= ch.charCodeAt(0);
          d.push(`!${body}*${x.toString(16).toUpperCase().padStart(2, '0')}`);
          expect(d.pendingFragments).toBeLessThanOrEqual(16);
        }
        accountedFor(d);
        expect(d.counts.rejects.incomplete + d.pendingFragments).toBe(firsts.length);
      }),
      { numRuns: 200 },
    );
  });

  it('drops a message whose other fragments stop coming, after a bounded number of lines', () => {
    const [first, second] = encodeSentences({ type: 5, repeat: 0, mmsi: 244_000_001, values: { shipname: 'LATE' } }, { sequenceId: 3 });
    const d = createDecoder({ maxAgeLines: 10 });
    d.push(first!);
    for (let i = 0; i < 11; i++) d.push('$GPHDT,1.0,T*34');
    expect(d.push(second!)).toBeUndefined();
    expect(d.counts.rejects.incomplete).toBe(1);
    expect(d.pendingFragments).toBe(1); // the late second fragment now waits for a first that will not come
  });
});
