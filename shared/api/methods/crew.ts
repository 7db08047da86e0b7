import { z } from 'zod';
import { method } from '../contract';
import { AuditCrewFields, AuditCrewMember, CrewListEntry, CrewListIssue } from '../../audit/crew';
import { Difference, Rollup } from '../../audit/crewDifferences';
import { Draw } from '../../audit/records';
import { Id } from '../../domain/ids';

const FileData = z.string().max(30_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'must be the file as base64');

export const CrewCounts = z.object({
  declared: z.number().int(),
  present: z.number().int(),
  missing: z.number().int(),
  extra: z.number().int(),
  randomlySelected: z.number().int(),
  interviewed: z.number().int(),
  interviewedRandomlySelected: z.number().int(),
  interviewedWithoutOfficers: z.number().int(),
});

export const CrewReconciliation = z.object({
  crew: z.array(AuditCrewMember),
  /** Findings-to-be: missing, extra, identity mismatch, under age, documents held… */
  differences: z.array(Difference),
  /** Per-crew checklist items as the crew list has them. */
  rollup: z.record(z.string(), Rollup),
  counts: CrewCounts,
  minimumAge: z.number().int(),
});
export type CrewReconciliation = z.infer<typeof CrewReconciliation>;

export const crewMethods = {
  'crew.list': method({
    summary: "An audit's crew list reconciliation: who is declared, who is present, the differences and the per-crew checklist roll-up",
    input: z.object({ auditId: Id }),
    output: CrewReconciliation,
  }),
  'crew.add': method({
    summary: 'Add people to the crew list at once (declared crew, or found on board with declared: false); names go to the vault',
    input: z.object({ auditId: Id, entries: z.array(CrewListEntry).min(1).max(500) }),
    output: z.array(AuditCrewMember),
  }),
  'crew.update': method({
    summary: 'Record what was checked about one or more people: present, identity, contract, medical, age, who holds passport and ATM card',
    input: z.object({ auditId: Id, crewMemberIds: z.array(Id).min(1).max(500), fields: AuditCrewFields.partial() }),
    output: z.array(AuditCrewMember),
  }),
  'crew.import': method({
    summary: 'Import a declared crew list (CSV or XLSX, base64): all rows or none; preview: only read it and list the problems',
    input: z.object({ auditId: Id, filename: z.string().min(1).max(255), data: FileData, preview: z.boolean().default(false) }),
    output: z.object({ rows: z.number().int(), issues: z.array(CrewListIssue), added: z.array(AuditCrewMember) }),
  }),
  'crew.template': method({ summary: 'The crew list template as CSV (docs/crew-list.md)', input: z.object({}).default({}), output: z.object({ filename: z.string(), csv: z.string() }) }),
  'crew.draw': method({
    summary: 'Draw interviewees at random from the crew present (not yet drawn); the seed is stored so the draw can be re-run',
    input: z.object({ auditId: Id, count: z.number().int().min(1).max(200) }),
    output: Draw,
  }),
  'crew.draws': method({ summary: "An audit's draws of interviewees, oldest first", input: z.object({ auditId: Id }), output: z.array(Draw) }),
};
