import { afterEach, describe, expect, it } from 'vitest';
import { putBlob, readBlob } from '../../main/evidence/blobs';
import { EvidenceLog, sha256Hex } from '../../main/evidence-log/log';
import { recordHash } from '../../main/evidence-log/record';
import { sealReport } from '../../main/evidence-log/report-seal';
import { openStore, type Store } from '../../main/store/database';
import { createAudit, setAuditStatus } from '../../main/store/repos/audits';
import { setChecklistItem } from '../../main/store/repos/checklist';
import { addFinding, getFinding } from '../../main/store/repos/findings';
import { createVessel } from '../../main/store/repos/vessels';
import { addToCrewList, updateAuditCrew } from '../../main/store/repos/auditCrew';
import { Vault } from '../../main/vault/vault';
import { parseEntryBytes } from '../../shared/evidence-log';
import { tempDir } from '../support/tmp';

let store: Store | undefined;
afterEach(() => store?.close());

function storeWithAudit() {
  store = openStore(tempDir('gangway-elog-rec-'));
  const db = store.db;
  const vessel = createVessel(db, { name: 'Sea Falcon 7' });
  return { db, vessel, dataDir: store.dataDir, audit: createAudit(db, { vesselId: vessel.id, place: 'Songkhla', date: '2026-11-20', inspector: 'K. Somchai' }) };
}

describe('what the inspector records goes into the evidence log', () => {
  it('logs evidence, findings, checklist results and the audit completion, and signs a checkpoint at completion', () => {
    const { db, audit, dataDir } = storeWithAudit();
    const photo = putBlob(db, dataDir, { bytes: Buffer.from('jpeg bytes'), mediaType: 'image/jpeg', filename: 'bunk.jpg' }, { auditId: audit.id });
    putBlob(db, dataDir, { bytes: Buffer.from('jpeg bytes'), mediaType: 'image/jpeg' });
    const finding = addFinding(db, { auditId: audit.id, title: 'Passports held by the captain', severity: 'high', description: 'seen in the wheelhouse safe', evidence: [photo.sha256] });
    setChecklistItem(db, { auditId: audit.id, code: 'rest-hours', result: 'non_compliant' });
    setAuditStatus(db, audit.id, 'in_progress');
    setAuditStatus(db, audit.id, 'completed');

    const log = new EvidenceLog(db);
    const entries = log.entriesOfAudit(audit.id).map((e) => parseEntryBytes(e.data));
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ['evidence', null],
      ['finding', null],
      ['checklist', 'non_compliant'],
      ['audit', 'completed'],
    ]);
    expect(entries[0]!.contentHash).toBe(sha256Hex('jpeg bytes'));
    expect(entries[1]!.contentHash).toBe(recordHash(getFinding(db, finding.id)));
    // Neither the title nor the file name is in the log: only ids and hashes.
    const all = Buffer.concat(entries.map((_, i) => Buffer.from(log.entryData(i)))).toString('utf8');
    expect(all).not.toContain('Passports');
    expect(all).not.toContain('bunk.jpg');
    const cp = log.latestCheckpoint()!;
    expect(cp).toMatchObject({ size: 4, reason: `audit ${audit.id} completed` });
  });

  it('logs crew-list changes by id and hash, never the name or document number', async () => {
    const { db, audit } = storeWithAudit();
    const vault = new Vault(db, { kdf: { N: 1024, r: 8, p: 1 } });
    await vault.create('a long test passphrase');
    const [member] = addToCrewList(db, vault, audit.id, [{ identity: { name: 'Aung Kyaw Moe', documentNo: 'MB123456' }, role: 'fisher' }]);
    updateAuditCrew(db, audit.id, [member!.crewMemberId], { present: true });
    const log = new EvidenceLog(db);
    const crew = log.entriesOfAudit(audit.id).map((e) => parseEntryBytes(e.data)).filter((e) => e.kind === 'crew');
    expect(crew.map((e) => [e.subject, e.action])).toEqual([
      [member!.crewMemberId, 'added to the crew list'],
      [member!.crewMemberId, 'crew list checks changed'],
    ]);
    const text = Buffer.concat(log.entriesOfAudit(audit.id).map((e) => Buffer.from(e.data))).toString('utf8');
    expect(text).not.toContain('Aung');
    expect(text).not.toContain('MB123456');
  });

  it('a redacted copy is a new entry naming its original, which stays as it was', () => {
    store = openStore(tempDir('gangway-elog-rec-'));
    const db = store.db;
    const original = putBlob(db, store.dataDir, { bytes: Buffer.from('photo with a face'), mediaType: 'image/jpeg' });
    const copy = putBlob(db, store.dataDir, { bytes: Buffer.from('photo, face blurred'), mediaType: 'image/jpeg' }, { original: original.sha256, action: 'redacted' });
    const log = new EvidenceLog(db);
    const entries = [0, 1].map((i) => parseEntryBytes(log.entryData(i)));
    expect(entries[1]).toMatchObject({ subject: copy.sha256, original: original.sha256, action: 'redacted' });
    expect(readBlob(store.dataDir, original.sha256).toString()).toBe('photo with a face');
    expect(() => putBlob(db, store!.dataDir, { bytes: Buffer.from('x'), mediaType: 'image/jpeg' }, { original: 'f'.repeat(64) })).toThrow(/store the original first/);
  });

  it('a record refused by its own checks leaves no entry behind', () => {
    const { db, audit } = storeWithAudit();
    expect(() => addFinding(db, { auditId: audit.id, title: 'x', severity: 'low', description: 'y', evidence: ['0'.repeat(64)] })).toThrow(/not stored/);
    expect(new EvidenceLog(db).size()).toBe(0);
  });
});

describe('a report sealed in the evidence log', () => {
  it('is an entry of its own, covered by a checkpoint its footer names', () => {
    const { db, audit } = storeWithAudit();
    const html = '<html><body>report</body></html>';
    const seal = sealReport(db, audit.id, html);
    const log = new EvidenceLog(db);
    expect(parseEntryBytes(log.entryData(seal.index))).toMatchObject({ kind: 'report', auditId: audit.id, contentHash: sha256Hex(html) });
    expect(log.latestCheckpoint()!.size).toBe(seal.checkpointSize);
    expect(seal.index).toBeLessThan(seal.checkpointSize);
    expect(seal.footer).toContain(`entry ${seal.index}`);
    expect(seal.footer).toContain(seal.checkpointRoot);
  });
});
