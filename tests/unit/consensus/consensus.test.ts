import { describe, expect, it } from 'vitest';
import { claimStatus, computeConsensus } from '@/lib/consensus/consensus';

describe('computeConsensus', () => {
  it('is unreviewed with no verdicts', () => {
    expect(computeConsensus([])).toEqual({ state: 'UNREVIEWED', verdict: null, evidenceLevel: null });
    expect(computeConsensus([{ verdict: null, evidenceLevel: 'LEVEL_2' }]).state).toBe('UNREVIEWED');
  });

  it("takes a single reviewer's verdict and level", () => {
    expect(computeConsensus([{ verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' }])).toEqual({
      state: 'AGREED',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
    });
  });

  it('keeps the weakest evidence level when verdicts agree and levels do not', () => {
    const consensus = computeConsensus([
      { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1' },
      { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' },
      { verdict: 'SUPPORTED', evidenceLevel: null },
    ]);
    expect(consensus).toEqual({ state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_3' });
    expect(
      computeConsensus([
        { verdict: 'SPECULATIVE', evidenceLevel: 'LEVEL_5' },
        { verdict: 'SPECULATIVE', evidenceLevel: 'NONE' },
      ]).evidenceLevel,
    ).toBe('NONE');
  });

  it('is a conflict when verdicts differ, ignoring reviewers who gave none', () => {
    expect(
      computeConsensus([
        { verdict: 'SUPPORTED', evidenceLevel: null },
        { verdict: 'UNSUPPORTED', evidenceLevel: null },
      ]).state,
    ).toBe('CONFLICT');
    expect(
      computeConsensus([
        { verdict: 'SUPPORTED', evidenceLevel: null },
        { verdict: null, evidenceLevel: 'LEVEL_1' },
      ]).state,
    ).toBe('AGREED');
  });
});

describe('claimStatus', () => {
  it('shows the consensus, a conflict, or unreviewed', () => {
    expect(claimStatus({ consensusVerdict: 'SPECULATIVE', reviewed: true })).toBe('SPECULATIVE');
    expect(claimStatus({ consensusVerdict: null, reviewed: true })).toBe('CONFLICT');
    expect(claimStatus({ consensusVerdict: null, reviewed: false })).toBe('UNREVIEWED');
  });
});
