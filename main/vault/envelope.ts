import crypto from 'node:crypto';
import { GangwayError } from '../../shared/errors';

/**
 * Envelope encryption with AES-256-GCM (NIST SP 800-38D): each record gets
 * its own random data key; the data key is itself sealed with the key
 * derived from the passphrase (the key-encryption key). Changing the
 * passphrase then rewraps 60-byte headers, never the records, and one leaked
 * data key opens one record only.
 *
 * Layout: version(1) | kekIv(12) | kekTag(16) | wrappedKey(32) | iv(12) | tag(16) | ciphertext
 * `context` is bound as additional authenticated data, so an envelope moved
 * to another row (another interview, another question) fails to open.
 */

const VERSION = 1;
const IV = 12; // 96-bit nonces, the GCM recommendation (SP 800-38D §8.2)
const TAG = 16;
const KEY = 32;
const HEADER = 1 + IV + TAG + KEY + IV + TAG;

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): { iv: Buffer; tag: Buffer; data: Buffer } {
  const iv = crypto.randomBytes(IV);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const data = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), data };
}

function gcmOpen(key: Buffer, iv: Buffer, tag: Buffer, data: Buffer, aad: Buffer): Buffer {
  const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(aad);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]);
}

export function seal(kek: Buffer, plaintext: Buffer | string, context: string): Buffer {
  const aad = Buffer.from(context, 'utf8');
  const dataKey = crypto.randomBytes(KEY);
  try {
    const wrapped = gcmSeal(kek, dataKey, Buffer.from(`key:${context}`, 'utf8'));
    const body = gcmSeal(dataKey, typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext, aad);
    return Buffer.concat([Buffer.from([VERSION]), wrapped.iv, wrapped.tag, wrapped.data, body.iv, body.tag, body.data]);
  } finally {
    dataKey.fill(0);
  }
}

export function open(kek: Buffer, envelope: Uint8Array, context: string): Buffer {
  const b = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (b.length < HEADER || b[0] !== VERSION) {
    throw new GangwayError('STORE_CORRUPT', 'An encrypted record is damaged or was written by an unknown version of Gangway; it cannot be read.');
  }
  let at = 1;
  const take = (n: number) => b.subarray(at, (at += n));
  const kekIv = take(IV);
  const kekTag = take(TAG);
  const wrapped = take(KEY);
  const iv = take(IV);
  const tag = take(TAG);
  const data = b.subarray(at);
  let dataKey: Buffer | undefined;
  try {
    dataKey = gcmOpen(kek, kekIv, kekTag, wrapped, Buffer.from(`key:${context}`, 'utf8'));
    return gcmOpen(dataKey, iv, tag, data, Buffer.from(context, 'utf8'));
  } catch (e) {
    throw new GangwayError('STORE_CORRUPT', 'An encrypted record does not open with this vault key: it was changed, moved, or belongs to another vault.', undefined, { cause: e });
  } finally {
    dataKey?.fill(0);
  }
}
