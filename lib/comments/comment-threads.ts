// Comment threads, counted the same way wherever a count is shown: the workspace's comments, the summary and
// every export. Threads are one level deep (addComment puts a reply to a reply under its thread's first
// comment) and only a whole thread is resolved (resolveComment), so a thread is open while its first comment
// is unresolved, however many replies it has.

/** The meaning of the count, in words, for where the count is shown. */
export const OPEN_THREADS_MEANING = 'comment threads not yet resolved';

/**
 * Open threads: comment threads not yet resolved. A reply never adds to the count, and a reply whose first
 * comment was deleted belongs to no thread the panel shows, so it is not counted either. Deleted comments are
 * not passed in.
 */
export function openThreadCount(
  comments: ReadonlyArray<{ parentId: string | null; resolvedAt: string | null }>,
): number {
  let open = 0;
  for (const comment of comments) if (comment.parentId === null && comment.resolvedAt === null) open += 1;
  return open;
}
