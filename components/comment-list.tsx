type CommentView = { id: string; body: string; createdAt: Date; author: { name: string } };

/** Comments render as text: React escapes them, so HTML someone typed is shown, never run. */
export function CommentList({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1.5" aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id} className="rounded bg-slate-50 px-2 py-1.5 text-sm">
          <p className="whitespace-pre-wrap break-words">{c.body}</p>
          <p className="mt-0.5 text-xs text-slate-600">
            {c.author.name} ·{' '}
            <time dateTime={c.createdAt.toISOString()}>
              {c.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
            </time>
          </p>
        </li>
      ))}
    </ul>
  );
}
