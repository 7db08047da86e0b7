import iconv from 'iconv-lite';
import type { ImportIssue } from '../../shared/wages/schemas';
import { firstUndecodableLine } from '../../shared/wages/parse/grid';

/**
 * Turns a text file's bytes into a string. Thai bank exports come as
 * Windows-874 (a superset of TIS-620), UTF-8 with or without BOM, or UTF-16
 * (Excel's "Unicode text"). Detection: a BOM decides; NUL bytes in every
 * other position mean UTF-16 without BOM; bytes that are valid UTF-8 are
 * UTF-8; anything else is read as Windows-874, the Thai Windows code page.
 */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-874', 'tis-620'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const LABEL: Record<Exclude<Encoding, 'auto'>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-874': 'Windows-874 (Thai)',
  'tis-620': 'TIS-620 (Thai)',
};

export interface DecodedText {
  text: string;
  encoding: Exclude<Encoding, 'auto'>;
  issues: ImportIssue[];
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasMultibyte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

export function detectEncoding(bytes: Uint8Array): Exclude<Encoding, 'auto'> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const probe = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (oddNul > probe.length / 4) return 'utf-16le';
  if (evenNul > probe.length / 4) return 'utf-16be';
  return isUtf8(bytes) ? 'utf-8' : 'windows-874';
}

/** The 1-based line of the first byte sequence that is not valid UTF-8. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 10) line++;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return line;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += need + 1;
  }
  return line;
}

export function decodeText(bytes: Uint8Array, wanted: Encoding = 'auto'): DecodedText {
  const detected = detectEncoding(bytes);
  const encoding = wanted === 'auto' ? detected : wanted;
  const issues: ImportIssue[] = [];
  if (encoding === 'utf-8' && !isUtf8(bytes)) {
    issues.push({
      line: firstBadUtf8Line(bytes),
      code: 'WRONG_ENCODING',
      message: `This line has bytes that are not UTF-8; the file is probably ${LABEL[detected === 'utf-8' ? 'windows-874' : detected]}. Import it again with that encoding (or "auto").`,
    });
  } else if ((encoding === 'windows-874' || encoding === 'tis-620') && detected === 'utf-8' && hasMultibyte(bytes)) {
    // UTF-8 Thai read as Windows-874 turns every letter into "เธ…" mojibake; refuse rather than store nonsense.
    const text = new TextDecoder('utf-8').decode(bytes);
    let at = 0;
    while (at < text.length && text.charCodeAt(at) < 0x80) at++;
    const line = text.slice(0, at).split('\n').length;
    issues.push({ line, code: 'WRONG_ENCODING', message: `The file is UTF-8, not ${encoding}: read as ${encoding} its Thai text would be garbled. Import it again with encoding UTF-8 (or "auto").` });
  } else if ((encoding === 'utf-16le' || encoding === 'utf-16be') && detected !== encoding) {
    issues.push({ line: 1, code: 'WRONG_ENCODING', message: `The file is not ${LABEL[encoding]} (it looks like ${LABEL[detected]}). Import it again with that encoding (or "auto").` });
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding).replace(/^\uFEFF/, '');
  if (issues.length === 0) {
    const bad = firstUndecodableLine(text);
    if (bad !== undefined) issues.push({ line: bad, code: 'WRONG_ENCODING', message: `This line has characters ${encoding} cannot represent; the file may be in another encoding. Try "auto" or UTF-16.` });
  }
  return { text, encoding, issues };
}
