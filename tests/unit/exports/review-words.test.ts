import { describe, expect, it } from 'vitest';
import { evidenceLevelCell, evidenceLevelWords } from '@/lib/exports/review-words';

describe('a claim without a consensus evidence level says why', () => {
  it('in a table cell: not given (agreed verdict), not agreed (conflict), a dash (unreviewed)', () => {
    expect(evidenceLevelCell('SUPPORTED', null)).toBe('Not given');
    expect(evidenceLevelCell('UNSUPPORTED', null)).toBe('Not given');
    expect(evidenceLevelCell('CONFLICT', null)).toBe('Not agreed');
    expect(evidenceLevelCell('UNREVIEWED', null)).toBe('—');
    expect(evidenceLevelCell('SPECULATIVE', 'LEVEL_4')).toBe('CEBM 4');
    expect(evidenceLevelCell('SUPPORTED', 'NONE')).toBe('No evidence');
  });

  it('in words, for the JSON-LD and the annotations', () => {
    expect(evidenceLevelWords('SUPPORTED', null)).toBe('none given by the reviewers');
    expect(evidenceLevelWords('CONFLICT', null)).toBe('none agreed, the reviewers disagree on the verdict');
    expect(evidenceLevelWords('UNREVIEWED', null)).toBe('none, not reviewed yet');
    expect(evidenceLevelWords('SUPPORTED', 'NONE')).toBe('no evidence offered');
    expect(evidenceLevelWords('SUPPORTED', 'LEVEL_2')).toMatch(/^Oxford CEBM level 2 \(/);
  });
});
