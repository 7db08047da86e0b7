import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../../shared/domain/indicators';
import { C188_CHECKLIST } from '../../../shared/domain/checklist';
import { buildFisherInterview } from '../../../shared/forms/fisherInterview';
import { walkQuestions } from '../../../shared/forms/model';
import { auditProfile, crewProfile } from '../../../shared/forms/profile';

const form = buildFisherInterview();

describe('indicator mapping', () => {
  it('covers all 11 ILO indicators and the C188 points the crew can speak to', () => {
    const qs = walkQuestions(form.children).map((w) => w.question);
    const covered = new Set(qs.flatMap((q) => q.signals.map((s) => s.indicator)));
    expect([...covered].sort()).toEqual([...INDICATORS].sort());
    const checklist = new Set(qs.flatMap((q) => (q.checklist ? [q.checklist.code] : [])));
    for (const code of ['c188.contract', 'c188.rest.24h', 'c188.wage_monthly', 'c188.medical', 'c188.minimum_age', 'c188.repatriation']) expect(checklist).toContain(code);
    for (const code of checklist) expect(C188_CHECKLIST.map((c) => c.code)).toContain(code);
  });

  it('turns the captain holding the ATM card into withheld wages, coercion', () => {
    const p = crewProfile(form, { answers: { card_holder: 'captain' } });
    expect(p.indicators).toEqual([{ indicator: 'withholding_of_wages', involuntariness: [], coercion: ['card_holder'] }]);
    expect(p.strongSignal).toBe(false);
  });

  it('shows a strong signal only when involuntariness and coercion are both present', () => {
    const coercionOnly = crewProfile(form, { answers: { documents_holder: 'owner', can_get_documents: 'no', threatened: 'yes' } });
    expect(coercionOnly.bothDimensions).toBe(false);
    const both = crewProfile(form, { answers: { documents_holder: 'owner', want_to_leave_cannot: 'yes', rest_hours: 6 } });
    expect(both.strongSignal).toBe(true);
    expect(both.indicators.map((l) => l.indicator)).toEqual(['restriction_of_movement', 'retention_of_documents', 'excessive_overtime']);
    expect(both.checklist).toEqual([{ code: 'c188.rest.24h', path: 'rest_hours' }]);
    expect(both.caveat).toMatch(/not a legal finding/i);
  });

  it('reads nothing into a question the fisher chose not to answer', () => {
    expect(crewProfile(form, { answers: { hit: { declined: true }, rest_hours: { declined: true } } }).indicators).toEqual([]);
  });

  it('ignores an answer left behind on a question that is no longer asked', () => {
    // he first said he was threatened, chose threats, then corrected to "no"
    const p = crewProfile(form, { answers: { threatened: 'no', threat_kinds: ['police'] } });
    expect(p.indicators).toEqual([]);
  });

  it('counts crew members per indicator across an audit', () => {
    const a = crewProfile(form, { answers: { hit: 'yes', job_as_promised: 'no' } });
    const b = crewProfile(form, { answers: { hit: 'yes', seen_others_hit: 'yes' } });
    const c = crewProfile(form, { answers: { hit: 'no' } });
    const audit = auditProfile([a, b, c]);
    expect(audit.interviewed).toBe(3);
    expect(audit.indicators.find((l) => l.indicator === 'physical_sexual_violence')).toEqual({ indicator: 'physical_sexual_violence', crewWithSignal: 2, involuntariness: 0, coercion: 2 });
    expect(audit.strongSignals).toBe(1);
  });
});
