import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrolmentCode } from '../../hub/enrolment';
import { startHub, type RunningHub } from '../../hub/server';
import { Witness } from '../../hub/witness';
import { EvidenceLog, sha256Hex } from '../../main/evidence-log/log';
import { witnessAtHub } from '../../main/evidence-log/witnessing';
import { openStore, type Store } from '../../main/store/database';
import { enrolDevice, signDeviceToken } from '../../main/sync/device';
import { parseNote, verifyCosignature, verifyNoteSignature } from '../../shared/evidence-log';
import { startLocalTsa, type LocalTsa } from '../support/openssl-tsa';
import { tempDir } from '../support/tmp';

let dir: string;
let hub: RunningHub;
let tsa: LocalTsa;
const stores: Store[] = [];

beforeAll(async () => {
  dir = tempDir('gangway-witness-');
  tsa = await startLocalTsa();
  hub = await startHub({ dataDir: path.join(dir, 'hub'), port: 0, host: '127.0.0.1', tsaUrl: tsa.url });
});
afterAll(async () => {
  for (const s of stores) s.close();
  await hub?.close();
  await tsa?.close();
});

async function enrolled(name: string): Promise<Store> {
  const store = openStore(path.join(dir, name));
  stores.push(store);
  const code = createEnrolmentCode(hub.store, { role: 'inspector', agency: 'dof-songkhla', userName: name }, hub.url);
  await enrolDevice(store.db, hub.url, code.code, name);
  return store;
}

const record = (log: EvidenceLog, n: number, tag: string): void => {
  for (let i = 0; i < n; i++) log.append({ kind: 'evidence', auditId: 'a1', subject: sha256Hex(`${tag}${i}`), contentHash: sha256Hex(`${tag}${i}`) });
};

describe('the hub witnesses device evidence logs', () => {
  it('cosigns a checkpoint, has it timestamped, and cosigns again only once the log has grown from it', async () => {
    const store = await enrolled('inspector-1');
    const log = new EvidenceLog(store.db);
    record(log, 5, 'photo');
    const first = await witnessAtHub(store.db, hub.url, () => signDeviceToken(store.db));
    expect(first).toMatchObject({ size: 5, timestamped: true, timestampError: null });

    const cp = log.latestWitnessed()!;
    const note = parseNote(cp.witnessedNote!);
    const key = log.key();
    expect(verifyNoteSignature(note, { name: key.origin, publicKey: key.publicKey })).toBe(true);
    const at = verifyCosignature(note, { name: cp.witnessName!, publicKey: cp.witnessKey! });
    expect(at).not.toBeNull();
    expect(Math.abs(at! * 1000 - Date.now())).toBeLessThan(60_000);

    // The timestamp verifies with openssl against the authority's CA.
    const tsr = path.join(dir, 'cp.tsr');
    const data = path.join(dir, 'cp.txt');
    fs.writeFileSync(tsr, cp.timestampToken!);
    fs.writeFileSync(data, note.text);
    expect(execFileSync('openssl', ['ts', '-verify', '-in', tsr, '-data', data, '-CAfile', tsa.caPem, '-untrusted', tsa.tsaPem], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toMatch(/Verification: OK/);

    // Nothing new: nothing to witness. Then the log grows and is witnessed from size 5.
    expect(await witnessAtHub(store.db, hub.url, () => signDeviceToken(store.db))).toBeNull();
    record(log, 8, 'doc');
    expect(await witnessAtHub(store.db, hub.url, () => signDeviceToken(store.db))).toMatchObject({ size: 13 });
    expect(new Witness(hub.store).state(key.origin)).toMatchObject({ size: 13 });
  });

  it('flags a device whose log does not extend what the hub cosigned (history rewritten from a copy)', async () => {
    const store = await enrolled('inspector-2');
    const log = new EvidenceLog(store.db);
    record(log, 4, 'photo');
    log.checkpoint('before copy');
    // Someone keeps a copy of the laptop's store as it is now…
    store.db.exec(`VACUUM INTO '${path.join(dir, 'copy.sqlite')}'`);
    record(log, 6, 'photo-more');
    await witnessAtHub(store.db, hub.url, () => signDeviceToken(store.db));

    // …and later, from the copy, records other evidence in place of the witnessed entries.
    const copyDir = path.join(dir, 'copy');
    fs.mkdirSync(copyDir);
    fs.renameSync(path.join(dir, 'copy.sqlite'), path.join(copyDir, 'gangway.sqlite'));
    const copy = openStore(copyDir);
    stores.push(copy);
    // Shown as it was copied, the log is shorter than what the hub cosigned: a fork.
    await expect(witnessAtHub(copy.db, hub.url, () => signDeviceToken(copy.db))).rejects.toThrow(/shorter than a checkpoint the hub cosigned/);
    const rewritten = new EvidenceLog(copy.db);
    record(rewritten, 9, 'forged');
    await expect(witnessAtHub(copy.db, hub.url, () => signDeviceToken(copy.db))).rejects.toThrow(/does not extend the checkpoint the hub cosigned/);
    const forks = new Witness(hub.store).forks();
    expect(forks).toHaveLength(2);
    expect(forks.every((f) => f.origin === log.key().origin && f.knownSize === 10)).toBe(true);
    // The real device goes on being witnessed.
    record(log, 1, 'later');
    expect(await witnessAtHub(store.db, hub.url, () => signDeviceToken(store.db))).toMatchObject({ size: 11 });
  });

  it('refuses a checkpoint whose signature does not verify, and a log claimed by another device', async () => {
    const a = await enrolled('inspector-3');
    const b = await enrolled('inspector-4');
    const logA = new EvidenceLog(a.db);
    record(logA, 2, 'x');
    await witnessAtHub(a.db, hub.url, () => signDeviceToken(a.db));
    const cp = logA.latestCheckpoint()!;
    const body = { publicKey: Buffer.from(logA.key().publicKey).toString('base64'), note: cp.note.replace('\n2\n', '\n3\n'), fromSize: 2, proof: [] };
    const post = async (db: Store['db'], payload: unknown) =>
      fetch(`${hub.httpUrl}/witness`, { method: 'POST', headers: { Authorization: `Bearer ${await signDeviceToken(db)}`, 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    expect((await post(a.db, body)).status).toBe(400);
    const stolen = { ...body, note: cp.note, fromSize: 2 };
    const res = await post(b.db, stolen);
    expect(res.status).toBe(403);
    expect((await post(a.db, { nonsense: true })).status).toBe(400);
  });
});
