import { afterEach, describe, expect, it } from 'vitest';
import { EvidenceLog, LiveGnssClock, sha256Hex } from '../../../main/evidence-log/log';
import { openStore, type Store } from '../../../main/store/database';
import {
  hashLeaf, parseCheckpoint, parseEntryBytes, parseNote, verifyConsistency, verifyInclusion, verifyNoteSignature,
} from '../../../shared/evidence-log';
import { tempDir } from '../../support/tmp';

let store: Store | undefined;
afterEach(() => store?.close());

const open = (): { log: EvidenceLog; store: Store } => {
  store = openStore(tempDir('gangway-elog-'));
  return { log: new EvidenceLog(store.db), store };
};

describe('the device evidence log', () => {
  it('proves each recorded item is in the log, and that later logs extend earlier ones', () => {
    const { log } = open();
    const sizes: Array<{ size: number; root: Uint8Array }> = [];
    for (let i = 0; i < 37; i++) {
      log.append({ kind: 'evidence', auditId: 'a1', subject: sha256Hex(`photo ${i}`), contentHash: sha256Hex(`photo ${i}`) });
      sizes.push({ size: log.size(), root: log.root() });
    }
    const root = log.root();
    for (let i = 0; i < 37; i++) expect(verifyInclusion(i, 37, hashLeaf(log.entryData(i)), log.inclusionProof(i), root)).toBe(true);
    for (const old of sizes) expect(verifyConsistency(old.size, 37, old.root, root, log.consistencyProof(old.size))).toBe(true);
  });

  it('refuses to change or delete what it recorded', () => {
    const { log, store } = open();
    log.append({ kind: 'finding', auditId: 'a1', subject: 'f1', contentHash: sha256Hex('f1') });
    expect(() => store.db.prepare("UPDATE evidence_log_entries SET subject = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM evidence_log_entries').run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM evidence_log_nodes').run()).toThrow(/append-only/);
  });

  it('signs checkpoints with the device key, once per size', () => {
    const { log } = open();
    log.append({ kind: 'finding', auditId: 'a1', subject: 'f1', contentHash: sha256Hex('f1') });
    const c1 = log.checkpoint('audit completed');
    expect(log.checkpoint('again')).toEqual(c1);
    const note = parseNote(c1.note);
    const key = log.key();
    expect(verifyNoteSignature(note, { name: key.origin, publicKey: key.publicKey })).toBe(true);
    const cp = parseCheckpoint(note.text);
    expect(cp).toMatchObject({ origin: key.origin, size: 1 });
    expect(cp.root).toEqual(log.root());
    expect(c1.note).toMatch(/^gangway\.device\/[0-9a-f-]{36}\n1\n[A-Za-z0-9+/]{43}=\n\n\u2014 gangway\.device\//);
  });

  it('writes the daily checkpoint only when the log grew and a day has passed', () => {
    const { log } = open();
    log.append({ kind: 'finding', auditId: 'a1', subject: 'f1', contentHash: sha256Hex('f1') });
    expect(log.checkpointIfDue()).not.toBeNull();
    expect(log.checkpointIfDue()).toBeNull();
    log.append({ kind: 'finding', auditId: 'a1', subject: 'f2', contentHash: sha256Hex('f2') });
    expect(log.checkpointIfDue()).toBeNull();
    expect(log.checkpointIfDue(Date.now() + 25 * 3600_000)?.size).toBe(2);
  });

  it('dates entries by GNSS only while a fix is fresh, and leaves the GNSS time empty otherwise', () => {
    store = openStore(tempDir('gangway-elog-'));
    let mono = 0;
    const gnss = new LiveGnssClock(() => mono);
    const log = new EvidenceLog(store.db, { gnss, clock: () => new Date('2026-03-01T00:00:00Z') });
    const first = log.append({ kind: 'evidence', subject: 'x', contentHash: sha256Hex('x') }).entry;
    expect(first.times).toEqual({ device: '2026-03-01T00:00:00.000Z', gnss: null });
    gnss.observe(Date.parse('2026-03-01T06:00:00Z'));
    mono = 30_000;
    expect(log.append({ kind: 'evidence', subject: 'y', contentHash: sha256Hex('y') }).entry.times.gnss).toBe('2026-03-01T06:00:30.000Z');
    mono = 120_000;
    expect(log.append({ kind: 'evidence', subject: 'z', contentHash: sha256Hex('z') }).entry.times.gnss).toBeNull();
    expect(parseEntryBytes(log.entryData(1)).times.gnss).toBe('2026-03-01T06:00:30.000Z');
  });
});
