import { describe, expect, it } from 'vitest';
import { returnImportMemory } from '@/lib/imports/return-import-memory';

/**
 * Garbage in the old generation, as an import leaves it (what lived through a few collections of the young
 * one, while its statement was on its way), and a weak reference to it.
 */
async function oldGarbage(): Promise<WeakRef<object>> {
  let held: object | null = { rows: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
  const left = new WeakRef(held);
  // Short-lived allocations fill the young generation several times over, so `held` is promoted.
  for (let round = 0; round < 20; round++) {
    Array.from({ length: 100_000 }, (_, i) => ({ i, text: `row ${i}` }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  held = null;
  return left;
}

describe('returnImportMemory', () => {
  it('makes a full collection once the thread is quiet: what the import left is gone after it', async () => {
    const left = await oldGarbage();
    // A weak reference holds its object until the task that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await returnImportMemory({ stillIdle: () => true });
    expect(left.deref()).toBeUndefined();
  });
});
