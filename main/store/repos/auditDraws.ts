import crypto from 'node:crypto';
import { drawFromSeed } from '../../../shared/audit/draw';
import { Draw } from '../../../shared/audit/records';
import { GangwayError } from '../../../shared/errors';
import type { Db } from '../database';
import { inTransaction } from '../database';
import { assertAuditEditable } from './auditLock';
import { getAudit } from './audits';
import { now } from './rows';

/**
 * All SQL of audit_draws and interview_conditions. The pool is the crew
 * ticked present, less the captain and officers (the interviews are of the
 * crew they command) and less anyone drawn before, in pseudonym order.
 */

interface DrawRow {
  id: string;
  audit_id: string;
  seed: string;
  pool: string;
  count: number;
  picks: string;
  drawn_at: string;
}

function pseudonyms(db: Db, ids: readonly string[]): Map<string, string> {
  const stmt = db.prepare('SELECT pseudonym FROM crew_members WHERE id = ?');
  return new Map(ids.map((id) => [id, (stmt.get(id) as { pseudonym: string } | undefined)?.pseudonym ?? '?']));
}

function toDraw(db: Db, r: DrawRow): Draw {
  const picks = JSON.parse(r.picks) as string[];
  const names = pseudonyms(db, picks);
  return Draw.parse({ id: r.id, auditId: r.audit_id, seed: r.seed, pool: JSON.parse(r.pool), count: r.count, picks: picks.map((id) => ({ crewMemberId: id, pseudonym: names.get(id) })), drawnAt: r.drawn_at });
}

export function listDraws(db: Db, auditId: string): Draw[] {
  getAudit(db, auditId);
  return (db.prepare('SELECT * FROM audit_draws WHERE audit_id = ? ORDER BY drawn_at, rowid').all(auditId) as DrawRow[]).map((r) => toDraw(db, r));
}

export function drawnCrew(db: Db, auditId: string): Set<string> {
  const out = new Set<string>();
  for (const r of db.prepare('SELECT picks FROM audit_draws WHERE audit_id = ?').all(auditId) as { picks: string }[]) for (const id of JSON.parse(r.picks) as string[]) out.add(id);
  return out;
}

export function drawInterviewees(db: Db, auditId: string, count: number): Draw {
  return inTransaction(db, () => {
    assertAuditEditable(db, auditId, 'interviewee draw');
    const before = drawnCrew(db, auditId);
    const pool = (
      db
        .prepare(
          `SELECT ac.crew_member_id AS id FROM audit_crew ac JOIN crew_members m ON m.id = ac.crew_member_id
           WHERE ac.audit_id = ? AND ac.present = 1 AND ac.role NOT IN ('captain', 'officer') ORDER BY m.pseudonym`,
        )
        .all(auditId) as { id: string }[]
    )
      .map((r) => r.id)
      .filter((id) => !before.has(id));
    if (pool.length === 0) {
      throw new GangwayError('CONFLICT', before.size > 0 ? 'Everyone present has been drawn already.' : 'No crew is ticked present yet. Reconcile the crew list first: tick who is on board.');
    }
    const seed = crypto.randomBytes(16).toString('hex');
    const picks = drawFromSeed(seed, pool, count);
    const id = crypto.randomUUID();
    db.prepare('INSERT INTO audit_draws (id, audit_id, seed, pool, count, picks, drawn_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, auditId, seed, JSON.stringify(pool), count, JSON.stringify(picks), now());
    return toDraw(db, db.prepare('SELECT * FROM audit_draws WHERE id = ?').get(id) as DrawRow);
  });
}

const VESSEL_COMMAND = new Set(['captain', 'officer']);

/** How an interview was held, in clear: randomly selected, and without the captain or officers in the room. */
export function recordInterviewConditions(db: Db, interview: { id: string; auditId: string; crewMemberId: string }, present: readonly string[]): void {
  const random = drawnCrew(db, interview.auditId).has(interview.crewMemberId);
  const withoutOfficers = !present.some((p) => VESSEL_COMMAND.has(p));
  db.prepare('INSERT INTO interview_conditions (interview_id, randomly_selected, without_officers, recorded_at) VALUES (?, ?, ?, ?) ON CONFLICT (interview_id) DO NOTHING').run(
    interview.id,
    random ? 1 : 0,
    withoutOfficers ? 1 : 0,
    now(),
  );
}

export function interviewConditions(db: Db, auditId: string): { interviewId: string; crewMemberId: string; randomlySelected: boolean; withoutOfficers: boolean }[] {
  return (
    db
      .prepare(
        `SELECT i.id AS interviewId, i.crew_member_id AS crewMemberId, ic.randomly_selected AS r, ic.without_officers AS w
         FROM interviews i JOIN interview_conditions ic ON ic.interview_id = i.id WHERE i.audit_id = ? ORDER BY i.started_at`,
      )
      .all(auditId) as { interviewId: string; crewMemberId: string; r: number; w: number }[]
  ).map((x) => ({ interviewId: x.interviewId, crewMemberId: x.crewMemberId, randomlySelected: x.r === 1, withoutOfficers: x.w === 1 }));
}
