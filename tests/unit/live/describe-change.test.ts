import { describe, expect, it } from 'vitest';
import { describeChange } from '@/lib/live/describe-change';

const change = { claimId: 'c', claimNumber: 12, actorName: 'Rob Reviewer', mine: false };

describe('describeChange', () => {
  it('says who changed which claim', () => {
    expect(describeChange({ ...change, action: 'comment.added' })).toBe(
      'Rob Reviewer commented on claim #12.',
    );
    expect(describeChange({ ...change, action: 'assessment.created' })).toBe(
      'Rob Reviewer assessed claim #12.',
    );
    expect(describeChange({ ...change, action: 'document.review-mode-changed', claimNumber: null })).toBe(
      'Rob Reviewer changed the review mode.',
    );
    expect(describeChange({ ...change, action: 'claim.deleted', claimNumber: null, actorName: null })).toBe(
      'Someone deleted a claim.',
    );
  });

  it('says nothing of the reader’s own changes, nor of a consensus that followed an assessment', () => {
    expect(describeChange({ ...change, action: 'comment.added', mine: true })).toBeNull();
    expect(describeChange({ ...change, action: 'consensus.changed' })).toBeNull();
  });
});
