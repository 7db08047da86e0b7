import { INDICATORS } from '../../shared/domain/indicators';
import { auditProfile, crewProfile, PROFILE_CAVEAT, type AuditProfile, type CrewProfile } from '../../shared/forms/profile';
import type { Db } from '../store/database';
import type { Vault } from '../vault/vault';
import { getForm } from '../forms/repository';
import { interviewIds, resumeInterview } from './sessions';

/**
 * Profiles are computed from decrypted answers when asked, never stored:
 * a cached profile would be one more copy of testimony at rest.
 */

/** Several interviews of one crew member read as one testimony. */
function mergeProfiles(profiles: readonly CrewProfile[]): CrewProfile {
  const indicators = INDICATORS.map((indicator) => {
    const lines = profiles.flatMap((p) => p.indicators.filter((l) => l.indicator === indicator));
    return { indicator, involuntariness: lines.flatMap((l) => l.involuntariness), coercion: lines.flatMap((l) => l.coercion) };
  }).filter((l) => l.involuntariness.length + l.coercion.length > 0);
  const both = indicators.some((l) => l.involuntariness.length > 0) && indicators.some((l) => l.coercion.length > 0);
  return { indicators, bothDimensions: both, strongSignal: both, checklist: profiles.flatMap((p) => p.checklist), caveat: PROFILE_CAVEAT };
}

function profileOfInterview(db: Db, vault: Vault, id: string): CrewProfile | undefined {
  const s = resumeInterview(db, vault, id);
  if (!s.interview.consentAgreed) return undefined;
  return crewProfile(getForm(db, s.interview.formId, s.interview.formVersion), { answers: s.answers, repeatCounts: s.repeatCounts });
}

/** One crew member, across his interviews (in one audit when named). */
export function crewMemberProfile(db: Db, vault: Vault, crewMemberId: string, auditId?: string): CrewProfile {
  const profiles = interviewIds(db, { crewMemberId, auditId })
    .map((id) => profileOfInterview(db, vault, id))
    .filter((p): p is CrewProfile => p !== undefined);
  return mergeProfiles(profiles);
}

/** Counts across the crew members interviewed in an audit. */
export function auditCrewProfile(db: Db, vault: Vault, auditId: string): AuditProfile {
  const crew = db.prepare(`SELECT DISTINCT crew_member_id AS id FROM interviews WHERE audit_id = ? AND consent_agreed = 1`).all(auditId) as { id: string }[];
  return auditProfile(crew.map((c) => crewMemberProfile(db, vault, c.id, auditId)));
}
