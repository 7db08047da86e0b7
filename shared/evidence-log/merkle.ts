import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency v2), section 2.1:
 * leaves hashed with a 0x00 prefix, interior nodes with 0x01, the tree over
 * n leaves split at the largest power of two below n. Proofs are generated
 * from a reader of perfect, aligned subtree hashes (what the store keeps), and
 * verified with the RFC's own iterative algorithms, so a verifier needs
 * nothing but this file.
 */
export type Hash = Uint8Array;
export const HASH_SIZE = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

export function hashLeaf(data: Uint8Array): Hash {
  const buf = new Uint8Array(data.length + 1);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return sha256(buf);
}

export function hashChildren(left: Hash, right: Hash): Hash {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = NODE_PREFIX;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return sha256(buf);
}

/** The root of the empty tree: the hash of the empty string. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/**
 * Gives the hash of the perfect subtree of 2^level leaves that starts at leaf
 * index * 2^level. Only subtrees that are complete in the log are asked for.
 */
export interface SubtreeReader {
  subtree(level: number, index: number): Hash;
}

/** Largest power of two strictly below n (n >= 2). Numbers, not 32-bit ints: logs may pass 2^31. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && 2 ** Math.round(Math.log2(n)) === n;
}

/** MTH(D[start:end]); start is always aligned to the subtrees the recursion asks for. */
export function rangeHash(reader: SubtreeReader, start: number, end: number): Hash {
  const size = end - start;
  if (size <= 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size) && start % size === 0) return reader.subtree(Math.log2(size), start / size);
  const k = splitPoint(size);
  return hashChildren(rangeHash(reader, start, start + k), rangeHash(reader, start + k, end));
}

export const treeRoot = (reader: SubtreeReader, size: number): Hash => rangeHash(reader, 0, size);

/** PATH(m, D[0:n]) of RFC 9162 2.1.3.1, leaf side first. */
export function inclusionProof(reader: SubtreeReader, index: number, size: number): Hash[] {
  if (!(index >= 0 && index < size)) throw new RangeError(`Leaf ${index} is not in a tree of ${size}.`);
  const proof: Hash[] = [];
  const walk = (start: number, end: number): void => {
    if (end - start <= 1) return;
    const k = splitPoint(end - start);
    if (index < start + k) {
      walk(start, start + k);
      proof.push(rangeHash(reader, start + k, end));
    } else {
      walk(start + k, end);
      proof.push(rangeHash(reader, start, start + k));
    }
  };
  walk(0, size);
  return proof;
}

/** PROOF(m, D[0:n]) of RFC 9162 2.1.4.1: the older tree of size m is a prefix of the newer one of size n. */
export function consistencyProof(reader: SubtreeReader, m: number, n: number): Hash[] {
  if (!(m > 0 && m <= n)) throw new RangeError(`No consistency proof from ${m} to ${n}.`);
  const proof: Hash[] = [];
  const sub = (m: number, start: number, end: number, complete: boolean): void => {
    const size = end - start;
    if (m === size) {
      if (!complete) proof.push(rangeHash(reader, start, end));
      return;
    }
    const k = splitPoint(size);
    if (m <= k) {
      sub(m, start, start + k, complete);
      proof.push(rangeHash(reader, start + k, end));
    } else {
      sub(m - k, start + k, end, false);
      proof.push(rangeHash(reader, start, start + k));
    }
  };
  if (m < n) sub(m, 0, n, true);
  return proof;
}

const isHash = (h: Uint8Array | undefined): h is Hash => h instanceof Uint8Array && h.length === HASH_SIZE;

export function equalHash(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const odd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** RFC 9162 2.1.3.2. True only when the proof takes leafHash at index to root. */
export function verifyInclusion(index: number, size: number, leafHash: Hash, proof: readonly Hash[], root: Hash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHash(r, root);
}

/** RFC 9162 2.1.4.2. True only when the tree of size1 and root1 is a prefix of the tree of size2 and root2. */
export function verifyConsistency(size1: number, size2: number, root1: Hash, root2: Hash, proof: readonly Hash[]): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) return false;
  if (size1 === size2) {
    if (proof.length > 0) return false;
    // An empty tree has one root: the empty hash.
    if (size1 === 0) return equalHash(root1, EMPTY_ROOT) && equalHash(root2, EMPTY_ROOT);
    return equalHash(root1, root2);
  }
  if (size1 === 0 || proof.length === 0) return false;
  if (!isHash(root1) || !isHash(root2) || !proof.every(isHash)) return false;
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalHash(fr, root1) && equalHash(sr, root2);
}

/**
 * The perfect subtrees an append completes: after leaf `index` is added, the
 * node at each level whose last leaf it is. The store keeps exactly these, so
 * appending costs O(1) amortised writes and any proof reads O(log² n) nodes.
 */
export function completedSubtrees(index: number, leaf: Hash, leftSibling: (level: number, idx: number) => Hash): Array<{ level: number; index: number; hash: Hash }> {
  const out = [{ level: 0, index, hash: leaf }];
  let level = 0;
  let idx = index;
  let hash = leaf;
  while (odd(idx)) {
    hash = hashChildren(leftSibling(level, idx - 1), hash);
    level += 1;
    idx = half(idx);
    out.push({ level, index: idx, hash });
  }
  return out;
}

/** A log held in memory: for tests, benchmarks and building a bundle's proofs. */
export class MemoryTree implements SubtreeReader {
  private readonly levels: Hash[][] = [];
  get size(): number {
    return this.levels[0]?.length ?? 0;
  }
  subtree(level: number, index: number): Hash {
    const h = this.levels[level]?.[index];
    if (!h) throw new RangeError(`No complete subtree at level ${level}, index ${index}.`);
    return h;
  }
  appendLeafHash(leaf: Hash): number {
    const index = this.size;
    for (const n of completedSubtrees(index, leaf, (l, i) => this.subtree(l, i))) (this.levels[n.level] ??= [])[n.index] = n.hash;
    return index;
  }
  root(size = this.size): Hash {
    return treeRoot(this, size);
  }
}
