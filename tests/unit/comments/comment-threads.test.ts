import { describe, expect, it } from 'vitest';
import { openThreadCount } from '@/lib/comments/comment-threads';

const resolved = '2026-11-20T09:30:00.000Z';
const comment = (parentId: string | null, resolvedAt: string | null = null) => ({ parentId, resolvedAt });

describe('openThreadCount', () => {
  it('counts a comment with its unresolved reply as one open thread', () => {
    expect(openThreadCount([comment(null), comment('a')])).toBe(1);
  });

  it('counts each unresolved thread once, however many replies it has, and no resolved thread', () => {
    const comments = [
      comment(null),
      comment('a'),
      comment('a'),
      comment(null, resolved),
      comment('b'),
      comment(null),
    ];
    expect(openThreadCount(comments)).toBe(2);
  });

  it('counts no reply whose first comment was deleted, and is zero without comments', () => {
    expect(openThreadCount([comment('gone')])).toBe(0);
    expect(openThreadCount([])).toBe(0);
  });
});
