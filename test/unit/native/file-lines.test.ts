import fc from 'fast-check';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isGzip, readFileLines, sha256File } from '../../../native/file/file-lines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gangway-lines-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(file: string, fromOffset = 0) {
  const out: { line: string; offset: number }[] = [];
  for await (const chunk of readFileLines(file, { fromOffset })) out.push(...chunk);
  return out;
}

describe('reading log files line by line', () => {
  it('offsets point at the start of each line, so resuming at any line start gives exactly the rest (plain and gzip)', async () => {
    const line = fc.stringMatching(/^[ -~]{0,100}$/);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.nat(), fc.boolean(), async (lines, crlf, pick, gzip) => {
        const text = lines.map((l) => l + (crlf ? '\r\n' : '\n')).join('');
        const file = path.join(dir, `f${n++}${gzip ? '.gz' : ''}`);
        fs.writeFileSync(file, gzip ? zlib.gzipSync(Buffer.from(text, 'latin1')) : Buffer.from(text, 'latin1'));
        const all = await collect(file);
        expect(all.map((l) => l.line)).toEqual(lines.filter((l) => l !== ''));
        for (const l of all) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
        if (all.length === 0) return;
        const from = all[pick % all.length]!;
        const rest = await collect(file, from.offset);
        expect(rest).toEqual(all.filter((l) => l.offset >= from.offset));
      }),
      { numRuns: 60 },
    );
  });

  it('a file is known by its content: gzip by its magic bytes, identity by SHA-256', async () => {
    const a = path.join(dir, 'a.log');
    const b = path.join(dir, 'renamed.txt');
    fs.writeFileSync(a, '$GPGGA,1*00\n');
    fs.copyFileSync(a, b);
    expect(await sha256File(a)).toBe(await sha256File(b));
    expect(await sha256File(a)).toBe(createHash('sha256').update('$GPGGA,1*00\n').digest('hex'));
    const gz = path.join(dir, 'no-extension');
    fs.writeFileSync(gz, zlib.gzipSync('x\n'));
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(a)).toBe(false);
  });
});
