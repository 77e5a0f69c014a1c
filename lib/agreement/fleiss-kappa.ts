import { categoryIndex } from './category-index';
import type { KappaUndefinedReason } from './types';

export type FleissKappa = {
  kappa: number | null;
  /** Mean agreement within an item (Fleiss's P̄); null when no item was used. */
  pBar: number | null;
  /** Agreement expected by chance from the pooled category proportions (P̄e); null when no item was used. */
  pBarE: number | null;
  /** Items in the statistic. */
  n: number;
  /** Ratings per item (m): the most that any item received. */
  raters: number;
  /** Positions in the input of the items in the statistic. */
  itemsUsed: number[];
  reason: KappaUndefinedReason | null;
};

/**
 * Fleiss' (1971) kappa for a fixed number of ratings per item; the raters need not be the same people on every
 * item. The formula needs every item to have the same number of ratings m, so m is the most any item received
 * and items with fewer are left out (the caller sees which through itemsUsed) rather than padded or reweighted.
 */
export function fleissKappa<A>(ratings: ReadonlyArray<readonly A[]>, categories: readonly A[]): FleissKappa {
  const position = categoryIndex(categories);
  const raters = ratings.reduce((most, item) => Math.max(most, item.length), 0);
  const itemsUsed =
    raters < 2 ? [] : ratings.flatMap((item, index) => (item.length === raters ? [index] : []));

  const totals = categories.map(() => 0);
  let agreeingPairs = 0;
  for (const index of itemsUsed) {
    const counts = categories.map(() => 0);
    for (const rating of ratings[index] ?? []) {
      const c = position(rating);
      counts[c] = (counts[c] ?? 0) + 1;
      totals[c] = (totals[c] ?? 0) + 1;
    }
    agreeingPairs += counts.reduce((sum, count) => sum + count * (count - 1), 0);
  }

  const n = itemsUsed.length;
  if (n === 0) return { kappa: null, pBar: null, pBarE: null, n, raters, itemsUsed, reason: 'NO_ITEMS' };

  // Integer sums until the last division, as in cohensKappa, so P̄e = 1 is detected exactly.
  const ratingCount = n * raters;
  const sumOfSquares = totals.reduce((sum, total) => sum + total * total, 0);
  const pBar = agreeingPairs / (ratingCount * (raters - 1));
  const pBarE = sumOfSquares / (ratingCount * ratingCount);
  if (sumOfSquares === ratingCount * ratingCount) {
    return { kappa: null, pBar, pBarE, n, raters, itemsUsed, reason: 'SINGLE_CATEGORY' };
  }
  const kappa =
    (ratingCount * agreeingPairs - (raters - 1) * sumOfSquares) /
    ((raters - 1) * (ratingCount * ratingCount - sumOfSquares));
  return { kappa, pBar, pBarE, n, raters, itemsUsed, reason: null };
}
