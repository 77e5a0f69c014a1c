import { describe, expect, it } from 'vitest';
import { type EvidenceLevel, RANKED_EVIDENCE_LEVELS } from '@/lib/agreement/agreement';
import { cohensKappa, fleissKappa, landisKochLabel, weightedKappa } from '@/lib/agreement/kappa';

/** Expands a contingency table (rows: first rater, columns: second rater) into one pair per item. */
function pairsFromTable<A>(categories: readonly A[], table: number[][]): Array<[A, A]> {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, () => [categories[i], categories[j]] as [A, A])),
  );
}

// Two pathologists grading 118 cervical slides on an ordered 5-point scale, from negative to invasive carcinoma
// (Agresti 1990, Categorical Data Analysis; reproduced in Mehta & Patel 1996, SPSS Exact Tests, p. 72). The
// unweighted kappa, 0.498, is the published figure (see cohensKappa below); the weighted values are worked
// by hand below in the disagreement form κw = 1 − n·Σ v_ij·o_ij / Σ v_ij·r_i·c_j, which equals
// (po − pe) / (1 − pe) with agreement weights w = 1 − v / v_max.
// Row totals r = 26, 26, 38, 22, 6; column totals c = 27, 12, 69, 7, 3; n = 118.
const PATHOLOGISTS = pairsFromTable(RANKED_EVIDENCE_LEVELS, [
  [22, 2, 2, 0, 0],
  [5, 7, 14, 0, 0],
  [0, 2, 36, 0, 0],
  [0, 1, 14, 7, 0],
  [0, 0, 3, 0, 3],
]);

describe('weightedKappa', () => {
  it('matches the hand calculation with linear weights on the pathologists table', () => {
    // v = |i − j|. Observed, row by row: 2·1 + 2·2 = 6; 5·1 + 14·1 = 19; 2·1 = 2; 1·2 + 14·1 = 16; 3·2 = 6;
    // Σ v·o = 49. Expected, r_i · Σ_j v_ij·c_j row by row: 26·183 = 4758; 26·119 = 3094; 38·79 = 3002;
    // 22·177 = 3894; 6·289 = 1734; Σ v·r·c = 16482. κw = 1 − 118·49 / 16482 = 5350/8241 = 0.64919.
    // Reported proportions: po = 1 − 49 / (118·4) = 0.89619, pe = 1 − 16482 / (118²·4) = 0.70407.
    const result = weightedKappa(PATHOLOGISTS, RANKED_EVIDENCE_LEVELS, 'linear');
    expect(result.n).toBe(118);
    expect(result.excluded).toBe(0);
    expect(result.kappa).toBeCloseTo(5350 / 8241, 12);
    expect(result.kappa).toBeCloseTo(0.6492, 4);
    expect(result.observed).toBeCloseTo(1 - 49 / 472, 12);
    expect(result.expected).toBeCloseTo(1 - 16482 / 55696, 12);
  });

  it('matches the hand calculation with quadratic weights on the pathologists table', () => {
    // v = (i − j)². Observed: 2·1 + 2·4 = 10; 5 + 14 = 19; 2; 1·4 + 14 = 18; 3·4 = 12; Σ v·o = 61.
    // Expected, row by row: 26·399 = 10374; 26·151 = 3926; 38·139 = 5282; 22·363 = 7986; 6·823 = 4938;
    // Σ v·r·c = 32506. κw = 1 − 118·61 / 32506 = 12654/16253 = 0.77856.
    const result = weightedKappa(PATHOLOGISTS, RANKED_EVIDENCE_LEVELS, 'quadratic');
    expect(result.kappa).toBeCloseTo(12654 / 16253, 12);
    expect(result.kappa).toBeCloseTo(0.7786, 4);
    expect(result.observed).toBeCloseTo(1 - 61 / (118 * 16), 12);
    expect(result.expected).toBeCloseTo(1 - 32506 / (118 * 118 * 16), 12);
  });

  it("equals Cohen's kappa on a two-point scale, where both weightings give full or no credit", () => {
    const pairs = pairsFromTable(
      ['yes', 'no'],
      [
        [20, 5],
        [10, 15],
      ],
    );
    expect(weightedKappa(pairs, ['yes', 'no'], 'linear').kappa).toBeCloseTo(0.4, 12);
    expect(weightedKappa(pairs, ['yes', 'no'], 'quadratic').kappa).toBeCloseTo(0.4, 12);
    expect(cohensKappa(pairs, ['yes', 'no']).kappa).toBeCloseTo(0.4, 12);
  });

  it('leaves out and counts pairs with NONE, which has no rank on the scale', () => {
    const withNone: Array<[EvidenceLevel, EvidenceLevel]> = [
      ...PATHOLOGISTS,
      ['NONE', 'LEVEL_1'],
      ['LEVEL_5', 'NONE'],
      ['NONE', 'NONE'],
    ];
    const result = weightedKappa(withNone, RANKED_EVIDENCE_LEVELS, 'linear');
    expect(result.n).toBe(118);
    expect(result.excluded).toBe(3);
    expect(result.kappa).toBeCloseTo(5350 / 8241, 12);
  });

  it('is null with no pairs, and with only NONE pairs', () => {
    expect(weightedKappa([], RANKED_EVIDENCE_LEVELS, 'linear')).toEqual({
      kappa: null,
      observed: null,
      expected: null,
      n: 0,
      excluded: 0,
      reason: 'NO_ITEMS',
    });
    expect(weightedKappa([['NONE', 'NONE']], RANKED_EVIDENCE_LEVELS, 'linear')).toMatchObject({
      kappa: null,
      n: 0,
      excluded: 1,
      reason: 'NO_ITEMS',
    });
  });

  it('is null, not 1, when both raters used one level only', () => {
    expect(
      weightedKappa(
        [
          ['LEVEL_2', 'LEVEL_2'],
          ['LEVEL_2', 'LEVEL_2'],
        ],
        RANKED_EVIDENCE_LEVELS,
        'quadratic',
      ),
    ).toEqual({ kappa: null, observed: 1, expected: 1, n: 2, excluded: 0, reason: 'SINGLE_CATEGORY' });
  });

  it('is 1 for perfect agreement over more than one level', () => {
    const result = weightedKappa(
      [
        ['LEVEL_1', 'LEVEL_1'],
        ['LEVEL_4', 'LEVEL_4'],
      ],
      RANKED_EVIDENCE_LEVELS,
      'linear',
    );
    expect(result.kappa).toBe(1);
    expect(result.observed).toBe(1);
  });

  it('is −1 when the raters sit at opposite ends of the scale with balanced margins', () => {
    // Linear: Σ v·o = 4 + 4 = 8; r = c = (1, 0, 0, 0, 1), Σ v·r·c = 4 + 4 = 8; κw = 1 − 2·8/8 = −1.
    const result = weightedKappa(
      [
        ['LEVEL_1', 'LEVEL_5'],
        ['LEVEL_5', 'LEVEL_1'],
      ],
      RANKED_EVIDENCE_LEVELS,
      'linear',
    );
    expect(result.kappa).toBe(-1);
    expect(result.observed).toBe(0);
  });
});

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

// Landis & Koch (1977), Biometrics 33:159–174: < 0.00 poor, 0.00–0.20 slight, 0.21–0.40 fair,
// 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1.00 almost perfect.
describe('landisKochLabel', () => {
  it.each([
    [-1, 'Poor'],
    [-0.01, 'Poor'],
    [0, 'Slight'],
    [0.2, 'Slight'],
    [0.21, 'Fair'],
    [0.4, 'Fair'],
    [0.41, 'Moderate'],
    [0.6, 'Moderate'],
    [0.61, 'Substantial'],
    [0.8, 'Substantial'],
    [0.81, 'Almost perfect'],
    [1, 'Almost perfect'],
  ] as const)('labels %d as %s', (kappa, label) => {
    expect(landisKochLabel(kappa)).toBe(label);
  });

  it('bands the two-decimal value, so values between the published bands have a label', () => {
    expect(landisKochLabel(0.2049)).toBe('Slight');
    expect(landisKochLabel(0.2051)).toBe('Fair');
    expect(landisKochLabel(-0.004)).toBe('Slight');
    expect(landisKochLabel(0.8049)).toBe('Substantial');
  });

  it('says there is not enough data for a null kappa', () => {
    expect(landisKochLabel(null)).toBe('Not enough data');
  });

  it('rejects a value that no kappa can take', () => {
    expect(() => landisKochLabel(1.5)).toThrow(RangeError);
    expect(() => landisKochLabel(Number.NaN)).toThrow(RangeError);
  });
});
