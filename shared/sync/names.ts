import { z } from 'zod';
import { Id } from '../domain/ids';

/**
 * Every shared document has a name that says what it holds. One document per
 * audit and per vessel keeps each one small (well under a few MB); there is
 * never one document per fleet.
 */
export const DocKind = z.enum(['audit', 'vessel', 'index', 'summary']);
export type DocKind = z.infer<typeof DocKind>;

export const Agency = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'an agency is a short lowercase slug, e.g. "dof-songkhla"');

export const DocName = z.union([
  z.templateLiteral(['audit:', Id]),
  z.templateLiteral(['vessel:', Id]),
  z.templateLiteral(['index:', Agency]),
  // An audit's impact summary (summaryDoc.ts): counts and sums only, readable by the hub and the port authority.
  z.templateLiteral(['summary:', Id]),
]);
export type DocName = z.infer<typeof DocName>;

export const auditDocName = (auditId: string): DocName => `audit:${auditId}` as DocName;
export const vesselDocName = (vesselId: string): DocName => `vessel:${vesselId}` as DocName;
export const indexDocName = (agency: string): DocName => `index:${agency}` as DocName;
export const summaryDocName = (auditId: string): DocName => `summary:${auditId}` as DocName;

export interface ParsedDocName {
  kind: DocKind;
  key: string;
}

/** Splits a document name; null when the name is not one Gangway makes. */
export function parseDocName(name: string): ParsedDocName | null {
  if (!DocName.safeParse(name).success) return null;
  const at = name.indexOf(':');
  return { kind: name.slice(0, at) as DocKind, key: name.slice(at + 1) };
}
