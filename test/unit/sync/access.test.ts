import { describe, expect, it } from 'vitest';
import { decideAccess } from '../../../hub/access';
import { backoffDelay } from '../../../main/sync/backoff';

const audit = 'audit:0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e';
const vessel = 'vessel:0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e';
const meta = (confidentiality: string, sharedWith: string[] = []) => ({ doc: audit, kind: 'audit', agency: 'dof', confidentiality, sharedWith, clock: 3 });

describe('roles per document on the hub', () => {
  it('an inspector writes its own agency audits and cannot see another agency unless shared', () => {
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, audit, meta('agency'))).toEqual({ allow: true, readOnly: false });
    expect(decideAccess({ role: 'inspector', agency: 'other' }, audit, meta('agency')).allow).toBe(false);
    expect(decideAccess({ role: 'inspector', agency: 'other' }, audit, meta('agency', ['inspector']))).toEqual({ allow: true, readOnly: true });
  });

  it('a union-confidential audit is invisible to an inspector of the same agency and to the port authority unless shared', () => {
    expect(decideAccess({ role: 'union_rep', agency: 'dof' }, audit, meta('union')).readOnly).toBe(false);
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, audit, meta('union')).allow).toBe(false);
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, audit, meta('union')).allow).toBe(false);
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, audit, meta('union', ['port_authority']))).toEqual({ allow: true, readOnly: true });
  });

  it('the vessel registry is written by the port authority and read by everyone else once it exists', () => {
    const v = { doc: vessel, kind: 'vessel', agency: 'marine', confidentiality: null, sharedWith: [], clock: 1 };
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, vessel, v).readOnly).toBe(false);
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, vessel, v)).toEqual({ allow: true, readOnly: true });
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, audit, null).allow).toBe(false);
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, 'fleet:everything', null).allow).toBe(false);
  });
});

describe("an audit's summary on the hub", () => {
  const summary = 'summary:0b8f7a52-6c1e-4a3b-9d0e-3f2a1b4c5d6e';
  const of = (m: ReturnType<typeof meta> | null) => (doc: string) => (doc === audit ? m : null);

  it("is written by the audit's own devices and read, not written, by the port authority", () => {
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, summary, null, of(meta('agency')))).toEqual({ allow: true, readOnly: false });
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, summary, null, of(meta('agency')))).toEqual({ allow: true, readOnly: true });
    expect(decideAccess({ role: 'inspector', agency: 'other' }, summary, null, of(meta('agency'))).allow).toBe(false);
  });

  it("of a union-confidential audit: the union's devices write it, the port authority reads it, the agency's inspectors do not", () => {
    expect(decideAccess({ role: 'union_rep', agency: 'dof' }, summary, null, of(meta('union')))).toEqual({ allow: true, readOnly: false });
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, summary, null, of(meta('union')))).toEqual({ allow: true, readOnly: true });
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, summary, null, of(meta('union'))).allow).toBe(false);
  });

  it('before its audit reaches the hub, whoever could create the audit may create it; the port authority only reads', () => {
    expect(decideAccess({ role: 'inspector', agency: 'dof' }, summary, null, of(null)).readOnly).toBe(false);
    expect(decideAccess({ role: 'port_authority', agency: 'marine' }, summary, null, of(null))).toEqual({ allow: true, readOnly: true });
  });
});

describe('back-off', () => {
  it('waits grow with each failure, never past the cap, and are spread by jitter', () => {
    expect(backoffDelay(0, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(40, 1000, 60_000, () => 1)).toBe(60_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(5)));
    expect(spread.size).toBeGreaterThan(10);
  });
});
