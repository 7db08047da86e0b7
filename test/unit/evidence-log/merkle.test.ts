import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT, MemoryTree, consistencyProof, hashChildren, hashLeaf, inclusionProof, verifyConsistency, verifyInclusion, type Hash,
} from '../../../shared/evidence-log/merkle';

const VECTORS = path.resolve(__dirname, '../../fixtures/merkle');
const b64 = (s: string | null | undefined): Uint8Array => new Uint8Array(Buffer.from(s ?? '', 'base64'));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.json') ? [p] : [];
  });

/** MTH straight from RFC 9162's definition, to check the stored-subtree path against. */
function naiveRoot(leaves: Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return hashChildren(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
}

const treeOf = (n: number): { tree: MemoryTree; leaves: Hash[] } => {
  const tree = new MemoryTree();
  const leaves = Array.from({ length: n }, (_, i) => hashLeaf(new TextEncoder().encode(`entry ${i}`)));
  for (const l of leaves) tree.appendLeafHash(l);
  return { tree, leaves };
};

describe('RFC 9162 proofs against the transparency-dev test vectors', () => {
  const inclusion = files(path.join(VECTORS, 'inclusion'));
  const consistency = files(path.join(VECTORS, 'consistency'));

  it('has the published vectors', () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(consistency.length).toBeGreaterThan(90);
  });

  it.each(inclusion.map((f) => [path.relative(VECTORS, f), f]))('inclusion %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const ok = verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), (v.proof ?? []).map(b64), b64(v.root));
    expect(ok).toBe(!v.wantErr);
  });

  it.each(consistency.map((f) => [path.relative(VECTORS, f), f]))('consistency %s', (_name, file) => {
    const v = JSON.parse(readFileSync(file, 'utf8'));
    const ok = verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), (v.proof ?? []).map(b64));
    expect(ok).toBe(!v.wantErr);
  });

  it('builds the same roots and proofs as the vectors for the eight-leaf reference tree', () => {
    // The vectors' reference tree: the RFC 6962 test leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f.
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => hashLeaf(Buffer.from(h, 'hex')));
    const tree = new MemoryTree();
    for (const l of leaves) tree.appendLeafHash(l);
    const happy = JSON.parse(readFileSync(path.join(VECTORS, 'inclusion/1/happy-path.json'), 'utf8'));
    expect(Buffer.from(tree.root()).toString('base64')).toBe(happy.root);
    expect(inclusionProof(tree, happy.leafIdx, happy.treeSize).map((h) => Buffer.from(h).toString('base64'))).toEqual(happy.proof);
    const cons = JSON.parse(readFileSync(path.join(VECTORS, 'consistency/1/happy-path.json'), 'utf8'));
    expect(consistencyProof(tree, cons.size1, cons.size2).map((h) => Buffer.from(h).toString('base64'))).toEqual(cons.proof);
  });
});

describe('a log built by appending', () => {
  it('has the root of RFC 9162 definition at every size', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 70 }), (n) => {
      const { tree, leaves } = treeOf(n);
      for (let m = 0; m <= n; m++) expect(tree.root(m)).toEqual(naiveRoot(leaves.slice(0, m)));
    }), { numRuns: 40 });
  });

  it('proves every leaf it holds, and no other leaf, index or root', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), (n, seed) => {
      const { tree, leaves } = treeOf(n);
      const i = seed % n;
      const proof = inclusionProof(tree, i, n);
      const root = tree.root();
      expect(verifyInclusion(i, n, leaves[i]!, proof, root)).toBe(true);
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
      expect(verifyInclusion(i, n, hashLeaf(new Uint8Array([1, 2, 3])), proof, root)).toBe(false);
      if (n > 1) expect(verifyInclusion((i + 1) % n, n, leaves[i]!, proof, root)).toBe(false);
      expect(verifyInclusion(i, n, leaves[i]!, proof, hashLeaf(root))).toBe(false);
    }), { numRuns: 200 });
  });

  it('proves that an older checkpoint is a prefix of a newer one, and detects a rewritten history', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.nat(), (m, extra, flip) => {
      const { tree, leaves } = treeOf(m + extra);
      const n = m + extra;
      const proof = consistencyProof(tree, m, n);
      expect(verifyConsistency(m, n, tree.root(m), tree.root(n), proof)).toBe(true);
      // A fork: the same size-m history with one entry changed.
      const forked = new MemoryTree();
      leaves.forEach((l, i) => forked.appendLeafHash(i === flip % n ? hashLeaf(new Uint8Array([9])) : l));
      if (flip % n < m) expect(verifyConsistency(m, n, forked.root(m), tree.root(n), proof)).toBe(false);
      // Whatever entry changed, the newer root no longer matches the proof.
      if (extra > 0) expect(verifyConsistency(m, n, tree.root(m), forked.root(n), proof)).toBe(false);
    }), { numRuns: 200 });
  });
});
