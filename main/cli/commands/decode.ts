import { createReadStream, existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gpsdJsonLine } from '../../../shared/ais/gpsd-json';
import { GangwayError } from '../../../shared/errors';
import { createDecoder, type Decoded, type NmeaDecoder } from '../../../shared/nmea/decoder';
import { gzipDamage, logBytes } from '../../../native/file/file-lines';
import { longLinesSentence, MAX_LINE } from '../../../native/line-splitter';
import type { Command } from '../command';

const usage = `Usage: gangway decode [FILE|-] [--device NAME] [--stats]

Decodes the AIS messages (!AIVDM/!AIVDO) in an NMEA log and prints one JSON
object per message, in gpsd's AIS JSON (the field names and scaling of
\`gpsdecode -j\`), so tools that read gpsd's output can read Gangway's.
  FILE           an NMEA log, plain or gzip; "-" or nothing reads standard input
  --device NAME  the "device" field of each object (default: stdin, as gpsdecode)
  --stats        print the count of lines, messages and rejects by reason to standard error`;

/**
 * Every line of the log through the decoder's byte path; a last line without LF is
 * decoded too. A line that runs on past MAX_LINE bytes without its end is passed on
 * in pieces of that size, so a log holding one endless line cannot fill memory;
 * returns how many lines were cut so.
 */
async function decodeLog(decoder: NmeaDecoder, chunks: AsyncIterable<Buffer>, onDecoded: (d: Decoded) => void): Promise<number> {
  let carry: Buffer | undefined;
  let cut = 0;
  let longLine = false;
  for await (const chunk of chunks) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = decoder.pushLog(buf, 0, buf.length, onDecoded);
    if (end > 0) longLine = false;
    carry = end < buf.length ? buf.subarray(end) : undefined;
    if (carry && carry.length > MAX_LINE) {
      if (!longLine) cut++;
      longLine = true;
      for (let at = 0; at < carry.length; at += MAX_LINE) {
        const d = decoder.pushBytes(carry, at, Math.min(carry.length, at + MAX_LINE));
        if (d) onDecoded(d);
      }
      carry = undefined;
    }
  }
  if (carry) {
    const stop = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    const d = decoder.pushBytes(carry, 0, stop);
    if (d) onDecoded(d);
  }
  return cut;
}

/** Lines are written in batches: one write per line is the slowest part of decoding a large log. */
const BATCH = 512;

export const decodeCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { device: { type: 'string', default: 'stdin' }, stats: { type: 'boolean', default: false } },
    });
    if (positionals.length > 1) throw new GangwayError('VALIDATION', 'Give one file to decode (or "-" for standard input).');
    const file = positionals[0] ?? '-';
    let input: AsyncIterable<Buffer | string> = io.stdin as AsyncIterable<Buffer | string>;
    if (file !== '-') {
      if (!existsSync(file) || !statSync(file).isFile()) throw new GangwayError('NOT_FOUND', `There is no file "${file}". Check the path and try again.`);
      input = createReadStream(file, { highWaterMark: 1 << 20 });
    }

    const decoder = createDecoder();
    let batch: string[] = [];
    // gpsdecode ends each object with CR LF, as gpsd's daemon does on its sockets.
    const write = () => {
      if (batch.length) io.out(batch.join('\r\n') + '\r\n');
      batch = [];
    };
    const onDecoded = (r: Decoded) => {
      if (r.kind !== 'ais') return;
      const json = gpsdJsonLine(r.message, values.device);
      if (json === null) return;
      if (batch.push(json) >= BATCH) write();
    };
    const source = file === '-' ? 'the input' : `"${file}"`;
    let damage: string | undefined;
    let cut = 0;
    try {
      cut = await decodeLog(decoder, logBytes(input), onDecoded);
    } catch (e) {
      damage = gzipDamage(e);
      if (damage === undefined) throw e;
    }
    write();
    if (damage !== undefined) {
      io.err(`gangway decode: ${damage} after ${decoder.counts.lines} lines of ${source}; the messages before that point were printed.`);
      return 1;
    }

    const c = decoder.counts;
    if (cut > 0) {
      io.err(`gangway decode: ${longLinesSentence(cut, source)}`);
    }
    const rejected = Object.entries(c.rejects).filter(([, n]) => n > 0);
    if (values.stats) {
      io.err(`${c.lines} lines: ${c.ais} AIS messages from ${c.aisSentences} sentences, ${c.fixes} GNSS fixes, ${c.ignored} other sentences`);
      for (const [reason, n] of rejected) io.err(`  rejected (${reason.replace(/_/g, ' ')}): ${n}`);
    }
    if (c.lines > 0 && c.ais === 0 && c.fixes === 0 && c.ignored === 0) {
      io.err(`gangway decode: no NMEA sentences in ${source}; is it an NMEA log? (${rejected.map(([r, n]) => `${n} ${r.replace(/_/g, ' ')}`).join(', ')})`);
      return 1;
    }
    return 0;
  },
};
