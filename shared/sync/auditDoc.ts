import * as Y from 'yjs';
import { z } from 'zod';
import { AuditStatus, ChecklistResult, Finding } from '../domain/audit';
import { CrewRole } from '../domain/crew';
import { Id, IsoDate, IsoDateTime } from '../domain/ids';
import { GangwayError, validationError } from '../errors';
import { EvidenceRef } from './evidenceRef';
import { Agency } from './names';
import { Confidentiality, Role } from './roles';

/**
 * The shape of one audit's shared document. Top-level types (Yjs names them
 * on the root, so every replica agrees without coordination):
 * - meta       Y.Map    the audit row plus who owns and may see it
 * - findings   Y.Array  append-only Finding entries (amend by adding one with `amends`)
 * - evidence   Y.Array  append-only EvidenceRef entries (content hash, never content)
 * - checklist  Y.Map    code -> ChecklistEntry (last writer wins per item)
 * - notes      Y.Text   the inspector's working notes (never interview content)
 * - crew       Y.Map    pseudonym -> CrewEntry (pseudonyms only; names stay in the vault)
 * - summaries  Y.Map    'indicators' | 'wages' -> JSON summary
 */
export const AuditMeta = z.object({
  auditId: Id,
  vesselId: Id,
  vesselName: z.string(),
  place: z.string(),
  date: IsoDate,
  inspector: z.string(),
  status: AuditStatus,
  agency: Agency,
  confidentiality: Confidentiality,
  sharedWith: z.array(Role),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type AuditMeta = z.infer<typeof AuditMeta>;

export const ChecklistEntry = z.object({
  result: ChecklistResult,
  note: z.string().max(4000).optional(),
  updatedAt: IsoDateTime,
});
export type ChecklistEntry = z.infer<typeof ChecklistEntry>;

export const CrewEntry = z.object({
  pseudonym: z.string().min(1).max(40),
  role: CrewRole,
  nationality: z.string().optional(),
  languages: z.array(z.string()).default([]),
});
export type CrewEntry = z.infer<typeof CrewEntry>;

export const SummaryKey = z.enum(['indicators', 'wages']);
export type SummaryKey = z.infer<typeof SummaryKey>;

/** A summary is numbers and codes only (JSON); interview text never belongs here. */
export const Summary = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.union([z.number(), z.string()]))]));
export type Summary = z.infer<typeof Summary>;

export interface AuditDocView {
  meta: AuditMeta | null;
  findings: Finding[];
  evidence: EvidenceRef[];
  checklist: Record<string, ChecklistEntry>;
  notes: string;
  crew: CrewEntry[];
  summaries: Partial<Record<SummaryKey, Summary>>;
  /** Entries a replica wrote that do not validate: kept in the document, left out of the view. */
  skipped: number;
}

type Json = Record<string, unknown>;

export const auditParts = (doc: Y.Doc) => ({
  meta: doc.getMap<unknown>('meta'),
  findings: doc.getArray<Json>('findings'),
  evidence: doc.getArray<Json>('evidence'),
  checklist: doc.getMap<Json>('checklist'),
  notes: doc.getText('notes'),
  crew: doc.getMap<Json>('crew'),
  summaries: doc.getMap<Json>('summaries'),
});

/** Drops keys whose value is undefined: Yjs cannot hold undefined. */
function plain<T extends object>(value: T): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** Writes the meta fields that changed; `agency` and `confidentiality` once set are the hub's to guard. */
export function writeAuditMeta(doc: Y.Doc, meta: AuditMeta): void {
  const parsed = AuditMeta.safeParse(meta);
  if (!parsed.success) throw validationError('Audit document meta', parsed.error);
  const map = auditParts(doc).meta;
  doc.transact(() => {
    for (const [key, value] of Object.entries(plain(parsed.data))) {
      const current = map.get(key);
      if (JSON.stringify(current) !== JSON.stringify(value)) map.set(key, value);
    }
  });
}

export function readAuditMeta(doc: Y.Doc): AuditMeta | null {
  const parsed = AuditMeta.safeParse(auditParts(doc).meta.toJSON());
  return parsed.success ? parsed.data : null;
}

/** Appends a finding unless one with the same id is already there (appending is idempotent). */
export function appendFinding(doc: Y.Doc, finding: Finding): boolean {
  const parsed = Finding.safeParse(finding);
  if (!parsed.success) throw validationError('Finding for the shared document', parsed.error);
  const findings = auditParts(doc).findings;
  if (findings.toArray().some((f) => f['id'] === parsed.data.id)) return false;
  findings.push([plain(parsed.data)]);
  return true;
}

export function appendEvidence(doc: Y.Doc, ref: EvidenceRef): boolean {
  const parsed = EvidenceRef.safeParse(ref);
  if (!parsed.success) throw validationError('Evidence reference', parsed.error);
  const evidence = auditParts(doc).evidence;
  const key = (e: Json) => `${String(e['sha256'])}/${String(e['findingId'] ?? '')}`;
  const mine = key(parsed.data);
  if (evidence.toArray().some((e) => key(e) === mine)) return false;
  evidence.push([plain(parsed.data)]);
  return true;
}

export function setChecklistEntry(doc: Y.Doc, code: string, entry: ChecklistEntry): void {
  const parsed = ChecklistEntry.safeParse(entry);
  if (!parsed.success) throw validationError(`Checklist item ${code}`, parsed.error);
  auditParts(doc).checklist.set(code, plain(parsed.data));
}

export function setCrewEntry(doc: Y.Doc, entry: CrewEntry): void {
  const parsed = CrewEntry.safeParse(entry);
  if (!parsed.success) throw validationError('Crew entry', parsed.error);
  auditParts(doc).crew.set(parsed.data.pseudonym, plain(parsed.data));
}

export function setSummary(doc: Y.Doc, key: SummaryKey, summary: Summary): void {
  const parsed = Summary.safeParse(summary);
  if (!parsed.success) throw validationError(`Summary ${key}`, parsed.error);
  auditParts(doc).summaries.set(key, plain(parsed.data));
}

/** Replaces the notes with `text` by the smallest edit, so concurrent edits elsewhere in the text survive. */
export function setNotes(doc: Y.Doc, text: string): void {
  const notes = auditParts(doc).notes;
  const old = notes.toString();
  if (old === text) return;
  let start = 0;
  while (start < old.length && start < text.length && old[start] === text[start]) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old[endOld - 1] === text[endNew - 1]) {
    endOld--;
    endNew--;
  }
  doc.transact(() => {
    if (endOld > start) notes.delete(start, endOld - start);
    if (endNew > start) notes.insert(start, text.slice(start, endNew));
  });
}

/** A validated view of the document, for the tables and the UI. Bad entries are skipped and counted. */
export function readAuditDoc(doc: Y.Doc): AuditDocView {
  const parts = auditParts(doc);
  let skipped = 0;
  const keep = <T>(schema: z.ZodType<T>, raw: unknown): T | null => {
    const r = schema.safeParse(raw);
    if (!r.success) skipped++;
    return r.success ? r.data : null;
  };
  // Two replicas may append the same finding concurrently; the first in array order stands for both.
  const seen = new Set<string>();
  const findings = parts.findings
    .toArray()
    .map((f) => keep(Finding, f))
    .filter((f): f is Finding => f !== null && !seen.has(f.id) && seen.add(f.id) !== undefined);
  const evidence = parts.evidence.toArray().map((e) => keep(EvidenceRef, e)).filter((e): e is EvidenceRef => e !== null);
  const checklist: Record<string, ChecklistEntry> = {};
  for (const [code, raw] of parts.checklist.entries()) {
    const entry = keep(ChecklistEntry, raw);
    if (entry) checklist[code] = entry;
  }
  const crew = [...parts.crew.values()].map((c) => keep(CrewEntry, c)).filter((c): c is CrewEntry => c !== null);
  crew.sort((a, b) => a.pseudonym.localeCompare(b.pseudonym));
  const summaries: Partial<Record<SummaryKey, Summary>> = {};
  for (const key of SummaryKey.options) {
    const raw = parts.summaries.get(key);
    if (raw === undefined) continue;
    const s = keep(Summary, raw);
    if (s) summaries[key] = s;
  }
  const metaRaw = parts.meta.toJSON();
  const meta = Object.keys(metaRaw).length === 0 ? null : keep(AuditMeta, metaRaw);
  return { meta, findings, evidence, checklist, notes: parts.notes.toString(), crew, summaries, skipped };
}

/** Ensures an audit document belongs to the audit it is named for. */
export function assertAuditDocFor(doc: Y.Doc, auditId: string): void {
  const id = auditParts(doc).meta.get('auditId');
  if (id !== undefined && id !== auditId) {
    throw new GangwayError('CONFLICT', `The shared document for audit ${auditId} holds audit ${String(id)}. Reset it from the hub.`);
  }
}
