import { AuditCrewFields, AuditCrewMember, CrewListEntry, ageOn, nextPseudonym } from '../../../shared/audit/crew';
import { GangwayError } from '../../../shared/errors';
import { addCrewMember, getIdentity } from '../../interviews/crew';
import type { Vault } from '../../vault/vault';
import { rowsChanged } from '../rowHooks';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { drawnCrew } from './auditDraws';
import { assertAuditEditable } from './auditLock';
import { getAudit } from './audits';
import { logRecord, recordHash } from '../../evidence-log/record';
import { now } from './rows';

/**
 * All SQL of audit_crew: an audit's crew list reconciliation. The people
 * themselves are crew_members of the vessel (one per person across audits,
 * found again by pseudonym or, with the vault unlocked, by sealed identity),
 * so the wage import matches contracts against this list.
 */

interface Row {
  audit_id: string;
  crew_member_id: string;
  pseudonym: string;
  declared: number;
  present: number;
  role: string;
  nationality: string | null;
  identity_check: string;
  contract_seen: string;
  medical_valid_until: string | null;
  age_years: number | null;
  passport_held_by: string;
  atm_card_held_by: string;
  note: string | null;
  has_identity: number;
  updated_at: string;
}

const SELECT = `SELECT ac.*, m.pseudonym, EXISTS (SELECT 1 FROM crew_identities i WHERE i.crew_member_id = ac.crew_member_id) AS has_identity
  FROM audit_crew ac JOIN crew_members m ON m.id = ac.crew_member_id`;

function toMember(r: Row): AuditCrewMember {
  return AuditCrewMember.parse({
    auditId: r.audit_id,
    crewMemberId: r.crew_member_id,
    pseudonym: r.pseudonym,
    declared: r.declared === 1,
    present: r.present === 1,
    role: r.role,
    nationality: r.nationality,
    identityCheck: r.identity_check,
    contractSeen: r.contract_seen,
    medicalValidUntil: r.medical_valid_until,
    ageYears: r.age_years,
    passportHeldBy: r.passport_held_by,
    atmCardHeldBy: r.atm_card_held_by,
    note: r.note,
    hasIdentity: r.has_identity === 1,
    updatedAt: r.updated_at,
  });
}

export function listAuditCrew(db: Db, auditId: string): AuditCrewMember[] {
  getAudit(db, auditId);
  return (db.prepare(`${SELECT} WHERE ac.audit_id = ? ORDER BY m.pseudonym`).all(auditId) as Row[]).map(toMember);
}

export function getAuditCrewMember(db: Db, auditId: string, crewMemberId: string): AuditCrewMember {
  const row = db.prepare(`${SELECT} WHERE ac.audit_id = ? AND ac.crew_member_id = ?`).get(auditId, crewMemberId) as Row | undefined;
  if (!row) throw new GangwayError('NOT_FOUND', 'That person is not on the crew list of this audit. Add him first.');
  return toMember(row);
}

const key = (name: string, doc: string | undefined) => `${name.trim().toLowerCase().replace(/\s+/g, ' ')}|${(doc ?? '').trim().toLowerCase()}`;

/**
 * Adds people to an audit's crew list in one transaction: declared crew from
 * a list, or people found on board (`declared: false`, present). Someone
 * already on the list is updated, never doubled. Identities need the vault
 * unlocked; if it is locked nothing is written.
 */
/** The evidence log names the person by id and the hash of his crew-list row: no name, no document number. */
function logCrewChange(db: Db, auditId: string, crewMemberId: string, action: string): void {
  logRecord(db, { kind: 'crew', auditId, subject: crewMemberId, contentHash: recordHash(getAuditCrewMember(db, auditId, crewMemberId)), action });
}

export function addToCrewList(db: Db, vault: Vault, auditId: string, raw: readonly CrewListEntry[]): AuditCrewMember[] {
  const entries = raw.map((e) => CrewListEntry.parse(e));
  const audit = assertAuditEditable(db, auditId, 'crew list');
  const vesselCrew = db.prepare('SELECT id, pseudonym FROM crew_members WHERE vessel_id = ?').all(audit.vesselId) as { id: string; pseudonym: string }[];
  const byPseudonym = new Map(vesselCrew.map((c) => [c.pseudonym.toLowerCase(), c.id]));
  const withIdentity = entries.some((e) => e.identity);
  // Known people are found again by their sealed identity, so a second audit of the vessel does not double its crew.
  const byIdentity = new Map<string, string>();
  if (withIdentity) {
    for (const c of vesselCrew) {
      const id = getIdentity(db, vault, c.id); // throws LOCKED before anything is written
      if (id) byIdentity.set(key(id.name, id.documentNo), c.id);
    }
  }
  const taken = new Set(vesselCrew.map((c) => c.pseudonym));
  let counter = 1;
  const ids: string[] = [];
  inTransaction(db, () => {
    const t = now();
    const upsert = db.prepare(
      `INSERT INTO audit_crew (audit_id, crew_member_id, declared, present, role, nationality, identity_check, contract_seen, medical_valid_until,
         age_years, passport_held_by, atm_card_held_by, note, added_at, updated_at)
       VALUES (@auditId, @crewMemberId, @declared, @present, @role, @nationality, @identityCheck, @contractSeen, @medicalValidUntil,
         @ageYears, @passportHeldBy, @atmCardHeldBy, @note, @t, @t)
       ON CONFLICT (audit_id, crew_member_id) DO UPDATE SET declared = max(declared, excluded.declared), present = max(present, excluded.present),
         role = excluded.role, nationality = coalesce(excluded.nationality, nationality),
         contract_seen = CASE excluded.contract_seen WHEN 'unknown' THEN contract_seen ELSE excluded.contract_seen END,
         medical_valid_until = coalesce(excluded.medical_valid_until, medical_valid_until), age_years = coalesce(excluded.age_years, age_years),
         passport_held_by = CASE excluded.passport_held_by WHEN 'unknown' THEN passport_held_by ELSE excluded.passport_held_by END,
         atm_card_held_by = CASE excluded.atm_card_held_by WHEN 'unknown' THEN atm_card_held_by ELSE excluded.atm_card_held_by END,
         updated_at = excluded.updated_at`,
    );
    for (const e of entries) {
      let crewMemberId = (e.pseudonym && byPseudonym.get(e.pseudonym.toLowerCase())) || (e.identity && byIdentity.get(key(e.identity.name, e.identity.documentNo))) || undefined;
      if (!crewMemberId) {
        let pseudonym = e.pseudonym;
        if (!pseudonym) {
          const n = nextPseudonym(taken, counter);
          pseudonym = n.pseudonym;
          counter = n.next;
        }
        taken.add(pseudonym);
        const member = addCrewMember(db, vault, {
          vesselId: audit.vesselId,
          pseudonym,
          role: e.role ?? 'fisher',
          ...(e.nationality ? { nationality: e.nationality } : {}),
          ...(e.identity ? { identity: e.identity } : {}),
        });
        crewMemberId = member.id;
        byPseudonym.set(pseudonym.toLowerCase(), crewMemberId);
        if (e.identity) byIdentity.set(key(e.identity.name, e.identity.documentNo), crewMemberId);
      }
      const dob = e.identity?.dateOfBirth;
      upsert.run({
        auditId,
        crewMemberId,
        declared: e.declared ? 1 : 0,
        present: (e.present ?? !e.declared) ? 1 : 0,
        role: e.role ?? 'fisher',
        nationality: e.nationality ?? null,
        identityCheck: e.identityCheck ?? 'not_checked',
        contractSeen: e.contractSeen ?? 'unknown',
        medicalValidUntil: e.medicalValidUntil ?? null,
        ageYears: e.ageYears ?? (dob ? ageOn(dob, audit.date) : null),
        passportHeldBy: e.passportHeldBy ?? 'unknown',
        atmCardHeldBy: e.atmCardHeldBy ?? 'unknown',
        note: e.note ?? null,
        t,
      });
      ids.push(crewMemberId);
    }
    db.prepare('UPDATE audits SET updated_at = ? WHERE id = ?').run(t, auditId);
    rowsChanged(db, { kind: 'audit', auditId });
    for (const id of ids) logCrewChange(db, auditId, id, 'added to the crew list');
  });
  return ids.map((id) => getAuditCrewMember(db, auditId, id));
}

const COLUMN: Record<keyof AuditCrewFields, string> = {
  role: 'role',
  nationality: 'nationality',
  present: 'present',
  identityCheck: 'identity_check',
  contractSeen: 'contract_seen',
  medicalValidUntil: 'medical_valid_until',
  ageYears: 'age_years',
  passportHeldBy: 'passport_held_by',
  atmCardHeldBy: 'atm_card_held_by',
  note: 'note',
};

/** Changes what was checked about one or more people (ticking present, a field) in one transaction. */
export function updateAuditCrew(db: Db, auditId: string, crewMemberIds: readonly string[], raw: Partial<AuditCrewFields>): AuditCrewMember[] {
  const fields = AuditCrewFields.partial().parse(raw);
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined) as [keyof AuditCrewFields, unknown][];
  return inTransaction(db, () => {
    assertAuditEditable(db, auditId, 'crew list');
    for (const id of crewMemberIds) getAuditCrewMember(db, auditId, id);
    if (entries.length > 0) {
      const t = now();
      const set = entries.map(([k]) => `${COLUMN[k]} = @${k}`).join(', ');
      const values = Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]));
      const stmt = db.prepare(`UPDATE audit_crew SET ${set}, updated_at = @t WHERE audit_id = @auditId AND crew_member_id = @id`);
      for (const id of crewMemberIds) stmt.run({ ...values, t, auditId, id });
      db.prepare('UPDATE audits SET updated_at = ? WHERE id = ?').run(t, auditId);
      rowsChanged(db, { kind: 'audit', auditId });
      for (const id of crewMemberIds) logCrewChange(db, auditId, id, 'crew list checks changed');
    }
    return crewMemberIds.map((id) => getAuditCrewMember(db, auditId, id));
  });
}

export interface CrewCounts {
  declared: number;
  present: number;
  /** Declared and not found on board. */
  missing: number;
  /** On board and not declared. */
  extra: number;
  randomlySelected: number;
  interviewed: number;
  interviewedRandomlySelected: number;
  interviewedWithoutOfficers: number;
}

/**
 * The audit's crew facts as plain numbers, for summaries and the impact
 * figures. "Interviewed" counts people (not interviews) with an interview
 * whose consent was given.
 */
export function crewCounts(db: Db, auditId: string): CrewCounts {
  getAudit(db, auditId);
  const c = db
    .prepare(
      `SELECT coalesce(sum(declared), 0) AS declared, coalesce(sum(present), 0) AS present,
         coalesce(sum(declared = 1 AND present = 0), 0) AS missing, coalesce(sum(declared = 0 AND present = 1), 0) AS extra
       FROM audit_crew WHERE audit_id = ?`,
    )
    .get(auditId) as Pick<CrewCounts, 'declared' | 'present' | 'missing' | 'extra'>;
  const picks = drawnCrew(db, auditId);
  const i = db
    .prepare(
      `SELECT count(DISTINCT i.crew_member_id) AS interviewed,
         count(DISTINCT CASE WHEN ic.randomly_selected = 1 THEN i.crew_member_id END) AS interviewedRandomlySelected,
         count(DISTINCT CASE WHEN ic.without_officers = 1 THEN i.crew_member_id END) AS interviewedWithoutOfficers
       FROM interviews i LEFT JOIN interview_conditions ic ON ic.interview_id = i.id
       WHERE i.audit_id = ? AND i.consent_agreed = 1`,
    )
    .get(auditId) as Pick<CrewCounts, 'interviewed' | 'interviewedRandomlySelected' | 'interviewedWithoutOfficers'>;
  return { ...c, randomlySelected: picks.size, ...i };
}
