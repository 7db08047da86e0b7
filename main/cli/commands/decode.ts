import { createReadStream, existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { gpsdJsonLine } from '../../../shared/ais/gpsd-json';
import { GangwayError } from '../../../shared/errors';
import { createDecoder } from '../../../shared/nmea/decoder';
import { LineSplitter, longLinesSentence } from '../../../native/line-splitter';
import type { Command } from '../command';

const usage = `Usage: gangway decode [FILE|-] [--device NAME] [--stats]

Decodes the AIS messages (!AIVDM/!AIVDO) in an NMEA log and prints one JSON
object per message, in gpsd's AIS JSON (the field names and scaling of
\`gpsdecode -j\`), so tools that read gpsd's output can read Gangway's.
  FILE           an NMEA log, plain or gzip; "-" or nothing reads standard input
  --device NAME  the "device" field of each object (default: stdin, as gpsdecode)
  --stats        print the count of lines, messages and rejects by reason to standard error`;

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
    let input: NodeJS.ReadableStream = io.stdin;
    if (file !== '-') {
      if (!existsSync(file) || !statSync(file).isFile()) throw new GangwayError('NOT_FOUND', `There is no file "${file}". Check the path and try again.`);
      const raw = createReadStream(file);
      input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    }

    const decoder = createDecoder();
    let batch: string[] = [];
    const onLine = (line: string) => {
      const r = decoder.push(line);
      if (r?.kind !== 'ais') return;
      const json = gpsdJsonLine(r.message, values.device);
      if (json === null) return;
      batch.push(json);
      if (batch.length >= BATCH) {
        io.out(batch.join('\n'));
        batch = [];
      }
    };
    // Lines are cut at MAX_LINE bytes, so a log holding one endless line cannot fill memory (readline kept it whole).
    const splitter = new LineSplitter(onLine);
    for await (const chunk of input) splitter.push(typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
    splitter.end();
    if (batch.length) io.out(batch.join('\n'));

    const c = decoder.counts;
    const source = file === '-' ? 'the input' : `"${file}"`;
    if (splitter.cut > 0) {
      io.err(`gangway decode: ${longLinesSentence(splitter.cut, source)}`);
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
