import crypto from 'node:crypto';
import { CrewMember, CrewMemberInput } from '../../shared/domain/crew';
import { GangwayError } from '../../shared/errors';
import { CrewIdentity } from '../../shared/forms/session';
import { inTransaction, type Db } from '../store/database';
import { now, nullToUndefined } from '../store/repos/rows';
import { vesselExists } from '../store/repos/vessels';
import type { Vault } from '../vault/vault';

/**
 * Crew members as the audit knows them (a pseudonym), and their identity
 * (name, passport or seafarer ID, phone) sealed in a table of its own, so the
 * interviews never hold a name and the identity never holds an answer.
 */

const identityContext = (crewMemberId: string) => `identity:${crewMemberId}`;

interface CrewRow {
  id: string;
  vessel_id: string;
  pseudonym: string;
  role: string;
  nationality: string | null;
  languages: string;
  on_board_from: string | null;
  on_board_to: string | null;
}

function toCrew(r: CrewRow): CrewMember {
  return CrewMember.parse(
    nullToUndefined({
      id: r.id,
      vesselId: r.vessel_id,
      pseudonym: r.pseudonym,
      role: r.role,
      nationality: r.nationality,
      languages: JSON.parse(r.languages) as string[],
      onBoardFrom: r.on_board_from,
      onBoardTo: r.on_board_to,
    }),
  );
}

export function addCrewMember(db: Db, vault: Vault, input: CrewMemberInput & { identity?: CrewIdentity }): CrewMember {
  const c = CrewMemberInput.parse(input);
  const identity = input.identity ? CrewIdentity.parse(input.identity) : undefined;
  const id = crypto.randomUUID();
  // Seal before writing: a locked vault refuses here and nothing is stored.
  const envelope = identity ? vault.sealJson(identity, identityContext(id)) : undefined;
  if (!vesselExists(db, c.vesselId)) throw new GangwayError('NOT_FOUND', 'That vessel is not in the registry.');
  if (db.prepare('SELECT 1 FROM crew_members WHERE vessel_id = ? AND pseudonym = ?').get(c.vesselId, c.pseudonym)) {
    throw new GangwayError('CONFLICT', `The pseudonym "${c.pseudonym}" is already used on this vessel. Choose another.`);
  }
  inTransaction(db, () => {
    db.prepare(
      'INSERT INTO crew_members (id, vessel_id, pseudonym, role, nationality, languages, on_board_from, on_board_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, c.vesselId, c.pseudonym, c.role, c.nationality ?? null, JSON.stringify(c.languages), c.onBoardFrom ?? null, c.onBoardTo ?? null, now());
    if (envelope) db.prepare('INSERT INTO crew_identities (crew_member_id, envelope, updated_at) VALUES (?, ?, ?)').run(id, envelope, now());
  });
  return getCrewMember(db, id);
}

export function getCrewMember(db: Db, id: string): CrewMember {
  const row = db.prepare('SELECT * FROM crew_members WHERE id = ?').get(id) as CrewRow | undefined;
  if (!row) throw new GangwayError('NOT_FOUND', 'That crew member is not recorded.');
  return toCrew(row);
}

export function listCrew(db: Db, vesselId: string): CrewMember[] {
  return (db.prepare('SELECT * FROM crew_members WHERE vessel_id = ? ORDER BY pseudonym').all(vesselId) as CrewRow[]).map(toCrew);
}

export function getIdentity(db: Db, vault: Vault, crewMemberId: string): CrewIdentity | null {
  const row = db.prepare('SELECT envelope FROM crew_identities WHERE crew_member_id = ?').get(crewMemberId) as { envelope: Buffer } | undefined;
  if (!row) return null;
  return CrewIdentity.parse(vault.openJson(row.envelope, identityContext(crewMemberId)));
}
