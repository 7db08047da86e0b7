import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pkijs from 'pkijs';
import { TsaClient, readTimestamp, verifyTimestamp } from '../../main/evidence-log/timestamp';
import { startLocalTsa, type LocalTsa } from '../support/openssl-tsa';

let tsa: LocalTsa;
beforeAll(async () => {
  tsa = await startLocalTsa();
});
afterAll(() => tsa?.close());

describe('RFC 3161 timestamps from a local openssl authority', () => {
  it('stamps a checkpoint hash, and the token verifies with openssl and offline', async () => {
    const text = 'gangway.device/x\n3\nAAAA\n';
    const imprint = crypto.createHash('sha256').update(text).digest();
    const token = await new TsaClient(tsa.url).timestamp(imprint);
    const file = path.join(tsa.dir, 'token.tsr');
    fs.writeFileSync(file, token);
    const out = execFileSync('openssl', ['ts', '-verify', '-in', file, '-digest', imprint.toString('hex'), '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/Verification: OK/);
    const info = await verifyTimestamp(token, Buffer.from(text), [tsa.caDer]);
    expect(Math.abs(Date.parse(info.genTime) - Date.now())).toBeLessThan(60_000);
    expect(readTimestamp(token).imprint).toEqual(new Uint8Array(imprint));
  });

  it('refuses a token for another hash, and a token whose stamped time, hash or signature was changed', async () => {
    const data = Buffer.from('a');
    const token = await new TsaClient(tsa.url).timestamp(crypto.createHash('sha256').update(data).digest());
    await expect(verifyTimestamp(token, Buffer.from('b'), [tsa.caDer])).rejects.toThrow(/another hash/);
    // What the authority signed: the TSTInfo (time, imprint, serial, nonce) and the signature itself.
    // The CMS certificate bag and digest-algorithm set lie outside the signature; an evidence
    // bundle covers those bytes with its signed manifest (bundle tests).
    const resp = pkijs.TimeStampResp.fromBER(Uint8Array.from(token));
    const signed = new pkijs.SignedData({ schema: resp.timeStampToken!.content });
    const tstInfo = Buffer.from(signed.encapContentInfo.eContent!.getValue());
    const sig = Buffer.from(signed.signerInfos[0]!.signature.valueBlock.valueHexView);
    const regions = [tstInfo, sig].map((part) => {
      const at = Buffer.from(token).indexOf(part);
      expect(at).toBeGreaterThan(0);
      return [at, at + part.length] as const;
    });
    const accepted: number[] = [];
    for (const i of regions.flatMap(([a, b]) => Array.from({ length: b - a }, (_, k) => a + k))) {
      const bad = Uint8Array.from(token);
      bad[i]! ^= 0x01;
      if (await verifyTimestamp(bad, data, [tsa.caDer]).then(() => true, () => false)) accepted.push(i);
    }
    expect(accepted.map((i) => `${i}:${token[i]!.toString(16)}:${i - regions[1]![0]}`)).toEqual([]);
  });
});
