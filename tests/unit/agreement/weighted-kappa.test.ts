import { describe, expect, it } from 'vitest';
import { cohensKappa } from '@/lib/agreement/cohens-kappa';
import { type EvidenceLevel, RANKED_EVIDENCE_LEVELS } from '@/lib/agreement/types';
import { weightedKappa } from '@/lib/agreement/weighted-kappa';

/** Expands a contingency table (rows: first rater, columns: second rater) into one pair per item. */
function pairsFromTable<A>(categories: readonly A[], table: number[][]): Array<[A, A]> {
  return table.flatMap((row, i) =>
    row.flatMap((count, j) => Array.from({ length: count }, () => [categories[i], categories[j]] as [A, A])),
  );
}

// Two pathologists grading 118 cervical slides on an ordered 5-point scale, from negative to invasive carcinoma
// (Agresti 1990, Categorical Data Analysis; reproduced in Mehta & Patel 1996, SPSS Exact Tests, p. 72). The
// unweighted kappa, 0.498, is the published figure (see cohens-kappa.test.ts); the weighted values are worked
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
