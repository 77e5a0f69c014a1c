// The kappa statistics of inter-rater agreement, and the Landis & Koch bands that put them into words.

/**
 * Why a kappa is null rather than a number:
 * - NO_ITEMS: nothing was rated by every rater the statistic needs;
 * - SINGLE_CATEGORY: every rating fell in one and the same category, so chance agreement is 1 and kappa is 0/0.
 *   The raters agree perfectly, but there is no variation to show that the agreement is better than chance.
 */
export type KappaUndefinedReason = 'NO_ITEMS' | 'SINGLE_CATEGORY';

export type KappaWeights = 'linear' | 'quadratic';

type WeightedKappa = {
  kappa: number | null;
  /** Weighted proportion of agreement (1 for an exact match, less the further apart); null with no pairs. */
  observed: number | null;
  /** The same, expected by chance from each rater's own proportions; null with no pairs. */
  expected: number | null;
  /** Pairs in the statistic. */
  n: number;
  /** Pairs left out because a rating is not on the ordered scale. */
  excluded: number;
  reason: KappaUndefinedReason | null;
};

/**
 * Cohen's (1968) weighted kappa for two raters on an ordinal scale, with the agreement weights
 * 1 - |i - j| / (k - 1) (linear) or 1 - (i - j)² / (k - 1)² (quadratic, Fleiss & Cohen 1973).
 *
 * A pair with a rating that is not on the scale is excluded and counted, not ranked. For evidence level that
 * rating is NONE ("no evidence offered"): it is not a weaker level than LEVEL_5 but the absence of one, so
 * putting it at either end of the scale would invent a distance, and a disagreement between "a randomised
 * trial" and "no evidence" would be scored as if it were a disagreement about study design. The caller reports
 * `excluded` so readers can see how much of the review the statistic leaves out.
 */
export function weightedKappa<T>(
  pairs: ReadonlyArray<readonly [T, T]>,
  orderedCategories: readonly T[],
  weights: KappaWeights,
): WeightedKappa {
  const rank = new Map(orderedCategories.map((category, position) => [category, position]));
  const distance = weights === 'linear' ? (d: number) => Math.abs(d) : (d: number) => d * d;
  const first = orderedCategories.map(() => 0);
  const second = orderedCategories.map(() => 0);
  let n = 0;
  let observedDisagreement = 0;
  for (const [a, b] of pairs) {
    const i = rank.get(a);
    const j = rank.get(b);
    if (i === undefined || j === undefined) continue;
    first[i] = (first[i] ?? 0) + 1;
    second[j] = (second[j] ?? 0) + 1;
    observedDisagreement += distance(i - j);
    n += 1;
  }
  const excluded = pairs.length - n;
  if (n === 0) return { kappa: null, observed: null, expected: null, n, excluded, reason: 'NO_ITEMS' };

  let chanceDisagreement = 0;
  first.forEach((row, i) => {
    second.forEach((column, j) => {
      chanceDisagreement += distance(i - j) * row * column;
    });
  });
  // Zero chance disagreement means both raters used one and the same category; kappa is then 0/0.
  if (chanceDisagreement === 0) {
    return { kappa: null, observed: 1, expected: 1, n, excluded, reason: 'SINGLE_CATEGORY' };
  }

  // Kappa in its disagreement form, 1 - observed / chance, on integer sums: the scale of the weights cancels,
  // so no division by k - 1 is needed until the reported proportions below.
  const widest = distance(orderedCategories.length - 1);
  return {
    kappa: 1 - (n * observedDisagreement) / chanceDisagreement,
    observed: 1 - observedDisagreement / (n * widest),
    expected: 1 - chanceDisagreement / (n * n * widest),
    n,
    excluded,
    reason: null,
  };
}

type CohensKappa = {
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

type FleissKappa = {
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

/**
 * Maps each category to its position. A rating outside the categories throws: on a nominal scale there is no
 * right place to count it, and dropping it silently would change n behind the caller's back.
 */
function categoryIndex<A>(categories: readonly A[]): (rating: A) => number {
  const positions = new Map(categories.map((category, position) => [category, position]));
  return (rating) => {
    const position = positions.get(rating);
    if (position === undefined) throw new RangeError(`Rating ${String(rating)} is not one of the categories`);
    return position;
  };
}

export type LandisKochLabel =
  | 'Poor'
  | 'Slight'
  | 'Fair'
  | 'Moderate'
  | 'Substantial'
  | 'Almost perfect'
  | 'Not enough data';

/**
 * The strength-of-agreement bands of Landis & Koch (1977, Biometrics 33:159–174). Their bands are
 * written to two decimals (0.00–0.20, 0.21–0.40, …), so kappa is rounded to two decimals first: the label then
 * always matches the two-decimal value the summary shows, and a kappa such as 0.203 has a band.
 */
export function landisKochLabel(kappa: number | null): LandisKochLabel {
  if (kappa === null) return 'Not enough data';
  if (!(kappa >= -1 && kappa <= 1)) throw new RangeError(`Kappa ${kappa} is outside [-1, 1]`);
  const shown = Math.round(kappa * 100) / 100;
  if (shown < 0) return 'Poor';
  if (shown <= 0.2) return 'Slight';
  if (shown <= 0.4) return 'Fair';
  if (shown <= 0.6) return 'Moderate';
  if (shown <= 0.8) return 'Substantial';
  return 'Almost perfect';
}
