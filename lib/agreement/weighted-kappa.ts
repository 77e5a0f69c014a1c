import type { KappaUndefinedReason, KappaWeights } from './types';

export type WeightedKappa = {
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
