/**
 * A content hash for rows that carry no bank reference, so the same row
 * imported twice (or from two overlapping statements) is stored once.
 * Pure and synchronous because it runs in `shared/` for every row of a
 * 100k-row import; it is an identity, not a security boundary (the file
 * itself is kept under its SHA-256 as evidence). Two independent 53-bit
 * mixes (after cyrb53) give 106 bits: collisions are not a practical concern.
 */
function mix53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function contentHash(parts: readonly (string | number | undefined)[]): string {
  const text = parts.map((p) => (p === undefined ? '' : String(p))).join('\u001f');
  return mix53(text, 1).toString(16).padStart(14, '0') + mix53(text, 2).toString(16).padStart(14, '0');
}
