'use client';

import { useId, useState, useTransition } from 'react';
import {
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  VERDICT_LABEL,
  VERDICTS,
  type Verdict,
} from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/http/action-result';

type Values = { verdict: Verdict | null; evidenceLevel: EvidenceLevel | null };
type Saved = Values & { version: number };
type Current = Saved | null;

export function AssessmentForm(props: {
  documentId: string;
  claimId: string;
  initial: Saved | null;
  action: (input: unknown) => Promise<ActionResult<Saved>>;
}) {
  const id = useId();
  const [values, setValues] = useState<Values>({
    verdict: props.initial?.verdict ?? null,
    evidenceLevel: props.initial?.evidenceLevel ?? null,
  });
  const [version, setVersion] = useState(props.initial?.version ?? 0);
  const [result, setResult] = useState<ActionResult<Saved> | null>(null);
  const [theirs, setTheirs] = useState<Current>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const r = await props.action({
        documentId: props.documentId,
        claimId: props.claimId,
        version,
        ...values,
      });
      setResult(r);
      if (r.ok) {
        setVersion(r.data.version);
        setTheirs(null);
      } else if (r.details && 'current' in r.details) {
        // A stale write: keep my choice on screen, show theirs, and let "save again" replace it knowingly.
        const current = r.details.current as Current;
        setTheirs(current);
        setVersion(current?.version ?? 0);
      }
    });
  }

  const error = result && !result.ok ? result : null;
  return (
    <form
      onSubmit={save}
      className="flex flex-wrap items-end gap-x-4 gap-y-2"
      aria-describedby={`${id}-status`}
    >
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Verdict</legend>
        <div className="mt-1 flex gap-1">
          {VERDICTS.map((v) => (
            <label
              key={v}
              className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-1 text-sm has-[:checked]:border-sky-800 has-[:checked]:bg-sky-50 has-[:checked]:font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700"
            >
              <input
                type="radio"
                name={`${id}-verdict`}
                value={v}
                checked={values.verdict === v}
                onChange={() => setValues((s) => ({ ...s, verdict: v }))}
                className="sr-only"
              />
              {VERDICT_LABEL[v]}
            </label>
          ))}
        </div>
        {error?.fieldErrors?.verdict && (
          <p className="mt-1 text-xs text-rose-800">{error.fieldErrors.verdict}</p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${id}-level`} className="block text-xs font-medium text-slate-700">
          Evidence level (CEBM)
        </label>
        <select
          id={`${id}-level`}
          value={values.evidenceLevel ?? ''}
          onChange={(e) =>
            setValues((s) => ({ ...s, evidenceLevel: (e.target.value || null) as EvidenceLevel | null }))
          }
          className="mt-1 max-w-72 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
          aria-invalid={Boolean(error?.fieldErrors?.evidenceLevel)}
        >
          <option value="">Not set</option>
          {EVIDENCE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {EVIDENCE_LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
        {error?.fieldErrors?.evidenceLevel && (
          <p className="mt-1 text-xs text-rose-800">{error.fieldErrors.evidenceLevel}</p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-sky-800 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
      >
        {pending ? 'Saving…' : theirs !== null || error?.details ? 'Save mine again' : 'Save assessment'}
      </button>
      <div id={`${id}-status`} aria-live="polite" className="basis-full text-xs">
        {result?.ok && <span className="text-emerald-800">{result.message}</span>}
        {error && <span className="text-rose-800">{error.message}</span>}
        {error?.details && (
          <span className="block text-slate-700">
            Their assessment now: {theirs?.verdict ? VERDICT_LABEL[theirs.verdict] : 'no verdict'},{' '}
            {theirs?.evidenceLevel ? EVIDENCE_LEVEL_LABEL[theirs.evidenceLevel] : 'no evidence level'}.
          </span>
        )}
      </div>
    </form>
  );
}
