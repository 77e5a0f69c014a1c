/** One reviewer's value for one claim; null when the reviewer has not set it yet. */
export type Rating<V> = { claimId: string; reviewerId: string; value: V | null };

export type CompleteRatings<V> = {
  /** Everyone who gave at least one value, sorted so that results do not depend on input order. */
  reviewers: string[];
  /** One row per claim that every reviewer rated, with the values in the order of `reviewers`. */
  rows: V[][];
  /** Claims with at least one value that are missing a value from some reviewer. */
  claimsExcluded: number;
};

/**
 * The complete cases of a claim × reviewer table: only claims that every reviewer rated. A kappa over the same
 * panel on every claim reads as "how well this team agrees"; a claim that one reviewer has not reached yet
 * says nothing about that, and the summary shows `claimsExcluded` so a partial review is visible.
 */
export function completeRatings<V>(ratings: ReadonlyArray<Rating<V>>): CompleteRatings<V> {
  const byClaim = new Map<string, Map<string, V>>();
  for (const { claimId, reviewerId, value } of ratings) {
    if (value === null) continue;
    const values = byClaim.get(claimId) ?? new Map<string, V>();
    values.set(reviewerId, value);
    byClaim.set(claimId, values);
  }

  const reviewers = [...new Set([...byClaim.values()].flatMap((values) => [...values.keys()]))].sort();
  const rows: V[][] = [];
  for (const values of byClaim.values()) {
    const row = reviewers.flatMap((reviewer) => (values.has(reviewer) ? [values.get(reviewer) as V] : []));
    if (row.length === reviewers.length) rows.push(row);
  }
  return { reviewers, rows, claimsExcluded: byClaim.size - rows.length };
}
