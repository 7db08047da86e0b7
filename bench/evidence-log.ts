/**
 * The evidence log (issue 16). Goals: appending an entry costs under 1 ms,
 * and a proof in a log of a million entries is under 2 KB.
 *
 * What is timed is what the app does for each record: one append in its own
 * transaction in the device store (WAL), in a log that already holds 2^20
 * entries. The peer is the same store doing only what it did before the log
 * existed: one INSERT of the same bytes in its own transaction; the ratio is
 * what tamper-evidence costs per record. Proof sizes are the bytes a bundle
 * carries per entry (inclusion) and per witnessing (consistency).
 *
 * Run alone: `npm run bench -- evidence-log`.
 */
import { EvidenceLog, sha256Hex } from '../main/evidence-log/log';
import { inTransaction, openStore } from '../main/store/database';
import { hashLeaf, verifyConsistency, verifyInclusion } from '../shared/evidence-log';
import { tempDir } from '../test/support/tmp';

const LOG_SIZE = 2 ** 20;
const TIMED = 2000;

export async function run() {
  const store = openStore(tempDir('gangway-bench-elog-'));
  const db = store.db;
  const log = new EvidenceLog(db);
  const entry = (i: number) => ({ kind: 'evidence' as const, auditId: `audit-${i % 500}`, subject: sha256Hex(String(i)), contentHash: sha256Hex(String(i)) });
  const fillStart = performance.now();
  for (let done = 0; done < LOG_SIZE; ) {
    const n = Math.min(50_000, LOG_SIZE - done);
    inTransaction(db, () => {
      for (let k = 0; k < n; k++) log.append(entry(done + k));
    });
    done += n;
  }
  const fillS = (performance.now() - fillStart) / 1000;

  db.exec('CREATE TABLE bench_plain (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
  const plain = db.prepare('INSERT INTO bench_plain (data) VALUES (?)');
  const sample = Buffer.from(log.entryData(0));
  const ours: number[] = [];
  const peer: number[] = [];
  // Interleaved, each in its own transaction as the app's record writes are.
  for (let i = 0; i < TIMED; i++) {
    let t = performance.now();
    log.append(entry(LOG_SIZE + i));
    ours.push(performance.now() - t);
    t = performance.now();
    inTransaction(db, () => plain.run(sample));
    peer.push(performance.now() - t);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;

  const size = log.size();
  const root = log.root();
  let maxInclusion = 0;
  let maxConsistency = 0;
  let verified = true;
  for (let k = 0; k < 200; k++) {
    const i = Math.floor((k * 0x9e3779b1) % size);
    const proof = log.inclusionProof(i, size);
    maxInclusion = Math.max(maxInclusion, proof.length * 32);
    verified &&= verifyInclusion(i, size, hashLeaf(log.entryData(i)), proof, root);
    const m = 1 + Math.floor((k * 7919 * 104729) % (size - 1));
    const cons = log.consistencyProof(m, size);
    maxConsistency = Math.max(maxConsistency, cons.length * 32);
    verified &&= verifyConsistency(m, size, log.root(m), root, cons);
  }
  store.close();
  const appendMs = mean(ours);
  const lines = [
    `log of ${LOG_SIZE.toLocaleString('en')} entries built in ${fillS.toFixed(1)} s (batched)`,
    `append, own transaction: mean ${(appendMs * 1000).toFixed(0)} µs, p99 ${(p99(ours) * 1000).toFixed(0)} µs (goal < 1 ms)`,
    `plain SQLite insert of the same bytes, own transaction: mean ${(mean(peer) * 1000).toFixed(0)} µs; the log costs ${(appendMs / mean(peer)).toFixed(2)}x a plain insert`,
    `largest inclusion proof ${maxInclusion} B, largest consistency proof ${maxConsistency} B in a log of ${size.toLocaleString('en')} (goal < 2 KB); all ${verified ? 'verified' : 'DID NOT VERIFY'}`,
  ];
  return { name: 'evidence-log', ok: appendMs < 1 && p99(ours) < 1 && maxInclusion < 2048 && maxConsistency < 2048 && verified, lines };
}
