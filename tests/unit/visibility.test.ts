import { describe, expect, it } from 'vitest';
import { assertSummaryOpen, canSeeOthers, summaryClosedTo } from '@/lib/visibility';

describe('canSeeOthers', () => {
  it('lets everyone see everything in open review', () => {
    for (const role of ['ADMIN', 'REVIEWER', 'VIEWER'] as const)
      expect(canSeeOthers({ reviewMode: 'OPEN', role, myVerdict: null })).toBe(true);
  });

  it('hides the others from a reviewer without a verdict in blind review', () => {
    expect(canSeeOthers({ reviewMode: 'BLIND', role: 'REVIEWER', myVerdict: null })).toBe(false);
  });

  it('shows the others to a reviewer once they have given a verdict', () => {
    for (const myVerdict of ['SUPPORTED', 'SPECULATIVE', 'UNSUPPORTED'] as const)
      expect(canSeeOthers({ reviewMode: 'BLIND', role: 'REVIEWER', myVerdict })).toBe(true);
  });

  it('always shows admins and viewers everything', () => {
    for (const role of ['ADMIN', 'VIEWER'] as const)
      expect(canSeeOthers({ reviewMode: 'BLIND', role, myVerdict: null })).toBe(true);
  });
});

describe('summaryClosedTo and assertSummaryOpen', () => {
  it('close the summary to reviewers under blind review only', () => {
    expect(summaryClosedTo({ reviewMode: 'BLIND', role: 'REVIEWER' })).toBe(true);
    expect(() => assertSummaryOpen({ reviewMode: 'BLIND', role: 'REVIEWER' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    for (const role of ['ADMIN', 'VIEWER'] as const) {
      expect(summaryClosedTo({ reviewMode: 'BLIND', role })).toBe(false);
      expect(() => assertSummaryOpen({ reviewMode: 'BLIND', role })).not.toThrow();
    }
    for (const role of ['ADMIN', 'REVIEWER', 'VIEWER'] as const)
      expect(summaryClosedTo({ reviewMode: 'OPEN', role })).toBe(false);
  });
});
