import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { GangwayError } from '../../shared/errors';

/**
 * RFC 3161 time-stamping: a request for a SHA-256 imprint, sent to a
 * time-stamping authority over HTTP (RFC 3161 section 3.4), and the checks a
 * verifier makes on the token offline. pkijs (the PKI library of the
 * PeculiarVentures WebCrypto family) does the ASN.1 and CMS work; we only say
 * what must match.
 */
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';

const bytesOf = (view: ArrayBuffer | ArrayBufferView): Uint8Array =>
  view instanceof ArrayBuffer ? new Uint8Array(view) : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

export function timestampRequest(imprint: Uint8Array, nonce: Uint8Array = crypto.randomBytes(8)): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    // DER INTEGERs are minimal and signed: a zero byte goes first only when the high bit is set.
    nonce: new asn1js.Integer({ valueHex: nonce[0]! >= 0x80 ? Uint8Array.from([0, ...nonce]) : Uint8Array.from(nonce) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

export interface TimestampInfo {
  /** The authority's time, ISO 8601. */
  genTime: string;
  imprint: Uint8Array;
  serial: string;
}

function parseResponse(token: Uint8Array): { resp: pkijs.TimeStampResp; signed: pkijs.SignedData; info: pkijs.TSTInfo } {
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(Uint8Array.from(token));
  } catch {
    throw new GangwayError('VALIDATION', 'The timestamp is not an RFC 3161 response.');
  }
  if (resp.status.status !== 0) throw new GangwayError('VALIDATION', `The time-stamping authority did not grant the timestamp as asked (status ${resp.status.status}; Gangway asks for nothing an authority could modify).`);
  if (!resp.timeStampToken || resp.timeStampToken.contentType !== SIGNED_DATA_OID) throw new GangwayError('VALIDATION', 'The time-stamping authority answered without a signed token.');
  // DER has one encoding per value: a token that does not re-encode to its own bytes was altered
  // somewhere the signature does not reach (status, outer headers), and is refused.
  if (Buffer.compare(Buffer.from(resp.toSchema().toBER(false)), Buffer.from(token)) !== 0) throw new GangwayError('VALIDATION', 'The timestamp is not in DER form; it was altered.');
  const signed = new pkijs.SignedData({ schema: resp.timeStampToken.content });
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new GangwayError('VALIDATION', 'The timestamp token holds no TSTInfo.');
  // An ECDSA signature is itself DER (SEQUENCE of r and s); pkijs reads it leniently, so check it is exact.
  const sig = signed.signerInfos[0]?.signature.valueBlock.valueHexView;
  if (sig && sig[0] === 0x30) {
    const parsed = asn1js.fromBER(sig);
    if (parsed.offset !== sig.byteLength || Buffer.compare(Buffer.from(parsed.result.toBER(false)), Buffer.from(sig)) !== 0) throw new GangwayError('VALIDATION', 'The timestamp signature is not in DER form; it was altered.');
  }
  if (signed.encapContentInfo.eContentType !== TST_INFO_OID) throw new GangwayError('VALIDATION', 'The timestamp token holds no TSTInfo.');
  const info = pkijs.TSTInfo.fromBER(content.getValue());
  return { resp, signed, info };
}

export function readTimestamp(token: Uint8Array): TimestampInfo {
  const { info } = parseResponse(token);
  if (info.messageImprint.hashAlgorithm.algorithmId !== SHA256_OID) throw new GangwayError('VALIDATION', 'The timestamp is not over a SHA-256 imprint.');
  return {
    genTime: info.genTime.toISOString(),
    imprint: bytesOf(info.messageImprint.hashedMessage.valueBlock.valueHexView),
    serial: Buffer.from(bytesOf(info.serialNumber.valueBlock.valueHexView)).toString('hex'),
  };
}

/**
 * Checks a token offline: its CMS signature verifies with the certificate it
 * carries, and it stamps exactly the SHA-256 of `data`. With `trusted`
 * certificates the signer's chain must reach one of them.
 */
export async function verifyTimestamp(token: Uint8Array, data: Uint8Array, trusted: Uint8Array[] = []): Promise<TimestampInfo> {
  const { signed } = parseResponse(token);
  const info = readTimestamp(token);
  const imprint = crypto.createHash('sha256').update(data).digest();
  if (Buffer.compare(Buffer.from(info.imprint), imprint) !== 0) throw new GangwayError('VALIDATION', 'The timestamp stamps another hash than this checkpoint.');
  let ok = false;
  try {
    const trustedCerts = trusted.map((der) => pkijs.Certificate.fromBER(Uint8Array.from(der)));
    // pkijs checks the TSTInfo imprint against `data` as part of the CMS verification.
    ok = await signed.verify({ signer: 0, data: Uint8Array.from(data).buffer, checkChain: trustedCerts.length > 0, trustedCerts });
  } catch {
    ok = false;
  }
  if (!ok) throw new GangwayError('VALIDATION', 'The timestamp signature does not verify.');
  return info;
}

/** A client of one time-stamping authority. */
export class TsaClient {
  constructor(private readonly url: string, private readonly fetcher: typeof fetch = fetch) {}

  async timestamp(imprint: Uint8Array): Promise<Uint8Array> {
    const nonce = crypto.randomBytes(8);
    let res: Response;
    try {
      res = await this.fetcher(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/timestamp-query' },
        body: Buffer.from(timestampRequest(imprint, nonce)),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (e) {
      throw new GangwayError('DEVICE', `The time-stamping authority at ${this.url} did not answer; the checkpoint is witnessed without a timestamp and can be stamped later.`, undefined, { cause: e });
    }
    if (!res.ok) throw new GangwayError('DEVICE', `The time-stamping authority at ${this.url} answered ${res.status}.`);
    const token = new Uint8Array(await res.arrayBuffer());
    const { info } = parseResponse(token);
    const got = info.nonce ? Buffer.from(bytesOf(info.nonce.valueBlock.valueHexView)) : null;
    // Compare as integers: the authority may drop our leading zero.
    if (!got || BigInt(`0x${got.toString('hex') || '0'}`) !== BigInt(`0x${nonce.toString('hex')}`)) throw new GangwayError('DEVICE', 'The time-stamping authority answered another request (nonce mismatch).');
    if (Buffer.compare(Buffer.from(readTimestamp(token).imprint), Buffer.from(imprint)) !== 0) throw new GangwayError('DEVICE', 'The time-stamping authority stamped another hash.');
    return token;
  }
}
