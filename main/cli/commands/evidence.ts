import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { GangwayError } from '../../../shared/errors';
import { defaultDataDir } from '../../data-dir';
import { exportBundle, verifyBundle } from '../../evidence-log/bundle';
import { openStore } from '../../store/database';
import type { Command } from '../command';

const usage = `Usage: gangway evidence export AUDIT_ID --out FILE.zip [--data DIR]
       gangway evidence verify FILE.zip [--tsa-ca CERT.pem]... [--json]

export  writes the audit's evidence bundle: its entries in the device's
        tamper-evident log with inclusion proofs, the evidence files (sealed
        ones stay encrypted), the signed checkpoint, the hub's cosignature and
        RFC 3161 timestamp when the audit was witnessed at port.
verify  checks a bundle offline and names the first file or entry that fails.
  --data DIR     data folder (default: ${defaultDataDir()})
  --tsa-ca FILE  a time-stamping authority's CA certificate (PEM or DER): the
                 timestamp must chain to it
  --json         print the verification report as JSON

Exit code 0 when the bundle verifies, 1 when it does not.`;

function readCert(file: string): Uint8Array {
  const raw = fs.readFileSync(file);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(raw.toString('latin1'));
  return new Uint8Array(pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : raw);
}

export const evidenceCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, 'tsa-ca': { type: 'string', multiple: true } },
      allowPositionals: true,
      strict: true,
    });
    const [verb, target] = positionals;
    if (verb === 'export') {
      if (!target || !values.out) throw new GangwayError('VALIDATION', `Say which audit and where: gangway evidence export AUDIT_ID --out FILE.zip\n\n${usage}`);
      const dataDir = values.data ?? defaultDataDir();
      if (!fs.existsSync(dataDir)) throw new GangwayError('NOT_FOUND', `There is no Gangway data folder at ${dataDir}. Give the right one with --data DIR.`);
      const store = openStore(dataDir);
      try {
        const r = exportBundle(store.db, store.dataDir, target, values.out);
        io.out(`Wrote ${values.out}: ${r.entries} log entries, ${r.size} bytes, ${r.witnessed ? 'witnessed at port' : 'not yet witnessed at port (sync with the hub to have it witnessed)'}.`);
      } finally {
        store.close();
      }
      return 0;
    }
    if (verb === 'verify') {
      if (!target) throw new GangwayError('VALIDATION', `Say which bundle: gangway evidence verify FILE.zip\n\n${usage}`);
      let zip: Buffer;
      try {
        zip = fs.readFileSync(target);
      } catch (e) {
        throw new GangwayError('NOT_FOUND', `Cannot read ${target}: ${(e as Error).message}`, undefined, { cause: e });
      }
      const report = await verifyBundle(new Uint8Array(zip), (values['tsa-ca'] ?? []).map(readCert));
      if (values.json) io.out(JSON.stringify(report, null, 2));
      else if (report.ok) {
        io.out(`Verified: audit ${report.auditId}, ${report.entries.length} entries in log ${report.origin}.`);
        if (report.timestamp) io.out(`Timestamped by the authority at ${report.timestamp.genTime}.`);
        for (const e of report.entries) io.out(`  #${e.index} ${e.kind} ${e.subject}  device ${e.deviceTime}  gnss ${e.gnssTime ?? '—'}  witnessed ${e.witnessedAt ?? 'not yet'}`);
      } else io.err(`NOT VERIFIED: ${report.failure!.where}: ${report.failure!.reason}`);
      return report.ok ? 0 : 1;
    }
    throw new GangwayError('VALIDATION', `gangway evidence has export and verify.\n\n${usage}`);
  },
};
