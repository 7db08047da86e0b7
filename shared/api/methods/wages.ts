import { z } from 'zod';
import { method } from '../contract';
import { Id } from '../../domain/ids';
import { FloorEntry } from '../../wages/floor';
import { WageImportPreview, WageImportRecord, WageImportRequest, WageImportResult } from '../../wages/import-schemas';
import { StatementProfile, Transaction, WageReport } from '../../wages/schemas';
import { AtSeaInterval, WageSettings } from '../../wages/settings';

/** The file travels as base64 over both transports (IPC and HTTP); 50 MB is far above any statement. */
const FileData = z.string().max(70_000_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'must be the file as base64');
const ImportInput = WageImportRequest.extend({ data: FileData });

export const wageMethods = {
  'wages.preview': method({
    summary: 'Read a bank statement, payroll or contracts file and show what importing it would add, with every row-level problem; writes nothing',
    input: ImportInput,
    output: WageImportPreview,
  }),
  'wages.import': method({
    summary: 'Import a wage file atomically (all rows or none), keeping the original as evidence; rows already stored are skipped',
    input: ImportInput,
    output: WageImportResult,
  }),
  'wages.imports': method({ summary: "A vessel's wage imports, newest first", input: z.object({ vesselId: Id }), output: z.array(WageImportRecord) }),
  'wages.reconcile': method({
    summary: 'Per crew member and month: expected, paid, deductions, suspected diverted and shortfall; totals per vessel',
    input: z.object({ vesselId: Id, settings: WageSettings.optional(), atSea: z.array(AtSeaInterval).optional() }),
    output: WageReport,
  }),
  'wages.transactions': method({
    summary: 'The transactions behind a flag',
    input: z.object({ vesselId: Id, identities: z.array(z.string()).max(1000) }),
    output: z.array(Transaction),
  }),
  'wages.floor.list': method({ summary: 'The legal-floor table (minimum wages with their source)', input: z.object({}).default({}), output: z.array(FloorEntry) }),
  'wages.floor.set': method({ summary: 'Add or change one legal-floor entry', input: FloorEntry, output: z.array(FloorEntry) }),
  'wages.profiles.list': method({ summary: 'Saved and built-in statement column mappings', input: z.object({}).default({}), output: z.array(StatementProfile) }),
  'wages.profiles.save': method({ summary: 'Save a statement column mapping under its name', input: StatementProfile, output: z.array(StatementProfile) }),
};
