import { describe, expect, it } from 'vitest';
import { documentAgreement } from '@/lib/agreement/agreement';
import { describeAgreement } from '@/lib/agreement/describe-agreement';

describe('describeAgreement', () => {
  it("names Cohen's kappa and the weighted kappa for two reviewers, with their Landis & Koch bands", () => {
    const agreement = documentAgreement([
      { claimId: 'c1', reviewerId: 'ana', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
      { claimId: 'c1', reviewerId: 'ben', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
      { claimId: 'c2', reviewerId: 'ana', verdict: 'UNSUPPORTED', evidenceLevel: 'LEVEL_5' },
      { claimId: 'c2', reviewerId: 'ben', verdict: 'UNSUPPORTED', evidenceLevel: 'NONE' },
      { claimId: 'c3', reviewerId: 'ana', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' },
      { claimId: 'c3', reviewerId: 'ben', verdict: 'UNSUPPORTED', evidenceLevel: 'LEVEL_3' },
      { claimId: 'c4', reviewerId: 'ana', verdict: 'SUPPORTED', evidenceLevel: null },
    ]);
    const [verdict, level] = describeAgreement(agreement);
    expect(verdict).toEqual({
      measure: 'Verdict',
      statistic: "Cohen's kappa",
      value: (agreement.verdict.kappa as number).toFixed(2),
      label: agreement.verdict.label,
      detail: '2 reviewers, 3 claims rated by all of them; 1 claim not yet rated by everyone left out.',
    });
    expect(level?.statistic).toBe('Weighted kappa (linear weights)');
    expect(level?.detail).toContain('1 comparison with “no evidence offered” left out, as it is not a rank');
  });

  it('says "not enough data" and why, instead of a number', () => {
    const [verdict, level] = describeAgreement(
      documentAgreement([
        { claimId: 'c1', reviewerId: 'ana', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' },
      ]),
    );
    expect(verdict).toMatchObject({ value: null, label: 'Not enough data', statistic: 'Kappa' });
    expect(verdict?.detail).toBe('Not enough data: agreement needs at least two reviewers.');
    expect(level?.value).toBeNull();
  });

  it("uses Fleiss' kappa for three reviewers and prints a negative kappa with a minus sign", () => {
    const ratings = [
      ['SUPPORTED', 'UNSUPPORTED', 'SPECULATIVE'],
      ['UNSUPPORTED', 'SUPPORTED', 'SPECULATIVE'],
      ['SPECULATIVE', 'SUPPORTED', 'UNSUPPORTED'],
    ] as const;
    const agreement = documentAgreement(
      ratings.flatMap((claim, c) =>
        claim.map((verdict, r) => ({ claimId: `c${c}`, reviewerId: `r${r}`, verdict, evidenceLevel: null })),
      ),
    );
    const [verdict] = describeAgreement(agreement);
    expect(verdict?.statistic).toBe("Fleiss' kappa");
    expect(verdict?.value).toBe('−0.50');
    expect(verdict?.label).toBe('Poor');
  });
});
