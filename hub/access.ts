import { auditDocName, parseDocName, type Role } from '../shared/sync';
import type { HubDocMeta } from './store';

export interface Access {
  allow: boolean;
  readOnly: boolean;
  reason?: string;
}

export interface Principal {
  role: Role;
  agency: string;
}

const deny = (reason: string): Access => ({ allow: false, readOnly: true, reason });
const write: Access = { allow: true, readOnly: false };
const read: Access = { allow: true, readOnly: true };

/**
 * Who may open which document (roles per document):
 * - inspector: its own agency's audits, read-write
 * - union rep: union-confidential audits of its agency, read-write; invisible to everyone else unless shared
 * - port authority: vessel registry read-write; audits only when shared with it, read-only
 * - an audit's summary (summary:<auditId>, counts and sums only): written by whoever may write the
 *   audit, read by whoever may read it and by the port authority, which the impact figures are for
 *   (the device publishes a union-confidential audit's summary only while the union shares aggregates)
 * A document the hub has never seen may be created by a writer of the role that would own it.
 * The hub enforces read-only itself (Hocuspocus drops a read-only connection's updates).
 * `metaOf` finds another document's record (a summary follows its audit).
 */
export function decideAccess(who: Principal, docName: string, meta: HubDocMeta | null, metaOf: (doc: string) => HubDocMeta | null = () => null): Access {
  const parsed = parseDocName(docName);
  if (!parsed) return deny(`"${docName}" is not a Gangway document name.`);
  if (parsed.kind === 'summary') {
    const audit = decideAccess(who, auditDocName(parsed.key), metaOf(auditDocName(parsed.key)));
    if (audit.allow && !audit.readOnly) return write;
    return who.role === 'port_authority' || audit.allow ? read : deny(audit.reason ?? 'This audit has not been shared with you.');
  }
  if (parsed.kind === 'vessel') {
    if (who.role === 'port_authority' || !meta) return write;
    return read;
  }
  if (parsed.kind === 'index') {
    if (parsed.key !== who.agency) return deny("Another agency's index is not shared with you.");
    return who.role === 'port_authority' ? read : write;
  }
  // audit
  if (!meta || meta.agency === null) {
    return who.role === 'port_authority' ? deny('No such audit has been shared with the port authority.') : write;
  }
  const shared = meta.sharedWith.includes(who.role);
  if (meta.confidentiality === 'union') {
    if (who.role === 'union_rep' && who.agency === meta.agency) return write;
    return shared ? read : deny('This audit is union-confidential and has not been shared with you.');
  }
  if (who.agency === meta.agency && who.role !== 'port_authority') return write;
  return shared ? read : deny("This audit belongs to another agency and has not been shared with you.");
}
