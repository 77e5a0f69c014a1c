'use client';

import { memo, useEffect, useId, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button } from './ui/button';
import { LABEL, Textarea } from './ui/field';
import { useAction } from './use-action';

type Saved = { version: number };
type Action = (input: unknown) => Promise<ActionResult<Saved>>;
type Change = { verb: 'split'; at: number } | { verb: 'merge' } | { verb: 'delete' };
/**
 * What this form holds over the claim as the page shows it at version `shown`: the text being typed, and the
 * version the server last named (after a save, or a stale write). A new version from the page replaces both.
 */
type Local = { shown: number; text?: string; version?: number };

/**
 * Edit, split, merge and delete one claim. Deleting always asks first, in a dialog; splitting or merging an
 * assessed claim asks too (the server's confirmation).
 */
export const ClaimEditor = memo(function ClaimEditor(props: {
  documentId: string;
  claim: { id: string; text: string; quote: string; version: number; assessmentCount: number };
  actions: { edit: Action; split: Action; merge: Action; delete: Action };
}) {
  const id = useId();
  const quoteRef = useRef<HTMLTextAreaElement>(null);
  const saving = useAction<Saved>();
  const [pendingChange, setPendingChange] = useState<Change | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // The page re-renders with the saved claim after a change; its text and version win then, and only then, so
  // that input kept after a failure is not overwritten.
  const [stored, setLocal] = useState<Local>({ shown: props.claim.version });
  const local: Local = stored.shown === props.claim.version ? stored : { shown: props.claim.version };
  const text = local.text ?? props.claim.text;
  const version = local.version ?? props.claim.version;
  const keep = (change: Omit<Local, 'shown'>) =>
    setLocal((s) => ({ ...(s.shown === local.shown ? s : { shown: local.shown }), ...change }));

  function run(action: Action, input: Record<string, unknown>, change: Change | null) {
    saving.run(() => action({ documentId: props.documentId, claimId: props.claim.id, version, ...input }), {
      onSuccess: (saved) => {
        keep({ version: saved.version });
        setPendingChange(null);
      },
      onFailure: (failure) => {
        // Asked to confirm: remember the change so that "Confirm" resends it as it was.
        setPendingChange(failure.fieldErrors?.confirm === 'required' ? change : null);
        // A stale write: take the current version so that trying again is a knowing choice; the input stays.
        const current = failure.details?.current as { version?: number } | null | undefined;
        if (current?.version) keep({ version: current.version });
      },
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
      saving.refuse('Place the cursor inside the quote, between two words, to split it there.');
      return;
    }
    change({ verb: 'split', at });
  }

  const textError = saving.fieldErrors.text;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Edit claim</summary>
      <div className="mt-2 space-y-3">
        <form onSubmit={saveText}>
          <label htmlFor={`${id}-text`} className={LABEL}>
            Claim text
          </label>
          <Textarea
            id={`${id}-text`}
            value={text}
            onChange={(e) => keep({ text: e.target.value })}
            rows={3}
            aria-invalid={Boolean(textError)}
            aria-describedby={`${id}-status`}
            className="mt-1"
          />
          <Button type="submit" disabled={saving.pending} className="mt-1">
            Save text
          </Button>
        </form>
        <div>
          <label htmlFor={`${id}-quote`} className={LABEL}>
            Quote (place the cursor where to split)
          </label>
          <Textarea
            id={`${id}-quote`}
            ref={quoteRef}
            readOnly
            value={props.claim.quote}
            rows={3}
            className="mt-1 read-only:bg-slate-50"
          />
          <div className="mt-1 flex flex-wrap gap-2">
            <Button disabled={saving.pending} onClick={splitHere}>
              Split here
            </Button>
            <Button disabled={saving.pending} onClick={() => change({ verb: 'merge' })}>
              Merge with next
            </Button>
            <Button variant="danger" disabled={saving.pending} onClick={() => setConfirmingDelete(true)}>
              Delete claim
            </Button>
          </div>
        </div>
        {props.claim.assessmentCount > 0 && (
          <p className="text-xs text-slate-700">
            {props.claim.assessmentCount === 1
              ? '1 assessment'
              : `${props.claim.assessmentCount} assessments`}
            : splitting or merging asks you to confirm.
          </p>
        )}
        <ActionMessage
          id={`${id}-status`}
          result={saving.result}
          busy={saving.pending && 'Saving…'}
          field="text"
        />
        {pendingChange && !saving.pending && (
          <Button
            variant={pendingChange.verb === 'delete' ? 'danger' : 'primary'}
            onClick={() => change(pendingChange, true)}
          >
            Confirm
          </Button>
        )}
      </div>
      <ConfirmDelete
        open={confirmingDelete}
        quote={props.claim.quote}
        assessmentCount={props.claim.assessmentCount}
        onCancel={() => setConfirmingDelete(false)}
        onConfirm={() => {
          setConfirmingDelete(false);
          // The dialog named the assessments, so confirming it is the consent the server asks for. One made since
          // the page loaded is not in it: the server then asks again.
          change({ verb: 'delete' }, props.claim.assessmentCount > 0);
        }}
      />
    </details>
  );
});

const QUOTE_SHOWN = 140;

/**
 * A modal question before a claim is deleted. A deleted claim leaves the review at once, for every reviewer, and
 * can only be added back from the text, without its assessments and comments; so the reviewer confirms rather
 * than undoes. The safe answer has the focus, Escape keeps the claim, and focus returns to "Delete claim".
 */
function ConfirmDelete(props: {
  open: boolean;
  quote: string;
  assessmentCount: number;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      dialog.showModal();
      keepRef.current?.focus();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  const quote =
    props.quote.length > QUOTE_SHOWN ? `${props.quote.slice(0, QUOTE_SHOWN).trimEnd()}…` : props.quote;
  const n = props.assessmentCount;
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-what`}
      onClose={props.onCancel}
      className="m-auto w-96 max-w-[calc(100vw-2rem)] rounded border border-slate-300 p-4 text-sm shadow-lg backdrop:bg-slate-900/30"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        Delete this claim?
      </h2>
      <div id={`${id}-what`} className="mt-2 space-y-2 text-slate-700">
        <p className="break-words">“{quote}”</p>
        <p>
          {n > 0 && `Its ${n === 1 ? 'assessment' : `${n} assessments`} will no longer count. `}
          The claim leaves the review for everyone; the audit trail keeps it.
        </p>
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button ref={keepRef} onClick={props.onCancel}>
          Keep the claim
        </Button>
        <Button variant="danger" onClick={props.onConfirm}>
          Delete
        </Button>
      </div>
    </dialog>
  );
}
