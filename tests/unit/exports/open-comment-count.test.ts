import { describe, expect, it } from 'vitest';
import { openCommentCount } from '@/lib/exports/open-comment-count';

const comment = (id: string, parentId: string | null, resolvedAt: string | null = null) => ({
  id,
  parentId,
  resolvedAt,
});

describe('openCommentCount', () => {
  it('counts unresolved threads with their replies', () => {
    expect(openCommentCount([comment('a', null), comment('b', 'a'), comment('c', null)])).toBe(3);
  });

  it('leaves out the replies of a resolved thread', () => {
    const resolved = '2026-11-20T09:30:00.000Z';
    expect(
      openCommentCount([
        comment('a', null, resolved),
        comment('b', 'a'),
        comment('c', 'b'),
        comment('d', null),
      ]),
    ).toBe(1);
  });

  it('counts a reply whose thread start was deleted, and is zero without comments', () => {
    expect(openCommentCount([comment('b', 'gone')])).toBe(1);
    expect(openCommentCount([])).toBe(0);
  });
});
