import { describe, expect, it } from 'vitest';
import { describeChanges } from '@/lib/workspace/describe-changes';

describe('describeChanges', () => {
  it('lists changed fields in words, old to new', () => {
    expect(
      describeChanges(
        { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', rationale: 'same' },
        {
          verdict: 'SPECULATIVE',
          evidenceLevel: 'LEVEL_2',
          rationale: 'same',
          downgradeReasons: ['IMPRECISION'],
        },
      ),
    ).toEqual([
      { field: 'Verdict', from: 'Supported', to: 'Speculative' },
      { field: 'Downgraded for', from: null, to: 'Imprecision' },
    ]);
  });

  it('shows a creation (no before) as new values only, and skips ids', () => {
    expect(describeChanges(null, { body: 'Hello', parentId: 'x' })).toEqual([
      { field: 'Comment', from: null, to: 'Hello' },
    ]);
  });
});

describe('describeChanges with times', () => {
  it('shows a resolution time as a readable UTC time', () => {
    expect(describeChanges({ resolvedAt: null }, { resolvedAt: '2026-11-29T17:54:54.221Z' })).toEqual([
      { field: 'Resolved', from: null, to: '2026-11-29 17:54 UTC' },
    ]);
  });
});
