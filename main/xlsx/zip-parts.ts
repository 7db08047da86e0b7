import yauzl from 'yauzl';
import { limitError, type XlsxLimits } from './limits';

/**
 * The parts of an XLSX package (a zip), read one at a time as a stream of
 * text. yauzl reads the central directory, refuses malformed archives and
 * checks each entry's inflated size against the one declared; on top of that
 * every inflated byte counts against one budget for the whole workbook, so a
 * deflate bomb is stopped after the limit, not after it has been unpacked.
 */
export interface ZipParts {
  has(name: string): boolean;
  /** Streams one part's text to `onText`; rejects with the limit's sentence when the budget runs out. */
  read(name: string, onText: (text: string) => void): Promise<void>;
  close(): void;
}

/** Part names are case-insensitive in OPC (ECMA-376 part 2, 9.1.1.1) and have no leading slash in the zip. */
const key = (name: string) => name.replace(/^\//, '').toLowerCase();

export function openZip(bytes: Uint8Array, limits: XlsxLimits): Promise<ZipParts> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, yauzl.Entry>();
      let inflated = 0;
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entries.size >= limits.entries) {
          zip.close();
          return reject(limitError('entries', limits));
        }
        entries.set(key(entry.fileName), entry);
        zip.readEntry();
      });
      zip.on('end', () =>
        resolve({
          has: (name) => entries.has(key(name)),
          close: () => zip.close(),
          read: (name, onText) =>
            new Promise<void>((done, fail) => {
              const entry = entries.get(key(name));
              if (!entry) return fail(new Error(`the part ${name} is missing`));
              zip.openReadStream(entry, (openErr, stream) => {
                if (openErr || !stream) return fail(openErr ?? new Error(`cannot open ${name}`));
                const decoder = new TextDecoder('utf-8');
                let failed = false;
                const stop = (e: unknown) => {
                  if (failed) return;
                  failed = true;
                  stream.destroy();
                  fail(e);
                };
                stream.on('data', (chunk: Buffer) => {
                  if (failed) return;
                  inflated += chunk.length;
                  if (inflated > limits.inflatedBytes) return stop(limitError('inflatedBytes', limits));
                  try {
                    onText(decoder.decode(chunk, { stream: true }));
                  } catch (e) {
                    stop(e);
                  }
                });
                stream.on('error', stop);
                stream.on('end', () => {
                  if (failed) return;
                  try {
                    onText(decoder.decode());
                    done();
                  } catch (e) {
                    stop(e);
                  }
                });
              });
            }),
        }),
      );
      zip.readEntry();
    });
  });
}
