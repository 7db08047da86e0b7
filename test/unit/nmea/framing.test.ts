import { describe, expect, it } from 'vitest';
import { parseSentence } from '../../../shared/nmea/framing';

/** Independent checksum for building test lines: XOR of the characters between the delimiter and '*'. */
function sum(body: string): string {
  let x = 0;
  for (const ch of body) x ^= ch.charCodeAt(0);
  return x.toString(16).toUpperCase().padStart(2, '0');
}
const sentence = (body: string) => `${body[0]}${body.slice(1)}*${sum(body.slice(1))}`;

describe('NMEA 0183 framing', () => {
  it('splits a real u-blox GGA into talker, type and fields', () => {
    const r = parseSentence('$GNGGA,223745.00,3806.62964,N,12237.61382,W,2,12,0.54,83.1,M,-29.5,M,,0000*44\r\n');
    expect(r).toMatchObject({ ok: true, sentence: { start: '$', talker: 'GN', type: 'GGA' } });
    if (r.ok) expect(r.sentence.fields).toEqual(['223745.00', '3806.62964', 'N', '12237.61382', 'W', '2', '12', '0.54', '83.1', 'M', '-29.5', 'M', '', '0000']);
  });

  it('accepts any talker, lower-case checksums and proprietary sentences', () => {
    for (const talker of ['GP', 'GN', 'GL', 'GA', 'GB', 'BD', 'GQ', 'II']) {
      expect(parseSentence(sentence(`$${talker}HDT,123.4,T`))).toMatchObject({ ok: true, sentence: { talker, type: 'HDT' } });
    }
    expect(parseSentence(sentence('$GPHDT,1.0,T').toLowerCase().replace('$gphdt,1.0,t', '$GPHDT,1.0,T'))).toMatchObject({ ok: true });
    expect(parseSentence(sentence('$PUBX,00,081350.00'))).toMatchObject({ ok: true, sentence: { talker: 'P', type: 'UBX' } });
  });

  it('reads an NMEA 4 tag block: receive time and source', () => {
    const tag = 's:rcvr42,c:1700000000';
    const line = `\\${tag}*${sum(tag)}\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A`;
    const r = parseSentence(line);
    expect(r).toMatchObject({ ok: true, sentence: { type: 'VDM', receivedAt: 1_700_000_000_000, source: 'rcvr42', tagBlock: { source: 'rcvr42' } } });
  });

  it('takes a tag block time that is already in milliseconds as milliseconds', () => {
    const tag = 'c:1700000000123';
    const r = parseSentence(`\\${tag}*${sum(tag)}\\${sentence('$GPHDT,1.0,T')}`);
    expect(r.ok && r.sentence.receivedAt).toBe(1_700_000_000_123);
  });

  it('rejects a tag block with a wrong checksum', () => {
    expect(parseSentence('\\s:rcvr42,c:1700000000*00\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A')).toEqual({ ok: false, reason: 'bad_tag_block' });
  });

  it('keeps the receive time and station of a US Coast Guard NAIS line', () => {
    const r = parseSentence('!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,r08TPHI1,1242958962');
    expect(r).toMatchObject({ ok: true, sentence: { receivedAt: 1_242_958_962_000, source: '08TPHI1' } });
  });

  it.each([
    ['', 'empty'],
    ['   \r\n', 'empty'],
    ['$GPGGA,1\u0000\u00ff\u0013*00', 'binary_noise'],
    ['name,rank,wage', 'not_nmea'],
    ['$GPGGA,223745.00,3806.62964,N,12237.61382,W,2,12', 'truncated'],
    ['$GPHDT,1.0,T*4', 'truncated'],
    ['$GPHDT,1.0,T*00', 'bad_checksum'],
    // Over the 100 characters even RTK receivers stay within (82 is the standard's limit; see MAX_SENTENCE_LENGTH).
    [sentence('$GPHDT,' + '1'.repeat(100)), 'too_long'],
    [sentence('$G1,1.0,T'), 'bad_address'],
    ['$GPHDT,1.0,T$GPHDT,1.0,T*00', 'truncated'],
  ] as const)('rejects %j as %s', (line, reason) => {
    expect(parseSentence(line)).toEqual({ ok: false, reason });
  });

  it('accepts AIS fragments a little over 82 characters, as real receivers send them', () => {
    const long = '!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C';
    expect(long.length).toBe(84);
    expect(parseSentence(long).ok).toBe(true);
  });
});
