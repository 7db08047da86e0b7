import type * as Y from 'yjs';
import { auditParts } from './auditDoc';
import type { DocKind } from './names';

/**
 * What no replica may take away from a document once the hub holds it:
 * findings and evidence references (append-only: "amend by adding, not by
 * rewriting"), and the audit's owning agency and confidentiality, which decide
 * who may read it. Returns one sentence per violation; empty means the change
 * is acceptable.
 */
export function protectedContentLost(kind: DocKind, before: Y.Doc, after: Y.Doc): string[] {
  if (kind !== 'audit') return [];
  const problems: string[] = [];
  const b = auditParts(before);
  const a = auditParts(after);
  const entries = (arr: Y.Array<Record<string, unknown>>) => arr.toArray().map((e) => JSON.stringify(e));
  for (const [name, was, now] of [
    ['finding', entries(b.findings), entries(a.findings)],
    ['evidence reference', entries(b.evidence), entries(a.evidence)],
  ] as const) {
    const remaining = new Map<string, number>();
    for (const e of now) remaining.set(e, (remaining.get(e) ?? 0) + 1);
    for (const e of was) {
      const n = remaining.get(e) ?? 0;
      if (n === 0) {
        problems.push(`a ${name} was deleted or rewritten (${e.slice(0, 80)})`);
        break;
      }
      remaining.set(e, n - 1);
    }
  }
  for (const key of ['auditId', 'agency', 'confidentiality'] as const) {
    const was = b.meta.get(key);
    if (was !== undefined && a.meta.get(key) !== was) problems.push(`the audit's ${key} was changed from "${String(was)}"`);
  }
  return problems;
}
