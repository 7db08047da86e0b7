import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { tempDir } from './tmp';

/**
 * A real RFC 3161 time-stamping authority for tests: `openssl ts -reply`
 * behind a loopback HTTP endpoint, with its own CA and a TSA certificate
 * carrying the critical timeStamping key usage the RFC requires.
 */
export interface LocalTsa {
  url: string;
  dir: string;
  caPem: string;
  tsaPem: string;
  caDer: Uint8Array;
  requests: number;
  close(): Promise<void>;
}

const run = (dir: string, args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
};

export async function startLocalTsa(): Promise<LocalTsa> {
  const dir = tempDir('gangway-tsa-');
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'extendedKeyUsage = critical,timeStamping\nkeyUsage = critical,digitalSignature\n');
  run(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Gangway test TSA root']);
  run(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Gangway test TSA']);
  run(dir, ['x509', '-req', '-in', 'tsa.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'tsa.pem', '-days', '2', '-extfile', 'ext.cnf']);
  run(dir, ['x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der']);
  fs.writeFileSync(path.join(dir, 'serial'), '01\n');
  fs.writeFileSync(
    path.join(dir, 'tsa.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `dir = ${dir}`,
      'serial = $dir/serial',
      'signer_cert = $dir/tsa.pem',
      'certs = $dir/tsa.pem',
      'signer_key = $dir/tsa.key',
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'accuracy = secs:1',
      'ordering = no',
      'tsa_name = no',
      'ess_cert_id_chain = no',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = ++n;
      const q = path.join(dir, `q${id}.tsq`);
      const r = path.join(dir, `r${id}.tsr`);
      fs.writeFileSync(q, Buffer.concat(chunks));
      try {
        run(dir, ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', q, '-out', r]);
        const body = fs.readFileSync(r);
        res.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Content-Length': body.length });
        res.end(body);
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const tsa: LocalTsa = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    dir,
    caPem: path.join(dir, 'ca.pem'),
    tsaPem: path.join(dir, 'tsa.pem'),
    caDer: new Uint8Array(fs.readFileSync(path.join(dir, 'ca.der'))),
    get requests() {
      return n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return tsa;
}
