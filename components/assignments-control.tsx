'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { describeRange } from '@/lib/assignments/assignment-range';
import type { AssignableReviewer, DocumentAssignment } from '@/lib/assignments/list-document-assignments';
import type { ActionResult } from '@/lib/errors';
import { ActionMessage } from './action-message';
import { Button, buttonClass } from './ui/button';
import { ERROR, Field, HINT, Input, LABEL, Select } from './ui/field';
import { useAction } from './use-action';

type Action = (input: unknown) => Promise<ActionResult<{ id: string }>>;

const FORM_FIELDS = ['reviewerId', 'fromNumber', 'toNumber', 'range'];

/**
 * For a lead, in the document's header: who is assigned this document or a range of its claims, with their
 * progress, and a form to assign more. A disclosure, so it opens and closes from the keyboard like any button.
 */
export function AssignmentsControl(props: {
  documentId: string;
  assignments: ReadonlyArray<DocumentAssignment>;
  assignable: ReadonlyArray<AssignableReviewer>;
  numbers: { lowest: number; highest: number } | null;
  assign: Action;
  remove: Action;
}) {
  const id = useId();
  const router = useRouter();
  const [form, setForm] = useState({ reviewerId: '', from: '', to: '' });
  const assigning = useAction<{ id: string }>();
  const removing = useAction<{ id: string }>();
  const pending = assigning.pending || removing.pending;

  function assign(event: React.FormEvent) {
    event.preventDefault();
    removing.clear();
    const input = {
      documentId: props.documentId,
      reviewerId: form.reviewerId,
      fromNumber: numberOrNull(form.from),
      toNumber: numberOrNull(form.to),
    };
    assigning.run(() => props.assign(input), {
      onSuccess: () => {
        setForm({ reviewerId: '', from: '', to: '' });
        router.refresh();
      },
    });
  }

  function remove(assignmentId: string) {
    assigning.clear();
    removing.run(() => props.remove({ documentId: props.documentId, assignmentId }), {
      onSuccess: () => router.refresh(),
    });
  }

  const errors = assigning.fieldErrors;
  const rangeError = errors.range ?? errors.fromNumber ?? errors.toNumber ?? null;
  const span = props.numbers ? `#${props.numbers.lowest}–#${props.numbers.highest}` : null;

  return (
    <details className="relative text-sm">
      <summary className={buttonClass({ className: 'cursor-pointer list-none' })}>
        Assignments ({props.assignments.length})
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-[min(26rem,calc(100vw-2rem))] space-y-3 rounded border border-slate-300 bg-white p-3 shadow-lg">
        {props.assignments.length === 0 ? (
          <p className="text-slate-700">Nobody is assigned to this document yet.</p>
        ) : (
          <ul aria-label="Current assignments" className="divide-y divide-slate-200">
            {props.assignments.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
                <span className="min-w-0 break-words">
                  <strong className="font-medium">{a.reviewerName}</strong>:{' '}
                  {describeRange(a.fromNumber, a.toNumber)}
                  <span className="block text-xs text-slate-600">
                    {a.reviewed} of {a.total} reviewed
                  </span>
                </span>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={pending}
                  onClick={() => remove(a.id)}
                  aria-label={`Remove ${a.reviewerName}’s assignment of ${describeRange(a.fromNumber, a.toNumber)}`}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <ActionMessage result={removing.result} failuresOnly />
        <form onSubmit={assign} noValidate className="space-y-2 border-t border-slate-200 pt-3">
          <Field label="Reviewer" error={errors.reviewerId}>
            {(control) => (
              <Select
                {...control}
                value={form.reviewerId}
                onChange={(e) => setForm({ ...form, reviewerId: e.target.value })}
              >
                <option value="">Choose a member…</option>
                {props.assignable.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({r.role === 'LEAD' ? 'lead' : 'reviewer'})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <fieldset aria-describedby={`${id}-range-hint${rangeError ? ` ${id}-range-error` : ''}`}>
            <legend className={LABEL}>Claims (leave both empty for the whole document)</legend>
            <div className="mt-1 flex items-center gap-2">
              <label className="flex items-center gap-1">
                <span aria-hidden="true">#</span>
                <span className="sr-only">From claim number</span>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={form.from}
                  onChange={(e) => setForm({ ...form, from: e.target.value })}
                  aria-invalid={rangeError ? true : undefined}
                  className="w-20"
                />
              </label>
              <span aria-hidden="true">–</span>
              <label className="flex items-center gap-1">
                <span aria-hidden="true">#</span>
                <span className="sr-only">To claim number</span>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  value={form.to}
                  onChange={(e) => setForm({ ...form, to: e.target.value })}
                  aria-invalid={rangeError ? true : undefined}
                  className="w-20"
                />
              </label>
            </div>
            <p id={`${id}-range-hint`} className={`mt-1 ${HINT}`}>
              {span ? `This document's claims run ${span}.` : 'This document has no claims yet.'}
            </p>
            {rangeError && (
              <p id={`${id}-range-error`} className={`mt-1 ${ERROR}`}>
                {rangeError}
              </p>
            )}
          </fieldset>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" variant="primary" disabled={pending}>
              {pending ? 'Saving…' : 'Assign'}
            </Button>
            <ActionMessage result={assigning.result} shown={FORM_FIELDS} />
          </div>
        </form>
      </div>
    </details>
  );
}

/** An empty box is no number; anything typed is sent as typed, for the server to judge. */
function numberOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
