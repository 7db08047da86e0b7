import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../shared/nmea/decoder';

const sum = (body: string) => [...body].reduce((x, c) => x ^ c.charCodeAt(0), 0).toString(16).toUpperCase().padStart(2, '0');
const nmea = (start: '$' | '!', body: string) => `${start}${body}*${sum(body)}`;

describe('lines as real receivers and loggers write them', () => {
  it("reads a logger's timestamp prefix as the line's time, as gpsd skips it", () => {
    const d = createDecoder();
    const r = d.push(`2019-01-03 10:11:12,345: ${nmea('!', 'AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0')}`);
    expect(r).toMatchObject({ kind: 'ais', receivedAt: Date.UTC(2019, 0, 3, 10, 11, 12, 345) });
    expect(r?.kind === 'ais' && r.message.mmsi).toBe(371798000);
    expect(d.push(`2019-01-03T10:11:13Z ${nmea('$', 'GPGLL,5250.53669,N,00542.34920,E,101113.00,A,A')}`)).toMatchObject({ kind: 'fix', receivedAt: Date.UTC(2019, 0, 3, 10, 11, 13) });
    expect(d.counts.rejects.not_nmea).toBe(0);
  });

  it('a multi-part message whose fragments carry different tag blocks (s: on one, only g: or none on another) completes', () => {
    const tag = (body: string) => `\\${body}*${sum(body)}\\`;
    const one = '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C';
    const two = '!AIVDM,2,2,1,A,88888888880,2*25';
    const cases = [
      [tag('g:1-2-1234,s:rORBCOMM,c:1709294400') + one, tag('g:2-2-1234') + two],
      [one, tag('s:station7,c:1709294400') + two],
    ];
    for (const [first, second] of cases) {
      const d = createDecoder();
      expect(d.push(first!)).toBeUndefined();
      const r = d.push(second!);
      expect(r?.kind).toBe('ais');
      expect(r?.kind === 'ais' && r.message.type).toBe(5);
      expect(d.pendingFragments).toBe(0);
    }
  });

  it('fragments of two stations interleaved (different s:) still pair with their own', () => {
    const tag = (body: string) => `\\${body}*${sum(body)}\\`;
    const one = '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C';
    const two = '!AIVDM,2,2,1,A,88888888880,2*25';
    const d = createDecoder();
    expect(d.push(tag('s:a') + one)).toBeUndefined();
    expect(d.push(tag('s:b') + one)).toBeUndefined();
    expect(d.push(tag('s:b') + two)).toMatchObject({ kind: 'ais', source: 'b' });
    expect(d.push(tag('s:a') + two)).toMatchObject({ kind: 'ais', source: 'a' });
  });

  it('an empty final fragment completes its message instead of losing it', () => {
    const d = createDecoder();
    // A type 5 whose bits all fitted in the first fragment's 71 characters; the second is empty (!AIVDM,2,2,0,A,,0*16 style).
    // The type 5 of gpsd's sample (its lines 124-125), both payloads moved into the first fragment.
    const first = nmea('!', 'AIVDM,2,1,0,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp888888888880,2');
    const last = nmea('!', 'AIVDM,2,2,0,A,,0');
    expect(last).toBe('!AIVDM,2,2,0,A,,0*16');
    expect(d.push(first)).toBeUndefined();
    const r = d.push(last);
    expect(r?.kind).toBe('ais');
    expect(r?.kind === 'ais' && r.sentences).toBe(2);
    expect(d.counts.rejects.bad_fields).toBe(0);
  });

  it('an RTK receiver’s GGA of more than 82 characters (8 decimals) is a fix', () => {
    const gga = nmea('$', 'GPGGA,123519.00,4807.03812345,N,01131.00012345,E,4,12,0.6,545.4123,M,46.9123,M,1.0,0001');
    expect(gga.length).toBeGreaterThan(82);
    const r = createDecoder().push(gga);
    expect(r).toMatchObject({ kind: 'fix', fix: { quality: expect.anything() as unknown } });
    expect(r?.kind === 'fix' && r.fix.lat).toBeCloseTo(48 + 7.03812345 / 60, 9);
  });

  it("a void RMC's date does not date the fixes after it", () => {
    const d = createDecoder();
    d.push(nmea('$', 'GPRMC,000001.00,V,,,,,,,060180,,,N'));
    const r = d.push(nmea('$', 'GPGGA,000002.00,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,'));
    expect(r?.kind === 'fix' && r.fix.time).toBeUndefined();
  });
});
