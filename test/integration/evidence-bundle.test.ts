import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../hub/enrolment';
import { startHub, type RunningHub } from '../../hub/server';
import { evidenceCommand } from '../../main/cli/commands/evidence';
import { putBlob } from '../../main/evidence/blobs';
import { verifyBundle } from '../../main/evidence-log/bundle';
import { witnessAtHub } from '../../main/evidence-log/witnessing';
import { openStore, type Store } from '../../main/store/database';
import { createAudit, setAuditStatus } from '../../main/store/repos/audits';
import { setChecklistItem } from '../../main/store/repos/checklist';
import { addFinding } from '../../main/store/repos/findings';
import { createVessel } from '../../main/store/repos/vessels';
import { enrolDevice, signDeviceToken } from '../../main/sync/device';
import { startLocalTsa, type LocalTsa } from '../support/openssl-tsa';
import { tempDir } from '../support/tmp';

let dir: string;
let hub: RunningHub;
let tsa: LocalTsa;
let store: Store;
let auditId: string;
let bundle: Uint8Array;

beforeAll(async () => {
  dir = tempDir('gangway-bundle-');
  tsa = await startLocalTsa();
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1', tsaUrl: tsa.url });
  store = openStore(path.join(dir, 'device'));
  const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof-songkhla', userName: 'Somchai' }, hub.url);
  await enrolDevice(store.db, hub.url, code.code, 'laptop');
  const db = store.db;
  const vessel = createVessel(db, { name: 'Sea Falcon 7' });
  auditId = createAudit(db, { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-20', inspector: 'K. Somchai' }).id;
  const photos = [0, 1, 2].map((i) => putBlob(db, store.dataDir, { bytes: Buffer.from(`photo ${i} `.repeat(40)), mediaType: 'image/jpeg' }, { auditId }));
  addFinding(db, { auditId, title: 'Passports held by the captain', severity: 'high', description: 'in the safe', evidence: [photos[0]!.sha256] });
  // Another audit's records are in the same log but not in this bundle.
  const other = createAudit(db, { vesselId: vessel.id, place: 'Pattani', date: '2026-11-21', inspector: 'K. Somchai' }).id;
  setChecklistItem(db, { auditId: other, code: 'contracts', result: 'compliant' });
  await witnessAtHub(db, hub.url, () => signDeviceToken(db));
  // Recorded after the hub witnessed: in the bundle, proved, but "not yet witnessed".
  setChecklistItem(db, { auditId, code: 'rest-hours', result: 'non_compliant' });
  setAuditStatus(db, auditId, 'completed');
  const out = path.join(dir, 'bundle.zip');
  const lines: string[] = [];
  expect(await evidenceCommand.run(['export', auditId, '--out', out, '--data', store.dataDir], { out: (t) => lines.push(t), err: (t) => lines.push(t), stdin: process.stdin })).toBe(0);
  expect(lines.join('\n')).toMatch(/witnessed at port/);
  bundle = new Uint8Array(fs.readFileSync(out));
});
afterAll(async () => {
  store?.close();
  await hub?.close();
  await tsa?.close();
});

describe('an evidence bundle', () => {
  it('verifies offline: every entry proved, witnessed ones with the hub time, the timestamp chained to the authority', async () => {
    const report = await verifyBundle(bundle, [tsa.caDer]);
    expect(report.failure).toBeNull();
    expect(report.ok).toBe(true);
    expect(report.entries.map((e) => e.kind)).toEqual(['evidence', 'evidence', 'evidence', 'finding', 'checklist', 'audit', 'export']);
    expect(report.entries.slice(0, 4).every((e) => e.witnessedAt !== null)).toBe(true);
    expect(report.entries.slice(4).every((e) => e.witnessedAt === null)).toBe(true);
    expect(report.timestamp).not.toBeNull();
    const files = unzipSync(bundle);
    expect(Object.keys(files).filter((f) => f.startsWith('blobs/'))).toHaveLength(3);
  });

  it('fails, naming the file, when any single byte of any file in it is changed', async () => {
    const files = unzipSync(bundle);
    for (const [name, bytes] of Object.entries(files)) {
      // Every byte of the small files; a spread of positions in the larger ones.
      const step = Math.max(1, Math.floor(bytes.length / 48));
      for (let i = 0; i < bytes.length; i += step) {
        const changed = Uint8Array.from(bytes);
        changed[i]! ^= 0x20;
        const report = await verifyBundle(zipSync({ ...files, [name]: changed }), [tsa.caDer]);
        expect(report.ok, `${name} byte ${i} changed and the bundle still verified`).toBe(false);
        const named = name === 'bundle.json' ? ['bundle.json', 'bundle.sig'] : [name];
        expect(named, `${name} byte ${i}: blamed ${report.failure?.where}`).toContain(report.failure!.where);
      }
    }
  }, 120_000);

  it('fails when a file is added or taken out', async () => {
    const files = unzipSync(bundle);
    expect((await verifyBundle(zipSync({ ...files, 'blobs/extra': new Uint8Array([1]) }))).failure?.where).toBe('blobs/extra');
    const { ['timestamp.tsr']: _gone, ...rest } = files;
    expect((await verifyBundle(zipSync(rest))).failure?.where).toBe('timestamp.tsr');
    expect((await verifyBundle(new Uint8Array([1, 2, 3]))).failure?.where).toBe('the zip file');
  });

  it('gangway evidence verify says VERIFIED or names the failure, and export refuses an unknown audit with a sentence', async () => {
    const file = path.join(dir, 'cli.zip');
    fs.writeFileSync(file, bundle);
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), stdin: process.stdin };
    expect(await evidenceCommand.run(['verify', file, '--tsa-ca', tsa.caPem], io)).toBe(0);
    expect(out[0]).toMatch(/^Verified: audit /);
    const files = unzipSync(bundle);
    const entry = Object.keys(files).find((f) => f.startsWith('entries/'))!;
    files[entry]![10]! ^= 1;
    fs.writeFileSync(file, zipSync(files));
    out.length = 0;
    expect(await evidenceCommand.run(['verify', file], io)).toBe(1);
    expect(out.join('\n')).toContain(`NOT VERIFIED: ${entry}:`);
    await expect(evidenceCommand.run(['export', 'no-such-audit', '--out', path.join(dir, 'x.zip'), '--data', store.dataDir], io)).rejects.toThrow(/There is no audit no-such-audit/);
  });
});
