import * as Y from 'yjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendEvidence,
  appendFinding,
  auditParts,
  protectedContentLost,
  readAuditDoc,
  setChecklistEntry,
  setNotes,
  writeAuditMeta,
  type AuditMeta,
} from '../../../shared/sync';

const auditId = '0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e';
const vesselId = '1c9e8b63-7d2f-4b4c-8e1f-4a3b2c5d6e7f';
const meta: AuditMeta = {
  auditId, vesselId, vesselName: 'Sea Falcon 7', place: 'Songkhla', date: '2026-11-20', inspector: 'K. Somchai', status: 'in_progress',
  agency: 'dof-songkhla', confidentiality: 'agency', sharedWith: [], createdAt: '2026-11-20T08:00:00.000Z', updatedAt: '2026-11-20T08:00:00.000Z',
};
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const finding = (n: number) => ({ id: uuid(n), auditId, title: `finding ${n}`, description: '', severity: 'high' as const, evidence: [], createdAt: '2026-11-20T09:00:00.000Z' });

type Op = { kind: 'finding'; n: number } | { kind: 'check'; code: string; ok: boolean } | { kind: 'note'; text: string; at: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('finding' as const), n: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('check' as const), code: fc.constantFrom('c188.rest', 'c188.food', 'c188.wage'), ok: fc.boolean() }),
  fc.record({ kind: fc.constant('note' as const), text: fc.string({ maxLength: 6 }), at: fc.nat() }),
);

function apply(doc: Y.Doc, o: Op) {
  if (o.kind === 'finding') appendFinding(doc, finding(o.n));
  if (o.kind === 'check') setChecklistEntry(doc, o.code, { result: o.ok ? 'compliant' : 'non_compliant', updatedAt: '2026-11-20T10:00:00.000Z' });
  if (o.kind === 'note') {
    const t = auditParts(doc).notes.toString();
    const at = o.at % (t.length + 1);
    setNotes(doc, t.slice(0, at) + o.text + t.slice(at));
  }
}

describe('audit documents', () => {
  it('two replicas editing offline converge whatever order their updates arrive in, and no finding is lost', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), fc.array(op, { maxLength: 12 }), fc.boolean(), (opsA, opsB, aFirst) => {
        const base = new Y.Doc();
        writeAuditMeta(base, meta);
        const a = new Y.Doc();
        const b = new Y.Doc();
        Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
        const updatesA: Uint8Array[] = [];
        const updatesB: Uint8Array[] = [];
        a.on('update', (u: Uint8Array) => updatesA.push(u));
        b.on('update', (u: Uint8Array) => updatesB.push(u));
        opsA.forEach((o) => apply(a, o));
        opsB.forEach((o) => apply(b, o));
        const [first, second] = aFirst ? [updatesA, updatesB] : [updatesB, updatesA];
        const c = new Y.Doc();
        Y.applyUpdate(c, Y.encodeStateAsUpdate(base));
        for (const u of [...second].reverse()) Y.applyUpdate(c, u);
        for (const u of first) Y.applyUpdate(c, u);
        Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        const [va, vb, vc] = [readAuditDoc(a), readAuditDoc(b), readAuditDoc(c)];
        expect(vb).toEqual(va);
        expect(vc).toEqual(va);
        const wanted = new Set([...opsA, ...opsB].filter((o) => o.kind === 'finding').map((o) => uuid((o as { n: number }).n)));
        expect(new Set(va.findings.map((f) => f.id))).toEqual(wanted);
        expect(protectedContentLost('audit', base, a)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('adding the same finding twice keeps one entry', () => {
    const doc = new Y.Doc();
    expect(appendFinding(doc, finding(1))).toBe(true);
    expect(appendFinding(doc, finding(1))).toBe(false);
    expect(readAuditDoc(doc).findings).toHaveLength(1);
  });

  it('refuses to reference interview audio that is not encrypted', () => {
    const doc = new Y.Doc();
    const ref = { sha256: 'a'.repeat(64), size: 10, mediaType: 'audio/ogg', kind: 'interview_audio' as const, encrypted: false, addedAt: '2026-11-20T09:00:00.000Z' };
    expect(() => appendEvidence(doc, ref)).toThrow(/encrypted/);
    expect(appendEvidence(doc, { ...ref, encrypted: true })).toBe(true);
    expect(readAuditDoc(doc).evidence).toHaveLength(1);
  });

  it('an entry another replica wrote badly is skipped and counted, not shown', () => {
    const doc = new Y.Doc();
    appendFinding(doc, finding(1));
    auditParts(doc).findings.push([{ id: 'not-a-uuid', title: 3 }]);
    const view = readAuditDoc(doc);
    expect(view.findings.map((f) => f.id)).toEqual([uuid(1)]);
    expect(view.skipped).toBe(1);
  });

  it('deleting a finding, rewriting evidence or moving the audit to another agency counts as losing protected content', () => {
    const before = new Y.Doc();
    writeAuditMeta(before, meta);
    appendFinding(before, finding(1));
    appendFinding(before, finding(2));
    const clone = () => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(before));
      return d;
    };
    const deleted = clone();
    auditParts(deleted).findings.delete(1, 1);
    expect(protectedContentLost('audit', before, deleted)[0]).toMatch(/finding was deleted/);
    const moved = clone();
    auditParts(moved).meta.set('agency', 'someone-else');
    expect(protectedContentLost('audit', before, moved)[0]).toMatch(/agency was changed/);
    const grown = clone();
    appendFinding(grown, finding(3));
    setNotes(grown, 'notes may be rewritten freely');
    expect(protectedContentLost('audit', before, grown)).toEqual([]);
  });
});

describe('concurrent appends', () => {
  it('the same finding appended on two replicas at once shows once after the merge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    appendFinding(a, finding(7));
    appendFinding(b, finding(7));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readAuditDoc(a).findings.map((f) => f.id)).toEqual([uuid(7)]);
  });
});
