import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MAX_LINE } from '../line-splitter';

/** One line of a log file and where it starts, in bytes of the (decompressed) text. */
export interface FileLine {
  line: string;
  offset: number;
}

export interface ReadProgress {
  /** Bytes of the file on disk consumed so far (compressed bytes for gzip). */
  bytesRead: number;
  totalBytes: number;
}

/** SHA-256 of the file on disk: a file's identity, so re-importing it can add nothing. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** gzip's magic number (RFC 1952, section 2.3.1): the content says what it is, whatever the file is called. */
export function isGzip(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams a plain or gzip log as lines with their byte offsets, starting at
 * `fromOffset` (resume after a crash). Lines over `maxLineBytes` are cut so a
 * binary file cannot fill memory (`onLongLine` hears of each, for a sentence
 * to the user); memory stays flat whatever the file size.
 */
export async function* readFileLines(
  path: string,
  options: { fromOffset?: number; onProgress?: (p: ReadProgress) => void; maxLineBytes?: number; onLongLine?: (offset: number) => void } = {},
): AsyncGenerator<FileLine[]> {
  const { fromOffset = 0, onProgress, maxLineBytes = MAX_LINE, onLongLine } = options;
  const totalBytes = fs.statSync(path).size;
  const gzip = isGzip(path);
  const raw = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  let bytesRead = 0;
  // For gzip the compressed bytes are counted as they are piped; a plain file's chunks are counted below.
  if (gzip) raw.on('data', (c) => (bytesRead += c.length));
  const stream: AsyncIterable<Buffer> = gzip ? raw.pipe(zlib.createGunzip()) : raw;

  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0; // offset of carry[0] in the decompressed text
  let longLine = false; // the line being read already went past maxLineBytes
  for await (const chunk of stream) {
    if (!gzip) bytesRead += chunk.length;
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const base = carryOffset;
    const out: FileLine[] = [];
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      if (nl - start > maxLineBytes && !longLine) onLongLine?.(base + start);
      longLine = false;
      pushLine(out, buf, start, nl, base, fromOffset);
      start = nl + 1;
    }
    if (buf.length - start > maxLineBytes) {
      // The rest of a line that goes on past the cap is passed on as it comes, never held.
      if (!longLine) onLongLine?.(base + start);
      longLine = true;
      pushLine(out, buf, start, buf.length, base, fromOffset);
      start = buf.length;
    }
    carry = buf.subarray(start);
    carryOffset = base + start;
    if (out.length) yield out;
    onProgress?.({ bytesRead, totalBytes });
  }
  if (carry.length) {
    const out: FileLine[] = [];
    pushLine(out, carry, 0, carry.length, carryOffset, fromOffset);
    if (out.length) yield out;
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes });
}

function pushLine(out: FileLine[], buf: Buffer, start: number, end: number, base: number, fromOffset: number): void {
  const offset = base + start;
  if (offset < fromOffset) return;
  const stop = end > start && buf[end - 1] === 13 ? end - 1 : end;
  if (stop > start) out.push({ line: buf.toString('latin1', start, stop), offset });
}

/**
 * The bytes of a log from any stream (a file, standard input), decompressed when
 * they start with gzip's magic number: the content says what it is, whatever the
 * file is called. Concatenated gzip members are read as one. A damaged gzip throws
 * from the iteration after every byte decoded before the damage was yielded.
 */
export async function* logBytes(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const r = await it.next();
    if (r.done) {
      if (head.length) yield head;
      return;
    }
    head = Buffer.concat([head, typeof r.value === 'string' ? Buffer.from(r.value, 'latin1') : r.value]);
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value, 'latin1') : r.value;
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest();
    return;
  }
  const gunzip = zlib.createGunzip();
  const feed = Readable.from(rest());
  feed.on('error', (e) => gunzip.destroy(e));
  feed.pipe(gunzip);
  for await (const chunk of gunzip) yield chunk as Buffer;
}

/** A one-sentence account of a gzip stream that stopped decompressing (truncated, bit-flipped). */
export function gzipDamage(e: unknown): string | undefined {
  const code = (e as { code?: string }).code;
  if (code === 'Z_BUF_ERROR' || (e as Error).message === 'unexpected end of file') return 'the gzip data ends early (the file is truncated)';
  if (code === 'Z_DATA_ERROR') return `the gzip data is damaged (${(e as Error).message})`;
  return undefined;
}
