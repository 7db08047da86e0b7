import fs from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import {
  checkpointText, formatNote, hashLeaf, parseCheckpoint, parseEntryBytes, parseNote, signNote, verifyConsistency, verifyCosignature, verifyInclusion,
  verifyNoteSignature,
} from '../../shared/evidence-log';
import { GangwayError } from '../../shared/errors';
import { blobPath } from '../evidence/blobs';
import type { Db } from '../store/database';
import { auditExists } from '../store/repos/audits';
import { EvidenceLog, sha256Hex } from './log';
import { readTimestamp, verifyTimestamp } from './timestamp';

/**
 * An evidence bundle: what a court, a prosecutor or a buyer's auditor gets
 * for one audit, checkable offline with nothing but `gangway evidence verify`.
 *
 *   bundle.json        what is inside (schema below), with the SHA-256 of every other file
 *   bundle.sig         bundle.json's hash as a signed note by the device's log key
 *   checkpoint.note    the device-signed checkpoint every entry is proved against
 *   witnessed.note     the latest checkpoint the hub cosigned, if any (proved a prefix of checkpoint.note)
 *   timestamp.tsr      the RFC 3161 token the hub obtained for witnessed.note, if any
 *   entries/N.json     leaf N of the log, byte for byte
 *   blobs/SHA256       evidence bytes as stored (sealed ones stay ciphertext)
 */
export const BUNDLE_FORMAT = 'gangway-evidence-bundle/1';

const B64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
export const BundleManifest = z.object({
  format: z.literal(BUNDLE_FORMAT),
  auditId: z.string(),
  origin: z.string(),
  devicePublicKey: B64,
  exportedAt: z.string(),
  checkpointSize: z.number().int().min(1),
  witness: z.object({ name: z.string(), publicKey: B64, size: z.number().int(), witnessedAt: z.string(), consistency: z.array(B64), timestamped: z.boolean() }).nullable(),
  entries: z.array(z.object({ index: z.number().int().min(0), proof: z.array(B64), blob: z.string().nullable() })),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));
const enc = new TextEncoder();

/** Writes the bundle of one audit. The export itself is logged first, so the bundle proves its own making. */
export function exportBundle(db: Db, dataDir: string, auditId: string, outFile: string): { entries: number; size: number; witnessed: boolean } {
  const log = new EvidenceLog(db);
  if (!auditExists(db, auditId)) throw new GangwayError('NOT_FOUND', `There is no audit ${auditId} in this data folder. gangway evidence export takes an audit id as the app shows it.`);
  log.append({ kind: 'export', auditId, subject: `bundle:${auditId}`, contentHash: sha256Hex(`${auditId}\n${new Date().toISOString()}`), action: 'evidence bundle exported' });
  const cp = log.checkpoint(`evidence bundle of audit ${auditId}`);
  const key = log.key();
  const witnessed = log.latestWitnessed();
  const files: Record<string, Uint8Array> = {};
  files['checkpoint.note'] = enc.encode(cp.note);
  if (witnessed) files['witnessed.note'] = enc.encode(witnessed.witnessedNote!);
  if (witnessed?.timestampToken) files['timestamp.tsr'] = witnessed.timestampToken;
  const entries: BundleManifest['entries'] = [];
  for (const e of log.entriesOfAudit(auditId)) {
    if (e.index >= cp.size) continue;
    files[`entries/${e.index}.json`] = e.data;
    const entry = parseEntryBytes(e.data);
    let blob: string | null = null;
    if (entry.kind === 'evidence' && fs.existsSync(blobPath(dataDir, entry.subject))) {
      blob = `blobs/${entry.subject}`;
      files[blob] = new Uint8Array(fs.readFileSync(blobPath(dataDir, entry.subject)));
    }
    entries.push({ index: e.index, proof: log.inclusionProof(e.index, cp.size).map(b64), blob });
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    auditId,
    origin: key.origin,
    devicePublicKey: b64(key.publicKey),
    exportedAt: new Date().toISOString(),
    checkpointSize: cp.size,
    witness: witnessed
      ? {
          name: witnessed.witnessName!,
          publicKey: b64(witnessed.witnessKey!),
          size: witnessed.size,
          witnessedAt: witnessed.witnessedAt!,
          consistency: witnessed.size < cp.size ? log.consistencyProof(witnessed.size, cp.size).map(b64) : [],
          timestamped: witnessed.timestampToken !== null,
        }
      : null,
    entries,
    files: Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, sha256Hex(bytes)])),
  };
  const json = enc.encode(JSON.stringify(manifest, null, 2));
  const sigText = `${BUNDLE_FORMAT}\n${sha256Hex(json)}\n`;
  files['bundle.json'] = json;
  files['bundle.sig'] = enc.encode(formatNote({ text: sigText, signatures: [signNote(sigText, key.origin, key.secretKey)] }));
  // Evidence is mostly JPEG and Opus, already compressed: store, don't deflate.
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level: 0 }]])));
  const tmp = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, zip);
  fs.renameSync(tmp, outFile);
  return { entries: entries.length, size: zip.byteLength, witnessed: witnessed !== null };
}

export interface VerifiedEntry {
  index: number;
  kind: string;
  subject: string;
  deviceTime: string;
  gnssTime: string | null;
  /** The hub's clock when it cosigned a checkpoint holding this entry; null when not yet witnessed. */
  witnessedAt: string | null;
}

export interface VerifyReport {
  ok: boolean;
  /** The first file or entry that failed, and why. */
  failure: { where: string; reason: string } | null;
  auditId: string | null;
  origin: string | null;
  entries: VerifiedEntry[];
  timestamp: { genTime: string } | null;
}

class Failed extends Error {
  constructor(readonly where: string, reason: string) {
    super(reason);
  }
}

/** Runs a parse, naming `where` when it fails. */
function at<T>(where: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw e instanceof Failed ? e : new Failed(where, `${what} (${(e as Error).message})`);
  }
}

function text(files: Record<string, Uint8Array>, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new Failed(name, 'missing from the bundle');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Failed(name, 'is not UTF-8 text');
  }
}

/** Checks a bundle offline; names the first file or entry that does not hold. `trustedTsa` are DER certificates. */
export async function verifyBundle(zip: Uint8Array, trustedTsa: Uint8Array[] = []): Promise<VerifyReport> {
  const report: VerifyReport = { ok: false, failure: null, auditId: null, origin: null, entries: [], timestamp: null };
  try {
    const files = at('the zip file', 'cannot be read as a zip', () => unzipSync(zip));
    const json = files['bundle.json'];
    if (!json) throw new Failed('bundle.json', 'missing from the bundle');
    const manifest = at('bundle.json', 'is not a Gangway evidence bundle manifest', () => BundleManifest.parse(JSON.parse(text(files, 'bundle.json'))));
    report.auditId = manifest.auditId;
    report.origin = manifest.origin;
    const devKey = { name: manifest.origin, publicKey: unb64(manifest.devicePublicKey) };

    // The manifest is signed by the device, and lists every other file by hash.
    const sig = at('bundle.sig', 'is not a signed note', () => parseNote(text(files, 'bundle.sig')));
    if (!verifyNoteSignature(sig, devKey)) throw new Failed('bundle.sig', "the signature does not verify with the device's log key");
    if (sig.text !== `${BUNDLE_FORMAT}\n${sha256Hex(json)}\n`) throw new Failed('bundle.json', 'does not match the hash its signature covers');
    for (const name of Object.keys(files)) {
      if (name === 'bundle.json' || name === 'bundle.sig' || name.endsWith('/')) continue;
      if (!(name in manifest.files)) throw new Failed(name, 'is not listed in bundle.json');
    }
    for (const [name, hash] of Object.entries(manifest.files)) {
      const bytes = files[name];
      if (!bytes) throw new Failed(name, 'is listed in bundle.json but missing');
      if (sha256Hex(bytes) !== hash) throw new Failed(name, 'its content does not match its hash in bundle.json');
    }

    // The checkpoint: signed by the device, of the size the manifest says.
    const cpNote = at('checkpoint.note', 'is not a signed note', () => parseNote(text(files, 'checkpoint.note')));
    const cp = at('checkpoint.note', 'is not a checkpoint', () => parseCheckpoint(cpNote.text));
    if (cp.origin !== manifest.origin || cp.size !== manifest.checkpointSize) throw new Failed('checkpoint.note', 'is for another log or size than bundle.json says');
    if (!verifyNoteSignature(cpNote, devKey)) throw new Failed('checkpoint.note', "the signature does not verify with the device's log key");

    // The witness: its cosignature, and proof that what it saw is a prefix of the checkpoint.
    let witnessedSize = 0;
    let witnessedAt: string | null = null;
    if (manifest.witness) {
      const w = manifest.witness;
      const wNote = at('witnessed.note', 'is not a signed note', () => parseNote(text(files, 'witnessed.note')));
      const wCp = at('witnessed.note', 'is not a checkpoint', () => parseCheckpoint(wNote.text));
      if (wCp.origin !== manifest.origin || wCp.size !== w.size || checkpointText(wCp) !== wNote.text) throw new Failed('witnessed.note', 'is for another log or size than bundle.json says');
      if (!verifyNoteSignature(wNote, devKey)) throw new Failed('witnessed.note', "the device's signature does not verify");
      const time = verifyCosignature(wNote, { name: w.name, publicKey: unb64(w.publicKey) });
      if (time === null) throw new Failed('witnessed.note', "the hub's cosignature does not verify");
      if (!verifyConsistency(wCp.size, cp.size, wCp.root, cp.root, w.consistency.map(unb64))) throw new Failed('witnessed.note', 'the checkpoint does not extend what the hub witnessed');
      witnessedSize = wCp.size;
      witnessedAt = new Date(time * 1000).toISOString();
      if (w.timestamped) {
        const tsr = files['timestamp.tsr'];
        if (!tsr) throw new Failed('timestamp.tsr', 'missing from the bundle');
        try {
          await verifyTimestamp(tsr, enc.encode(wNote.text), trustedTsa);
          report.timestamp = { genTime: readTimestamp(tsr).genTime };
        } catch (e) {
          throw new Failed('timestamp.tsr', (e as Error).message);
        }
      }
    }

    // Every entry: in the log at the checkpoint, and its evidence the bytes it names.
    for (const e of manifest.entries) {
      const where = `entries/${e.index}.json`;
      const data = files[where];
      if (!data) throw new Failed(where, 'missing from the bundle');
      const entry = at(where, 'is not a log entry in canonical form', () => parseEntryBytes(data));
      if (!verifyInclusion(e.index, cp.size, hashLeaf(data), e.proof.map(unb64), cp.root)) throw new Failed(where, 'is not in the log the checkpoint signs');
      if (entry.auditId !== manifest.auditId) throw new Failed(where, 'belongs to another audit');
      if (e.blob) {
        const blob = files[e.blob];
        if (!blob) throw new Failed(e.blob, 'missing from the bundle');
        if (e.blob !== `blobs/${entry.contentHash}` || sha256Hex(blob) !== entry.contentHash) throw new Failed(e.blob, `does not hash to what entry ${e.index} recorded`);
      }
      report.entries.push({ index: e.index, kind: entry.kind, subject: entry.subject, deviceTime: entry.times.device, gnssTime: entry.times.gnss, witnessedAt: e.index < witnessedSize ? witnessedAt : null });
    }
    report.ok = true;
  } catch (e) {
    if (e instanceof Failed) report.failure = { where: e.where, reason: e.message };
    else report.failure = { where: 'the bundle', reason: (e as Error).message };
  }
  return report;
}
