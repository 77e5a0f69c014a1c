'use client';

import { useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/errors';

type Saved = { version: number };
type Action = (input: unknown) => Promise<ActionResult<Saved>>;
type Change = { verb: 'split'; at: number } | { verb: 'merge' } | { verb: 'delete' };

const BUTTON =
  'rounded border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60';

/** Edit, split, merge and delete one claim; a change to an assessed claim asks for confirmation first. */
export function ClaimEditor(props: {
  documentId: string;
  claim: { id: string; text: string; quote: string; version: number; assessmentCount: number };
  actions: { edit: Action; split: Action; merge: Action; delete: Action };
}) {
  const id = useId();
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(props.claim.text);
  const [version, setVersion] = useState(props.claim.version);
  const [result, setResult] = useState<ActionResult<Saved> | null>(null);
  const [pendingChange, setPendingChange] = useState<Change | null>(null);
  const [pending, startTransition] = useTransition();
  // The page re-renders with the saved claim after a change; take its text and version then, and only then, so
  // that input kept after a failure is not overwritten.
  const [shown, setShown] = useState(props.claim.version);
  if (props.claim.version !== shown) {
    setShown(props.claim.version);
    setText(props.claim.text);
    setVersion(props.claim.version);
  }

  function run(action: Action, input: Record<string, unknown>, change: Change | null) {
    startTransition(async () => {
      const r = await action({ documentId: props.documentId, claimId: props.claim.id, version, ...input });
      setResult(r);
      if (r.ok) {
        setVersion(r.data.version);
        setPendingChange(null);
        return;
      }
      // Asked to confirm: remember the change so that "Confirm" resends it as it was.
      setPendingChange(r.fieldErrors?.confirm === 'required' ? change : null);
      // A stale write: take the current version so that trying again is a knowing choice; the input stays.
      const current = r.details?.current as { version?: number } | null | undefined;
      if (current?.version) setVersion(current.version);
    });
  }

  function saveText(event: React.FormEvent) {
    event.preventDefault();
    run(props.actions.edit, { text }, null);
  }

  function change(c: Change, confirmed = false) {
    const input = { ...(c.verb === 'split' ? { at: c.at } : {}), ...(confirmed ? { confirmed: true } : {}) };
    run(props.actions[c.verb], input, c);
  }

  function splitHere() {
    const at = quoteRef.current?.selectionStart ?? 0;
    if (at <= 0 || at >= props.claim.quote.length) {
      setResult({
        ok: false,
        message: 'Place the cursor inside the quote, between two words, to split it there.',
      });
      return;
    }
    change({ verb: 'split', at });
  }

  const error = result && !result.ok ? result : null;
  const textError = error?.fieldErrors?.text;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Edit claim</summary>
      <div className="mt-2 space-y-3">
        <form onSubmit={saveText}>
          <label htmlFor={`${id}-text`} className="block text-xs font-medium text-slate-700">
            Claim text
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            aria-invalid={Boolean(textError)}
            aria-describedby={`${id}-status`}
            className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 aria-[invalid=true]:border-rose-600"
          />
          <button type="submit" disabled={pending} className={BUTTON}>
            Save text
          </button>
        </form>
        <div>
          <label htmlFor={`${id}-quote`} className="block text-xs font-medium text-slate-700">
            Quote (place the cursor where to split)
          </label>
          <textarea
            id={`${id}-quote`}
            ref={quoteRef}
            readOnly
            value={props.claim.quote}
            rows={3}
            className="mt-1 w-full rounded border border-slate-300 bg-slate-50 px-2 py-1"
          />
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={pending} onClick={splitHere} className={BUTTON}>
              Split here
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => change({ verb: 'merge' })}
              className={BUTTON}
            >
              Merge with next
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => change({ verb: 'delete' })}
              className={`${BUTTON} border-rose-700 text-rose-800`}
            >
              Delete claim
            </button>
          </div>
        </div>
        {props.claim.assessmentCount > 0 && (
          <p className="text-xs text-slate-700">
            {props.claim.assessmentCount === 1
              ? '1 assessment'
              : `${props.claim.assessmentCount} assessments`}
            : splitting, merging or deleting asks you to confirm.
          </p>
        )}
        <div id={`${id}-status`} aria-live="polite" className="text-xs">
          {pending && <span className="text-slate-700">Saving…</span>}
          {!pending && result?.ok && <span className="text-emerald-800">{result.message}</span>}
          {!pending && error && <span className="text-rose-800">{textError ?? error.message}</span>}
        </div>
        {pendingChange && !pending && (
          <button type="button" onClick={() => change(pendingChange, true)} className={BUTTON}>
            Confirm
          </button>
        )}
      </div>
    </details>
  );
}
