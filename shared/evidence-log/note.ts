import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { HASH_SIZE, type Hash } from './merkle';

/**
 * Checkpoints as C2SP specifies them (c2sp.org/tlog-checkpoint), signed as
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519, and cosigned by a
 * witness as c2sp.org/tlog-cosignature (cosignature/v1, which binds the
 * witness's clock to what it saw). The format is the one transparency logs
 * and their witnesses already read, so a court's expert can check a Gangway
 * checkpoint with any tool that knows it.
 */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Hash;
  /** Extension lines after the root (none are written today; kept when read). */
  extensions: string[];
}

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  /** Everything after the key id: a bare Ed25519 signature, or timestamp + signature for a cosignature. */
  body: Uint8Array;
}

export interface SignedNote {
  text: string;
  signatures: NoteSignature[];
}

const ALG_ED25519 = 0x01;
const ALG_COSIGNATURE_V1 = 0x04;
const SIG_DASH = '\u2014 ';
const enc = new TextEncoder();
const b64 = (b: Uint8Array): string => btoa(String.fromCharCode(...b));
const unb64 = (s: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  try {
    return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};

export class NoteError extends Error {}

/** A key name is a non-empty string without spaces, plus signs or newlines (signed-note). */
function checkName(name: string): void {
  if (!name || /[\s+]/.test(name)) throw new NoteError(`"${name}" cannot name a key: it must be non-empty, with no spaces or "+".`);
}

export function keyId(name: string, alg: number, publicKey: Uint8Array): Uint8Array {
  const n = enc.encode(name);
  const buf = new Uint8Array(n.length + 2 + publicKey.length);
  buf.set(n, 0);
  buf[n.length] = 0x0a;
  buf[n.length + 1] = alg;
  buf.set(publicKey, n.length + 2);
  return sha256(buf).slice(0, 4);
}

export function checkpointText(c: Checkpoint): string {
  if (!c.origin || c.origin.includes('\n')) throw new NoteError('A checkpoint needs a one-line origin.');
  return [c.origin, String(c.size), b64(c.root), ...c.extensions].map((l) => `${l}\n`).join('');
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new NoteError('A checkpoint ends with a newline.');
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!origin || !sizeText || !rootText) throw new NoteError('A checkpoint has an origin, a size and a root, one per line.');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new NoteError(`"${sizeText}" is not a tree size.`);
  const root = unb64(rootText);
  if (!root || root.length !== HASH_SIZE) throw new NoteError('The checkpoint root is not a base64 SHA-256 hash.');
  if (extensions.some((l) => l === '')) throw new NoteError('A checkpoint has no empty lines.');
  return { origin, size: Number(sizeText), root, extensions };
}

export function formatNote(note: SignedNote): string {
  const sigs = note.signatures.map((s) => {
    const raw = new Uint8Array(s.keyId.length + s.body.length);
    raw.set(s.keyId, 0);
    raw.set(s.body, s.keyId.length);
    return `${SIG_DASH}${s.name} ${b64(raw)}\n`;
  });
  return `${note.text}\n${sigs.join('')}`;
}

export function parseNote(data: string): SignedNote {
  const split = data.lastIndexOf('\n\n');
  if (split < 0 || !data.endsWith('\n')) throw new NoteError('A signed note is its text, an empty line, then signature lines.');
  const text = data.slice(0, split + 1);
  const sigLines = data.slice(split + 2, -1).split('\n');
  const signatures = sigLines.map((line) => {
    if (!line.startsWith(SIG_DASH)) throw new NoteError(`"${line.slice(0, 40)}" is not a signature line.`);
    const [name, value, extra] = line.slice(SIG_DASH.length).split(' ');
    const raw = value ? unb64(value) : null;
    if (!name || !raw || raw.length < 5 || extra !== undefined) throw new NoteError(`"${line.slice(0, 40)}" is not a signature line.`);
    return { name, keyId: raw.slice(0, 4), body: raw.slice(4) };
  });
  return { text, signatures };
}

export interface Ed25519Key {
  name: string;
  publicKey: Uint8Array;
}

/** Signs a note's text with an Ed25519 secret key (32-byte seed). */
export function signNote(text: string, name: string, secretKey: Uint8Array): NoteSignature {
  checkName(name);
  const publicKey = ed25519.getPublicKey(secretKey);
  return { name, keyId: keyId(name, ALG_ED25519, publicKey), body: ed25519.sign(enc.encode(text), secretKey) };
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function verifyNoteSignature(note: SignedNote, key: Ed25519Key): boolean {
  const id = keyId(key.name, ALG_ED25519, key.publicKey);
  return note.signatures.some((s) => s.name === key.name && sameBytes(s.keyId, id) && s.body.length === 64 && safeVerify(s.body, enc.encode(note.text), key.publicKey));
}

function cosignedMessage(checkpointBody: string, time: number): Uint8Array {
  return enc.encode(`cosignature/v1\ntime ${time}\n${checkpointBody}`);
}

/** A witness's cosignature over a checkpoint at a time (seconds since 1970, the witness's clock). */
export function cosign(checkpointBody: string, name: string, secretKey: Uint8Array, time: number): NoteSignature {
  checkName(name);
  const publicKey = ed25519.getPublicKey(secretKey);
  const ts = new Uint8Array(8);
  new DataView(ts.buffer).setBigUint64(0, BigInt(time));
  const sig = ed25519.sign(cosignedMessage(checkpointBody, time), secretKey);
  const body = new Uint8Array(72);
  body.set(ts, 0);
  body.set(sig, 8);
  return { name, keyId: keyId(name, ALG_COSIGNATURE_V1, publicKey), body };
}

/** The witness's time when its cosignature verifies, else null. */
export function verifyCosignature(note: SignedNote, witness: Ed25519Key): number | null {
  const id = keyId(witness.name, ALG_COSIGNATURE_V1, witness.publicKey);
  for (const s of note.signatures) {
    if (s.name !== witness.name || !sameBytes(s.keyId, id) || s.body.length !== 72) continue;
    const time = Number(new DataView(s.body.buffer, s.body.byteOffset, 8).getBigUint64(0));
    if (safeVerify(s.body.slice(8), cosignedMessage(note.text, time), witness.publicKey)) return time;
  }
  return null;
}

function safeVerify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(sig, msg, publicKey);
  } catch {
    return false;
  }
}

export const publicKeyOf = (secretKey: Uint8Array): Uint8Array => ed25519.getPublicKey(secretKey);
