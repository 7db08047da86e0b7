import { z } from 'zod';
import { Span } from './span';

/**
 * Statistical disclosure control, as national statistical offices apply it
 * to published tables (Hundepool et al., "Statistical Disclosure Control",
 * Wiley 2012, ch. 4; Eurostat's SDC handbook):
 * - threshold rule: a figure resting on fewer than K_MIN crew interviewed is
 *   not published ("primary suppression"), because a reader who knows the
 *   vessel could tell what two or three crew members said;
 * - dominance rule (n = 2, k = 85 %): a money figure where the two largest
 *   vessels make more than 85 % of the sum is not published, because either
 *   of them could subtract its own share and learn the other's;
 * - complementary suppression: further figures are withheld until no
 *   withheld figure, and no small group of base cells, can be computed from
 *   the published ones (row and column totals, the periods of a comparison).
 *   The check is exact linear algebra over the base cells (span.ts), not a
 *   "two per row" rule of thumb, so it also covers the totals of a
 *   before/after comparison cutting across the table.
 * What remains possible is bounding a withheld figure (it is ≥ 0 and ≤ its
 * total); that is the residual risk of every published table.
 */
export const K_MIN = 5;
/** Estimates on fewer crew are shown, but flagged as unreliable (a 95 % interval wider than about ±18 points). */
export const RELIABLE_N = 30;
export const DOMINANCE_VESSELS = 2;
export const DOMINANCE_SHARE = 0.85;

export const SuppressionReason = z.enum(['fewer_than_5_interviewed', 'fewer_than_5_crew_with_records', 'dominated_by_two_vessels', 'complementary']);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

export const REASON_TEXT: Record<SuppressionReason, string> = {
  fewer_than_5_interviewed: `fewer than ${K_MIN} crew interviewed`,
  fewer_than_5_crew_with_records: `fewer than ${K_MIN} crew with wage records`,
  dominated_by_two_vessels: `two vessels make more than ${DOMINANCE_SHARE * 100} % of the sum`,
  complementary: 'protects another withheld figure from being worked out from the totals',
};

export interface ProtectedItem {
  /** The base cells this figure sums (indices below `width`). */
  cells: readonly number[];
  /** false for a base cell that is never shown itself but must not be derivable either. */
  published: boolean;
  /** Primary suppression, decided by the caller's rule (threshold, dominance). */
  primary: SuppressionReason | null;
  /** The figure's weight: complementary suppression withholds the smallest figures first. */
  n: number;
}

/** True when the two largest contributions make more than 85 % of the (positive) total. */
export function dominated(contributions: readonly number[]): boolean {
  const total = contributions.reduce((s, v) => s + v, 0);
  if (total <= 0) return false;
  const top = [...contributions].sort((a, b) => b - a).slice(0, DOMINANCE_VESSELS).reduce((s, v) => s + v, 0);
  return top > DOMINANCE_SHARE * total;
}

export function thresholdReason(n: number, reason: SuppressionReason = 'fewer_than_5_interviewed'): SuppressionReason | null {
  return n > 0 && n < K_MIN ? reason : null;
}

/**
 * Decides which figures to withhold. Returns, per item, null (publish) or
 * why it is withheld. Items with a primary reason are always withheld; then,
 * while some withheld figure (or unpublished small base cell) lies in the
 * span of the published figures, the smallest published figure that shares a
 * base cell with it and breaks the derivation is withheld too.
 */
export function protect(items: readonly ProtectedItem[], width: number): (SuppressionReason | null)[] {
  const status: (SuppressionReason | null)[] = items.map((i) => (i.published ? i.primary : null));
  const targets = items.map((i, at) => ({ i, at })).filter(({ i }) => i.primary !== null && i.cells.length > 0);
  const spanWithout = (skip: number): Span => {
    const span = new Span(width);
    items.forEach((i, at) => {
      if (i.published && status[at] === null && at !== skip) span.add(i.cells);
    });
    return span;
  };
  for (let guard = 0; guard <= items.length; guard++) {
    const span = spanWithout(-1);
    const leak = targets.find(({ i }) => span.contains(i.cells));
    if (!leak) return publishDerivable(items, status, span);
    // Candidates lie on the same lines as the target: figures sharing a base cell with a figure that covers part of it.
    const mine = new Set(leak.i.cells);
    const lines = items.filter((i) => i.published && i.cells.some((c) => mine.has(c)));
    const near = new Set(lines.flatMap((i) => i.cells));
    const candidates = items
      .map((i, at) => ({ i, at }))
      .filter(({ i, at }) => i.published && status[at] === null && i.cells.some((c) => near.has(c)))
      .sort((a, b) => a.i.n - b.i.n || a.i.cells.length - b.i.cells.length || a.at - b.at);
    if (candidates.length === 0) return status; // cannot happen: the target's own lines are candidates
    // Try the few smallest first; one that alone breaks the derivation loses the least.
    const breaking = candidates.slice(0, 8).find(({ at }) => !spanWithout(at).contains(leak.i.cells));
    status[(breaking ?? candidates[0]!).at] = 'complementary';
  }
  return status;
}

/**
 * A complementary cell that the published figures determine anyway protects
 * nothing: publish it. Adding what is already in the span leaves the span as
 * it is, so no primary cell becomes derivable.
 */
function publishDerivable(items: readonly ProtectedItem[], status: (SuppressionReason | null)[], span: Span): (SuppressionReason | null)[] {
  items.forEach((i, at) => {
    if (status[at] === 'complementary' && span.contains(i.cells)) status[at] = null;
  });
  return status;
}
