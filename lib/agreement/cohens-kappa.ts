import { categoryIndex } from './category-index';
import type { KappaUndefinedReason } from './types';

export type CohensKappa = {
  kappa: number | null;
  /** Proportion of items on which the two raters agree; null when there are no items. */
  observed: number | null;
  /** Agreement expected by chance from each rater's own category proportions; null when there are no items. */
  expected: number | null;
  n: number;
  reason: KappaUndefinedReason | null;
};

/** Cohen's (1960) kappa for two raters on a nominal scale; each pair is one item's [first rater, second rater]. */
export function cohensKappa<A>(pairs: ReadonlyArray<readonly [A, A]>, categories: readonly A[]): CohensKappa {
  const position = categoryIndex(categories);
  const first = categories.map(() => 0);
  const second = categories.map(() => 0);
  let agreements = 0;
  for (const [a, b] of pairs) {
    const i = position(a);
    const j = position(b);
    first[i] = (first[i] ?? 0) + 1;
    second[j] = (second[j] ?? 0) + 1;
    if (i === j) agreements += 1;
  }

  const n = pairs.length;
  if (n === 0) return { kappa: null, observed: null, expected: null, n, reason: 'NO_ITEMS' };

  // Counts stay integers until the last division, so "chance agreement is exactly 1" is an integer equality
  // rather than a floating-point comparison.
  const chance = first.reduce((sum, count, c) => sum + count * (second[c] ?? 0), 0);
  const observed = agreements / n;
  const expected = chance / (n * n);
  if (chance === n * n) return { kappa: null, observed, expected, n, reason: 'SINGLE_CATEGORY' };
  return { kappa: (n * agreements - chance) / (n * n - chance), observed, expected, n, reason: null };
}
