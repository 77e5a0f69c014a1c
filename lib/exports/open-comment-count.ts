/**
 * Comments still waiting for an answer: neither the comment nor any comment above it in its thread is resolved,
 * because resolving a thread resolves its replies with it. Deleted comments are not passed in.
 */
export function openCommentCount(
  comments: ReadonlyArray<{ id: string; parentId: string | null; resolvedAt: string | null }>,
): number {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const isOpen = (id: string | null, seen: Set<string>): boolean => {
    const comment = id === null ? undefined : byId.get(id);
    if (!comment || seen.has(comment.id)) return true;
    seen.add(comment.id);
    return comment.resolvedAt === null && isOpen(comment.parentId, seen);
  };
  return comments.filter((c) => isOpen(c.id, new Set())).length;
}
