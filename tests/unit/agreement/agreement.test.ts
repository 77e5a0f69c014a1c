import { describe, expect, it } from 'vitest';
import {
  type AgreementAssessment,
  documentAgreement,
  type EvidenceLevel,
  type Verdict,
} from '@/lib/agreement/agreement';

type Row = [
  claimId: string,
  reviewerId: string,
  verdict: Verdict | null,
  evidenceLevel: EvidenceLevel | null,
];

function assessments(rows: Row[]): AgreementAssessment[] {
  return rows.map(([claimId, reviewerId, verdict, evidenceLevel]) => ({
    claimId,
    reviewerId,
    verdict,
    evidenceLevel,
  }));
}

const TWO_REVIEWERS = assessments([
  ['c1', 'ana', 'SUPPORTED', 'LEVEL_1'],
  ['c1', 'ben', 'SUPPORTED', 'LEVEL_1'],
  ['c2', 'ana', 'SUPPORTED', 'LEVEL_2'],
  ['c2', 'ben', 'SUPPORTED', 'LEVEL_3'],
  ['c3', 'ana', 'UNSUPPORTED', 'LEVEL_5'],
  ['c3', 'ben', 'UNSUPPORTED', 'LEVEL_5'],
  ['c4', 'ana', 'SUPPORTED', 'NONE'],
  ['c4', 'ben', 'UNSUPPORTED', 'LEVEL_2'],
  ['c5', 'ana', 'SUPPORTED', 'LEVEL_1'],
  ['c5', 'ben', null, null],
]);

const THREE_REVIEWERS = assessments([
  ['c1', 'ana', 'SUPPORTED', 'LEVEL_1'],
  ['c1', 'ben', 'SUPPORTED', 'LEVEL_1'],
  ['c1', 'cal', 'SUPPORTED', 'LEVEL_1'],
  ['c2', 'ana', 'SUPPORTED', 'LEVEL_2'],
  ['c2', 'ben', 'SUPPORTED', 'LEVEL_2'],
  ['c2', 'cal', 'UNSUPPORTED', 'LEVEL_3'],
  ['c3', 'ana', 'UNSUPPORTED', 'LEVEL_4'],
  ['c3', 'ben', 'UNSUPPORTED', 'NONE'],
  ['c3', 'cal', 'UNSUPPORTED', 'LEVEL_4'],
  ['c4', 'ana', 'SPECULATIVE', 'LEVEL_5'],
  ['c4', 'ben', 'SPECULATIVE', 'LEVEL_5'],
  ['c4', 'cal', 'SUPPORTED', 'LEVEL_5'],
  ['c5', 'ana', 'SUPPORTED', 'LEVEL_1'],
  ['c5', 'ben', 'SUPPORTED', 'LEVEL_1'],
]);

describe('documentAgreement', () => {
  it("uses Cohen's kappa and the weighted kappa for two reviewers, on the claims both rated", () => {
    // Verdicts on c1–c4 (c5 has no verdict from ben): 3 agreements of 4; ana SUPPORTED 3, UNSUPPORTED 1;
    // ben 2 and 2. Σ row·column = 3·2 + 1·2 = 8; κ = (4·3 − 8) / (4² − 8) = 0.5.
    // Evidence level: c4 has NONE, leaving (1,1), (2,3), (5,5). Linear Σ v·o = 1; margins r = (1,1,0,0,1),
    // c = (1,0,1,0,1): Σ v·r·c = 6 + 5 + 6 = 17; κw = 1 − 3·1/17 = 14/17.
    const result = documentAgreement(TWO_REVIEWERS);
    expect(result.claimsAssessed).toBe(5);
    expect(result.verdict).toEqual({
      method: 'cohens-kappa',
      kappa: 0.5,
      label: 'Moderate',
      reason: null,
      reviewers: 2,
      claimsUsed: 4,
      claimsExcluded: 1,
    });
    expect(result.evidenceLevel).toMatchObject({
      method: 'weighted-kappa',
      weights: 'linear',
      label: 'Almost perfect',
      reason: null,
      reviewers: 2,
      claimsUsed: 4,
      claimsExcluded: 1,
      reviewerPairs: 1,
      excludedComparisons: 1,
    });
    expect(result.evidenceLevel.kappa).toBeCloseTo(14 / 17, 12);
  });

  it("uses Fleiss' kappa and the mean pairwise weighted kappa for three reviewers", () => {
    // Verdicts on c1–c4 (cal did not rate c5), counts (SUPPORTED, SPECULATIVE, UNSUPPORTED) per claim:
    // (3,0,0), (2,0,1), (0,0,3), (1,2,0). Σ n(n − 1) = 6 + 2 + 6 + 2 = 16, P̄ = 16 / (12·2) = 2/3.
    // Totals 6, 2, 4: P̄e = (36 + 4 + 16) / 144 = 7/18. κ = (2/3 − 7/18) / (1 − 7/18) = 5/11.
    // Evidence level, linear weights, on c1–c4:
    //   ana–ben: c3 has NONE; (1,1), (2,2), (5,5) agree on more than one level: κw = 1.
    //   ana–cal: (1,1), (2,3), (4,4), (5,5): Σ v·o = 1, Σ v·r·c = 9 + 7 + 5 + 7 = 28, κw = 1 − 4/28 = 6/7.
    //   ben–cal: c3 has NONE; the same three pairs as the two-reviewer case: κw = 14/17.
    const result = documentAgreement(THREE_REVIEWERS);
    expect(result.verdict).toMatchObject({
      method: 'fleiss-kappa',
      label: 'Moderate',
      reason: null,
      reviewers: 3,
      claimsUsed: 4,
      claimsExcluded: 1,
    });
    expect(result.verdict.kappa).toBeCloseTo(5 / 11, 12);
    expect(result.evidenceLevel).toMatchObject({
      method: 'mean-pairwise-weighted-kappa',
      label: 'Almost perfect',
      reviewers: 3,
      claimsUsed: 4,
      claimsExcluded: 1,
      reviewerPairs: 3,
      excludedComparisons: 2,
    });
    expect(result.evidenceLevel.kappa).toBeCloseTo((1 + 6 / 7 + 14 / 17) / 3, 12);
  });

  it('does not depend on the order of the assessments', () => {
    expect(documentAgreement([...THREE_REVIEWERS].reverse())).toEqual(documentAgreement(THREE_REVIEWERS));
  });

  it('returns plain data that survives JSON', () => {
    const result = documentAgreement(TWO_REVIEWERS);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('reports too few reviewers for no assessments or a single reviewer', () => {
    for (const input of [[], assessments([['c1', 'ana', 'SUPPORTED', 'LEVEL_2']])]) {
      const result = documentAgreement(input);
      expect(result.verdict).toMatchObject({ method: null, kappa: null, reason: 'TOO_FEW_REVIEWERS' });
      expect(result.verdict.label).toBe('Not enough data');
      expect(result.evidenceLevel).toMatchObject({ method: null, kappa: null, reason: 'TOO_FEW_REVIEWERS' });
    }
  });

  it('gives no kappa when every verdict is the same, and none when every evidence level is NONE', () => {
    const result = documentAgreement(
      assessments([
        ['c1', 'ana', 'SUPPORTED', 'NONE'],
        ['c1', 'ben', 'SUPPORTED', 'NONE'],
        ['c2', 'ana', 'SUPPORTED', 'NONE'],
        ['c2', 'ben', 'SUPPORTED', 'LEVEL_3'],
      ]),
    );
    expect(result.verdict).toMatchObject({
      kappa: null,
      reason: 'SINGLE_CATEGORY',
      label: 'Not enough data',
    });
    expect(result.evidenceLevel).toMatchObject({ kappa: null, reason: 'NO_ITEMS', excludedComparisons: 2 });
  });

  it('counts claims with no verdict yet as assessed but leaves them out of the panel', () => {
    const result = documentAgreement(
      assessments([
        ['c1', 'ana', null, null],
        ['c2', 'ana', 'SUPPORTED', null],
        ['c2', 'ben', 'UNSUPPORTED', null],
      ]),
    );
    expect(result.claimsAssessed).toBe(2);
    expect(result.verdict).toMatchObject({ reviewers: 2, claimsUsed: 1, claimsExcluded: 0, kappa: 0 });
  });
});
