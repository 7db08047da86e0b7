import type { Db } from '../store/database';
import { EvidenceLog, sha256Hex } from './log';

export interface ReportSeal {
  /** The report's own leaf in the evidence log. */
  index: number;
  contentHash: string;
  origin: string;
  /** The checkpoint signed right after the report was logged (it covers the report's leaf). */
  checkpointSize: number;
  checkpointRoot: string;
  /** One line for the report's footer. */
  footer: string;
}

/**
 * Logs a report (the hash of its content, before the footer that names it)
 * and signs a checkpoint that covers it, so the footer can carry both: which
 * entry of which log the report is, and the checkpoint a bundle proves it in.
 */
export function sealReport(db: Db, auditId: string, content: Uint8Array | string): ReportSeal {
  const log = new EvidenceLog(db);
  const contentHash = sha256Hex(content);
  const { index } = log.append({ kind: 'report', auditId, subject: `report:${auditId}`, contentHash, action: 'report produced' });
  const cp = log.checkpoint(`report of audit ${auditId}`);
  const origin = log.key().origin;
  const root = Buffer.from(log.root(cp.size)).toString('base64');
  return {
    index,
    contentHash,
    origin,
    checkpointSize: cp.size,
    checkpointRoot: root,
    footer: `Evidence log ${origin}, entry ${index} (content SHA-256 ${contentHash}); checkpoint ${cp.size} ${root}. Verify with gangway evidence export and verify.`,
  };
}
