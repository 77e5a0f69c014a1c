/** Two reviewers' values side by side, one [first, second] pair per complete row. */
export function ratingPairs<V>(
  rows: ReadonlyArray<readonly V[]>,
  first: number,
  second: number,
): Array<[V, V]> {
  return rows.map((row) => [row[first] as V, row[second] as V]);
}
