import { describe, expect, it } from 'vitest';
import { claimStatus, computeConsensus, inReviewWords, reviewStage } from '@/lib/consensus/consensus';

const SUPPORTED_2 = { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' } as const;

describe('computeConsensus', () => {
  it('is unreviewed with no verdicts', () => {
    expect(computeConsensus([], 1)).toEqual({
      state: 'UNREVIEWED',
      verdict: null,
      evidenceLevel: null,
      assessed: 0,
      required: 1,
    });
    expect(computeConsensus([{ verdict: null, evidenceLevel: 'LEVEL_2' }], 1).state).toBe('UNREVIEWED');
  });

  it("takes a single reviewer's verdict and level when the project requires one", () => {
    expect(computeConsensus([SUPPORTED_2], 1)).toEqual({
      state: 'AGREED',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      assessed: 1,
      required: 1,
    });
  });

  it('stays in review until as many reviewers as required have given a verdict, agreeing or not', () => {
    expect(computeConsensus([SUPPORTED_2], 2)).toEqual({
      state: 'IN_REVIEW',
      verdict: null,
      evidenceLevel: null,
      assessed: 1,
      required: 2,
    });
    // A reviewer with no verdict yet does not count towards the rule.
    expect(computeConsensus([SUPPORTED_2, { verdict: null, evidenceLevel: 'LEVEL_1' }], 2).state).toBe(
      'IN_REVIEW',
    );
    // Two of three disagreeing is not yet a conflict: the third reviewer's verdict is still to come.
    expect(computeConsensus([SUPPORTED_2, { verdict: 'UNSUPPORTED', evidenceLevel: null }], 3)).toMatchObject(
      { state: 'IN_REVIEW', assessed: 2, required: 3 },
    );
    expect(computeConsensus([SUPPORTED_2, SUPPORTED_2], 2)).toMatchObject({
      state: 'AGREED',
      verdict: 'SUPPORTED',
    });
  });

  it('keeps the weakest evidence level when verdicts agree and levels do not', () => {
    const consensus = computeConsensus(
      [
        { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
        { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' },
        { verdict: 'SUPPORTED', evidenceLevel: null },
      ],
      3,
    );
    expect(consensus).toMatchObject({ state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' });
    expect(
      computeConsensus(
        [
          { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_5' },
          { verdict: 'SPECULATIVE', evidenceLevel: 'NONE' },
        ],
        1,
      ).evidenceLevel,
    ).toBe('NONE');
  });

  it('is a conflict when enough verdicts differ, ignoring reviewers who gave none', () => {
    const split = [
      { verdict: 'SUPPORTED', evidenceLevel: null },
      { verdict: 'UNSUPPORTED', evidenceLevel: null },
    ] as const;
    expect(computeConsensus(split, 1).state).toBe('CONFLICT');
    expect(computeConsensus(split, 2).state).toBe('CONFLICT');
    expect(
      computeConsensus(
        [
          { verdict: 'SUPPORTED', evidenceLevel: null },
          { verdict: null, evidenceLevel: 'LEVEL_1' },
        ],
        1,
      ).state,
    ).toBe('AGREED');
  });
});

describe('reviewStage', () => {
  it('counts verdicts against the rule', () => {
    expect(reviewStage(0, 2)).toBe('UNREVIEWED');
    expect(reviewStage(1, 2)).toBe('IN_REVIEW');
    expect(reviewStage(2, 2)).toBe('DECIDED');
    expect(reviewStage(3, 2)).toBe('DECIDED');
    expect(reviewStage(2, 3)).toBe('IN_REVIEW');
  });
});

describe('claimStatus', () => {
  it('shows the consensus, in review, a conflict, or unreviewed', () => {
    expect(claimStatus({ consensusVerdict: 'SPECULATIVE', assessed: 1, required: 1 })).toBe('SPECULATIVE');
    expect(claimStatus({ consensusVerdict: null, assessed: 2, required: 1 })).toBe('CONFLICT');
    expect(claimStatus({ consensusVerdict: null, assessed: 0, required: 1 })).toBe('UNREVIEWED');
    expect(claimStatus({ consensusVerdict: null, assessed: 1, required: 2 })).toBe('IN_REVIEW');
    expect(claimStatus({ consensusVerdict: null, assessed: 2, required: 2 })).toBe('CONFLICT');
  });

  it('lets an adjudicated verdict stand whatever the count', () => {
    expect(claimStatus({ consensusVerdict: 'UNSUPPORTED', assessed: 1, required: 3 })).toBe('UNSUPPORTED');
  });

  it('says how far a claim in review has got', () => {
    expect(inReviewWords({ assessed: 1, required: 2 })).toBe('In review (1 of 2)');
  });
});
