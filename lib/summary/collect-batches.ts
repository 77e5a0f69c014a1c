/** All rows of a batched source. The summary page shows every claim at once, so it holds them all anyway. */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}
