import { z } from 'zod';
import { Id, IsoDateTime, Sha256 } from '../domain/ids';
import { ImportIssue } from './schemas';

export const WageFileKind = z.enum(['statement', 'payroll', 'contracts']);
export type WageFileKind = z.infer<typeof WageFileKind>;

export const WageEncoding = z.enum(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-874', 'tis-620']);

/** What the wizard sends: which vessel, what kind of file, and how to read it. */
export const WageImportRequest = z.object({
  vesselId: Id,
  auditId: Id.optional(),
  kind: WageFileKind,
  filename: z.string().max(260).optional(),
  encoding: WageEncoding.default('auto'),
  /** Name of a saved or built-in column mapping; omitted = match by header. */
  profile: z.string().optional(),
  /** Account number when a statement does not name it. */
  account: z.string().max(40).optional(),
});
export type WageImportRequest = z.input<typeof WageImportRequest>;

export const SampleRow = z.object({ line: z.number().int(), cells: z.record(z.string(), z.string()) });

export const WageImportPreview = z.object({
  kind: WageFileKind,
  format: z.string(),
  encoding: z.string().optional(),
  profile: z.string().optional(),
  rows: z.number().int(),
  newRows: z.number().int(),
  alreadyStored: z.number().int(),
  issues: z.array(ImportIssue),
  sample: z.array(SampleRow),
});
export type WageImportPreview = z.infer<typeof WageImportPreview>;

export const WageImportResult = z.object({
  importId: Id,
  sha256: Sha256,
  rows: z.number().int(),
  added: z.number().int(),
  alreadyStored: z.number().int(),
});
export type WageImportResult = z.infer<typeof WageImportResult>;

export const WageImportRecord = z.object({
  id: Id,
  vesselId: Id,
  auditId: Id.optional(),
  kind: WageFileKind,
  format: z.string(),
  sha256: Sha256,
  filename: z.string().optional(),
  encoding: z.string().optional(),
  profile: z.string().optional(),
  rowCount: z.number().int(),
  addedCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type WageImportRecord = z.infer<typeof WageImportRecord>;
