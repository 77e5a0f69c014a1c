'use client';

import { useId, useState, useTransition } from 'react';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/http/action-result';

export function CommentForm(props: {
  documentId: string;
  claimId: string;
  action: (input: unknown) => Promise<ActionResult>;
}) {
  const id = useId();
  const [body, setBody] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const r = await props.action({ documentId: props.documentId, claimId: props.claimId, body });
      setResult(r);
      // Only a saved comment clears the box; after a failure the text stays so nothing typed is lost.
      if (r.ok) setBody('');
    });
  }

  const fieldError = result && !result.ok ? result.fieldErrors?.body : undefined;
  const tooLong = body.length > COMMENT_MAX_LENGTH;
  return (
    <form onSubmit={submit} className="mt-2">
      <label htmlFor={`${id}-body`} className="block text-xs font-medium text-slate-700">
        Add a comment
      </label>
      <textarea
        id={`${id}-body`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        aria-invalid={Boolean(fieldError) || tooLong}
        aria-describedby={`${id}-help ${id}-status`}
        className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-rose-600"
      />
      <div className="flex items-center justify-between gap-2">
        <div id={`${id}-status`} aria-live="polite" className="text-xs">
          {fieldError && <span className="text-rose-800">{fieldError}</span>}
          {result && !result.ok && !fieldError && <span className="text-rose-800">{result.message}</span>}
          {result?.ok && <span className="text-emerald-800">{result.message}</span>}
        </div>
        <span id={`${id}-help`} className={`text-xs ${tooLong ? 'text-rose-800' : 'text-slate-600'}`}>
          {body.length.toLocaleString('en')} / {COMMENT_MAX_LENGTH.toLocaleString('en')}
        </span>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="mt-1 rounded border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? 'Adding…' : 'Add comment'}
      </button>
    </form>
  );
}
