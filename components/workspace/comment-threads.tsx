'use client';

import { memo, useId, useState } from 'react';
import { openThreadCount } from '@/lib/comments/comment-threads';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';
import { ActionMessage } from '../action-message';
import { Button } from '../ui/button';
import { LABEL, Textarea } from '../ui/field';
import { useAction } from '../use-action';
import { formatWhen } from './format-when';

type Comment = ClaimPanel['comments'][number];
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** Threaded comments: each thread can be replied to, resolved and reopened. "c" focuses the new comment. */
export const CommentThreads = memo(function CommentThreads(props: {
  documentId: string;
  claimId: string;
  comments: ClaimPanel['comments'];
  mayComment: boolean;
  add: Action;
  resolve: Action;
  onChanged: () => void;
  commentRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const id = useId();
  const roots = props.comments.filter((c) => c.parentId === null);
  const open = openThreadCount(props.comments);
  return (
    <section aria-labelledby={`${id}-t`} className="space-y-2 text-sm">
      <h3 id={`${id}-t`} className="font-semibold">
        Comments ({open} open{roots.length > open ? `, ${roots.length - open} resolved` : ''})
      </h3>
      {roots.length === 0 && <p className="text-slate-700">No comments yet.</p>}
      <ul className="space-y-2">
        {roots.map((root) => (
          <Thread
            key={root.id}
            {...props}
            root={root}
            replies={props.comments.filter((c) => c.parentId === root.id)}
          />
        ))}
      </ul>
      {props.mayComment && (
        <CommentBox
          label="New comment"
          button="Add comment"
          textareaRef={props.commentRef}
          submit={(body) => props.add({ documentId: props.documentId, claimId: props.claimId, body })}
          onDone={props.onChanged}
        />
      )}
    </section>
  );
});

function Thread(props: {
  documentId: string;
  claimId: string;
  root: Comment;
  replies: Comment[];
  mayComment: boolean;
  add: Action;
  resolve: Action;
  onChanged: () => void;
}) {
  const { root } = props;
  const [replying, setReplying] = useState(false);
  const resolving = useAction();
  const resolved = root.resolvedAt !== null;

  function toggleResolved() {
    const input = {
      documentId: props.documentId,
      commentId: root.id,
      resolved: !resolved,
      version: root.version,
    };
    resolving.run(() => props.resolve(input), { onSuccess: props.onChanged });
  }

  return (
    <li
      className={`rounded border p-2 ${resolved ? 'border-slate-200 bg-slate-50 text-slate-700' : 'border-slate-300 bg-white'}`}
    >
      <CommentBody comment={root} />
      {resolved && (
        <p className="mt-1 text-xs text-emerald-800">
          <span aria-hidden="true">✓ </span>Resolved{root.resolvedBy ? ` by ${root.resolvedBy}` : ''}
        </p>
      )}
      {props.replies.length > 0 && (
        <ul className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3" aria-label="Replies">
          {props.replies.map((reply) => (
            <li key={reply.id}>
              <CommentBody comment={reply} />
            </li>
          ))}
        </ul>
      )}
      {props.mayComment && (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
          <Button size="sm" onClick={() => setReplying((r) => !r)} aria-expanded={replying}>
            Reply
          </Button>
          <Button size="sm" disabled={resolving.pending} onClick={toggleResolved}>
            {resolved ? 'Reopen' : 'Resolve'}
          </Button>
          <ActionMessage result={resolving.result} failuresOnly />
        </div>
      )}
      {replying && (
        <CommentBox
          label={`Reply to ${root.author}`}
          button="Post reply"
          autoFocus
          submit={(body) =>
            props.add({ documentId: props.documentId, claimId: props.claimId, body, parentId: root.id })
          }
          onDone={() => {
            setReplying(false);
            props.onChanged();
          }}
        />
      )}
    </li>
  );
}

function CommentBody({ comment }: { comment: Comment }) {
  return (
    <>
      <p className="text-xs text-slate-600">
        <span className="font-medium text-slate-800">{comment.author}</span> · {formatWhen(comment.createdAt)}
      </p>
      <p className="mt-0.5 whitespace-pre-wrap break-words">{comment.body}</p>
    </>
  );
}

function CommentBox(props: {
  label: string;
  button: string;
  autoFocus?: boolean;
  textareaRef?: React.RefObject<HTMLTextAreaElement | null>;
  submit: (body: string) => Promise<ActionResult<unknown>>;
  onDone: () => void;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const posting = useAction();

  function send(event?: React.FormEvent) {
    event?.preventDefault();
    posting.run(() => props.submit(body), {
      onSuccess: () => {
        setBody('');
        props.onDone();
      },
    });
  }

  const failed = posting.result?.ok === false;
  return (
    <form onSubmit={send} className="mt-2">
      <label htmlFor={`${id}-body`} className={LABEL}>
        {props.label}
      </label>
      <Textarea
        id={`${id}-body`}
        ref={props.textareaRef}
        // The reply box opens because the reader asked to reply, so it takes the focus.
        autoFocus={props.autoFocus}
        value={body}
        maxLength={COMMENT_MAX_LENGTH}
        rows={2}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
        }}
        aria-invalid={failed}
        className="mt-1"
      />
      <div className="mt-1 flex items-center gap-3">
        <Button type="submit" disabled={posting.pending}>
          {posting.pending ? 'Posting…' : props.button}
        </Button>
        <ActionMessage result={posting.result} failuresOnly field="body" />
      </div>
    </form>
  );
}
