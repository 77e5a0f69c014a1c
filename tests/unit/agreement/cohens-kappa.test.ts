import { describe, expect, it } from 'vitest';
import { cohensKappa } from '@/lib/agreement/cohens-kappa';

/** Expands a contingency table (rows: first rater, columns: second rater) into one pair per item. */
function pairsFromTable<A>(categories: readonly A[], table: number[][]): Array<[A, A]> {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, () => [categories[i], categories[j]] as [A, A])),
  );
}

describe('cohensKappa', () => {
  it('matches the worked grant-application example (Wikipedia, "Cohen\'s kappa", Simple example)', () => {
    // 50 applications; both readers yes 20, both no 15, A yes/B no 5, A no/B yes 10.
    // po = 35/50 = 0.70. A says yes 25 times, B 30 times: pe = (25·30 + 25·20) / 50² = 0.50.
    // κ = (0.70 − 0.50) / (1 − 0.50) = 0.40.
    const result = cohensKappa(
      pairsFromTable(
        ['yes', 'no'],
        [
          [20, 5],
          [10, 15],
        ],
      ),
      ['yes', 'no'],
    );
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 12);
    expect(result.expected).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result.reason).toBeNull();
  });

  it('matches the two pathologists rating 118 slides (Agresti 1990; Mehta & Patel 1996, SPSS Exact Tests p. 72)', () => {
    // Agresti reports κ = 0.498. By hand: agreements 22 + 7 + 36 + 7 + 3 = 75, so po = 75/118.
    // Row totals 26, 26, 38, 22, 6; column totals 27, 12, 69, 7, 3:
    // Σ row·column = 702 + 312 + 2622 + 154 + 18 = 3808, pe = 3808/118² = 3808/13924.
    // κ = (118·75 − 3808) / (13924 − 3808) = 5042/10116 = 0.49842.
    const categories = [
      'negative',
      'atypical squamous hyperplasia',
      'carcinoma in situ',
      'squamous carcinoma',
      'invasive carcinoma',
    ];
    const result = cohensKappa(
      pairsFromTable(categories, [
        [22, 2, 2, 0, 0],
        [5, 7, 14, 0, 0],
        [0, 2, 36, 0, 0],
        [0, 1, 14, 7, 0],
        [0, 0, 3, 0, 3],
      ]),
      categories,
    );
    expect(result.n).toBe(118);
    expect(result.observed).toBeCloseTo(75 / 118, 12);
    expect(result.expected).toBeCloseTo(3808 / 13924, 12);
    expect(result.kappa).toBeCloseTo(5042 / 10116, 12);
    expect(result.kappa).toBeCloseTo(0.498, 3);
  });

  it('is the same whichever rater is first', () => {
    const pairs: Array<[string, string]> = [
      ['SUPPORTED', 'SUPPORTED'],
      ['SUPPORTED', 'SPECULATIVE'],
      ['UNSUPPORTED', 'UNSUPPORTED'],
      ['SPECULATIVE', 'UNSUPPORTED'],
    ];
    const categories = ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'];
    const swapped = pairs.map(([a, b]) => [b, a] as [string, string]);
    expect(cohensKappa(swapped, categories).kappa).toBeCloseTo(
      cohensKappa(pairs, categories).kappa ?? NaN,
      12,
    );
  });

  it('is null with no items', () => {
    expect(cohensKappa([], ['yes', 'no'])).toEqual({
      kappa: null,
      observed: null,
      expected: null,
      n: 0,
      reason: 'NO_ITEMS',
    });
  });

  it('is 1 for perfect agreement over more than one category', () => {
    const result = cohensKappa(
      [
        ['yes', 'yes'],
        ['no', 'no'],
        ['yes', 'yes'],
      ],
      ['yes', 'no'],
    );
    expect(result.kappa).toBe(1);
    expect(result.observed).toBe(1);
  });

  it('is null, not 1, when both raters used one category only', () => {
    // pe = 1, so κ = (1 − 1) / (1 − 1): perfect agreement, but nothing to show it beats chance.
    expect(
      cohensKappa(
        [
          ['yes', 'yes'],
          ['yes', 'yes'],
        ],
        ['yes', 'no'],
      ),
    ).toEqual({ kappa: null, observed: 1, expected: 1, n: 2, reason: 'SINGLE_CATEGORY' });
  });

  it('is −1 when the raters disagree on every item with balanced margins', () => {
    // po = 0; each rater says yes half the time: pe = 0.5, κ = (0 − 0.5) / 0.5 = −1.
    const result = cohensKappa(
      [
        ['yes', 'no'],
        ['no', 'yes'],
      ],
      ['yes', 'no'],
    );
    expect(result.kappa).toBe(-1);
  });

  it('is 0 when the raters disagree on every item but each uses a single category', () => {
    // po = 0 and pe = 1·0 + 0·1 = 0: the disagreement is exactly what the margins predict.
    const result = cohensKappa(
      [
        ['yes', 'no'],
        ['yes', 'no'],
      ],
      ['yes', 'no'],
    );
    expect(result.kappa).toBe(0);
  });

  it('rejects a rating outside the categories', () => {
    expect(() => cohensKappa([['yes', 'maybe']], ['yes', 'no'])).toThrow(RangeError);
  });
});
