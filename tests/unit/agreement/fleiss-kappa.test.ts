import { describe, expect, it } from 'vitest';
import { fleissKappa } from '@/lib/agreement/fleiss-kappa';

/** Expands per-item category counts (how many raters chose each category) into the raw ratings. */
function ratingsFromCounts<A>(categories: readonly A[], counts: number[][]): A[][] {
  return counts.map((row) =>
    row.flatMap((count, c) => Array.from({ length: count }, () => categories[c] as A)),
  );
}

describe('fleissKappa', () => {
  it('matches the worked example of 10 subjects, 14 raters, 5 categories (Wikipedia, "Fleiss\' kappa")', () => {
    // Published: P̄ = 0.378, P̄e = 0.213, κ = 0.210. By hand: Σ over items of Σ n_ij(n_ij − 1) = 688,
    // so P̄ = 688 / (140 · 13) = 0.37802. Category totals 20, 28, 39, 21, 32: Σ total² = 4170,
    // P̄e = 4170 / 140² = 0.21276. κ = (0.37802 − 0.21276) / (1 − 0.21276) = 4211/20059 = 0.20993.
    const categories = [1, 2, 3, 4, 5];
    const result = fleissKappa(
      ratingsFromCounts(categories, [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
      ]),
      categories,
    );
    expect(result.n).toBe(10);
    expect(result.raters).toBe(14);
    expect(result.pBar).toBeCloseTo(688 / 1820, 12);
    expect(result.pBarE).toBeCloseTo(4170 / 19600, 12);
    expect(result.kappa).toBeCloseTo(4211 / 20059, 12);
    expect(result.pBar).toBeCloseTo(0.378, 3);
    expect(result.pBarE).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it('matches Fleiss (1971, Psychol Bull 76:378–382, Table 1): 30 patients, 6 psychiatrists, 5 diagnoses', () => {
    // Fleiss reports κ = .430; the R package irr ships the same data as `diagnoses`, and kappam.fleiss gives
    // 0.4302445. By hand: Σ n_ij(n_ij − 1) = 500, P̄ = 500 / (180 · 5) = 0.55556; category totals 26, 26, 30,
    // 55, 43 give Σ total² = 7126, P̄e = 7126 / 180² = 0.21994; κ = 5437/12637 = 0.43025.
    const categories = ['depression', 'personality disorder', 'schizophrenia', 'neurosis', 'other'];
    const result = fleissKappa(
      ratingsFromCounts(categories, [
        [0, 0, 0, 6, 0],
        [0, 3, 0, 0, 3],
        [0, 1, 4, 0, 1],
        [0, 0, 0, 0, 6],
        [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0],
        [0, 0, 4, 0, 2],
        [2, 0, 3, 1, 0],
        [2, 0, 0, 4, 0],
        [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0],
        [1, 1, 0, 4, 0],
        [0, 3, 3, 0, 0],
        [1, 0, 0, 5, 0],
        [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1],
        [3, 0, 0, 1, 2],
        [5, 1, 0, 0, 0],
        [0, 2, 0, 4, 0],
        [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6],
        [0, 1, 0, 5, 0],
        [0, 2, 0, 1, 3],
        [2, 0, 0, 4, 0],
        [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0],
        [4, 0, 0, 0, 2],
        [0, 2, 0, 4, 0],
        [1, 0, 5, 0, 0],
        [0, 0, 0, 0, 6],
      ]),
      categories,
    );
    expect(result.n).toBe(30);
    expect(result.raters).toBe(6);
    expect(result.pBar).toBeCloseTo(500 / 900, 12);
    expect(result.pBarE).toBeCloseTo(7126 / 32400, 12);
    expect(result.kappa).toBeCloseTo(5437 / 12637, 12);
    expect(result.kappa).toBeCloseTo(0.4302445, 7);
  });

  it('leaves out items with fewer ratings than the most any item received, and says which were used', () => {
    const result = fleissKappa([['a', 'a', 'a'], ['a', 'b'], ['b', 'b', 'b'], []], ['a', 'b']);
    expect(result.raters).toBe(3);
    expect(result.itemsUsed).toEqual([0, 2]);
    expect(result.n).toBe(2);
    expect(result.kappa).toBe(1);
  });

  it('is null with no items, or when no item has two ratings', () => {
    expect(fleissKappa([], ['a', 'b'])).toMatchObject({
      kappa: null,
      pBar: null,
      pBarE: null,
      n: 0,
      reason: 'NO_ITEMS',
    });
    expect(fleissKappa([['a'], ['b']], ['a', 'b'])).toMatchObject({
      kappa: null,
      n: 0,
      raters: 1,
      reason: 'NO_ITEMS',
    });
  });

  it('is null, not 1, when every rating is in one category', () => {
    expect(
      fleissKappa(
        [
          ['a', 'a', 'a'],
          ['a', 'a', 'a'],
        ],
        ['a', 'b'],
      ),
    ).toMatchObject({ kappa: null, pBar: 1, pBarE: 1, reason: 'SINGLE_CATEGORY' });
  });

  it('reaches its floor of −1/(m − 1) when no two raters agree on any item', () => {
    // m = 3 raters, 3 categories, each item split one each: P_i = 0, so P̄ = 0; p_j = 1/3, P̄e = 1/3;
    // κ = (0 − 1/3) / (1 − 1/3) = −0.5 = −1/(3 − 1).
    const result = fleissKappa(
      [
        ['a', 'b', 'c'],
        ['c', 'a', 'b'],
      ],
      ['a', 'b', 'c'],
    );
    expect(result.pBar).toBe(0);
    expect(result.kappa).toBeCloseTo(-0.5, 12);
  });

  it('rejects a rating outside the categories', () => {
    expect(() => fleissKappa([['a', 'z']], ['a', 'b'])).toThrow(RangeError);
  });
});
