import type { CrewReconciliation } from '../../shared/api/methods/crew';
import { crewDifferences, crewRollup, minimumAge } from '../../shared/audit/crewDifferences';
import type { Db } from '../store/database';
import { crewCounts, listAuditCrew } from '../store/repos/auditCrew';
import { getAudit } from '../store/repos/audits';
import { getVessel } from '../store/repos/vessels';

/** The crew list screen's whole state: rows, differences as findings-to-be, roll-up, counts. */
export function crewReconciliation(db: Db, auditId: string): CrewReconciliation {
  const audit = getAudit(db, auditId);
  const vessel = getVessel(db, audit.vesselId);
  const crew = listAuditCrew(db, auditId);
  const ctx = { auditDate: audit.date, ...(vessel.flag ? { flag: vessel.flag } : {}) };
  return { crew, differences: crewDifferences(crew, ctx), rollup: crewRollup(crew, ctx), counts: crewCounts(db, auditId), minimumAge: minimumAge(vessel.flag) };
}
