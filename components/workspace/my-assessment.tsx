'use client';

import { useId } from 'react';
import {
  CERTAINTIES,
  CERTAINTY_LABEL,
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  GRADE_DOMAIN_LABEL,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICT_LABEL,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { ActionMessage } from '../action-message';
import { StaleComparison } from './stale-comparison';
import type { AssessmentValues } from './workspace-actions';
import { type AssessmentDraft, theirsOf } from './workspace-state';

/**
 * The reader's own assessment. Verdict, level, certainty and reasons save as soon as they change; the rationale
 * saves with its button (or with any other change). The workspace runs the saves (useAssessmentSaves) and keeps
 * the draft, so the shortcuts 1, 2 and 3 save through it too; a failed save keeps what was chosen.
 */
export function MyAssessment(props: {
  draft: AssessmentDraft;
  /** A change that is saved at once. */
  onSave: (values: AssessmentValues) => void;
  /** A change that waits for "Save rationale". */
  onEdit: (values: AssessmentValues) => void;
  onKeepTheirs: () => void;
  /** The evidence level's select, which "e" focuses. */
  levelRef: React.RefObject<HTMLSelectElement | null>;
}) {
  const id = useId();
  const { values, result, saving } = props.draft;
  const save = props.onSave;
  // While a save runs, what the last one said no longer holds.
  const last = saving > 0 ? null : result;
  const theirs = theirsOf(last);
  const stale = theirs !== undefined;

  const errors = last && !last.ok && !stale ? (last.fieldErrors ?? {}) : {};
  const rationale = values.rationale ?? '';
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        My assessment
      </h3>
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Verdict</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {VERDICTS.map((v, i) => (
            <label
              key={v}
              className="relative cursor-pointer rounded border border-slate-300 bg-white px-2 py-1 text-sm has-[:checked]:border-sky-800 has-[:checked]:bg-sky-50 has-[:checked]:font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700"
            >
              <input
                type="radio"
                name={`${id}-verdict`}
                value={v}
                checked={values.verdict === v}
                onChange={() => save({ ...values, verdict: v })}
                // Invisible but covering the whole label, so the click target is the radio itself.
                className="absolute inset-0 cursor-pointer opacity-0"
              />
              {VERDICT_LABEL[v]}
              <span aria-hidden="true" className="ml-1.5 font-mono text-xs text-slate-600">
                {i + 1}
              </span>
            </label>
          ))}
        </div>
        {errors.verdict && <p className="mt-1 text-xs text-rose-800">{errors.verdict}</p>}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col text-xs font-medium text-slate-700">
          <span>
            Evidence level (CEBM) <kbd className="font-normal text-slate-600">e</kbd>
          </span>
          <select
            ref={props.levelRef}
            value={values.evidenceLevel ?? ''}
            onChange={(e) =>
              save({ ...values, evidenceLevel: (e.target.value || null) as EvidenceLevel | null })
            }
            aria-invalid={Boolean(errors.evidenceLevel)}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-normal"
          >
            <option value="">Not set</option>
            {EVIDENCE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {EVIDENCE_LEVEL_LABEL[l]}
              </option>
            ))}
          </select>
          {errors.evidenceLevel && <span className="mt-1 text-rose-800">{errors.evidenceLevel}</span>}
        </label>
        <label className="flex flex-col text-xs font-medium text-slate-700">
          GRADE certainty (optional)
          <select
            value={values.certainty ?? ''}
            onChange={(e) => {
              const certainty = (e.target.value || null) as AssessmentValues['certainty'];
              save({ ...values, certainty, downgradeReasons: certainty ? values.downgradeReasons : [] });
            }}
            className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-normal"
          >
            <option value="">Not rated</option>
            {CERTAINTIES.map((c) => (
              <option key={c} value={c}>
                {CERTAINTY_LABEL[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset disabled={!values.certainty}>
        <legend className="text-xs font-medium text-slate-700">
          Downgraded for{values.certainty ? '' : ' (rate the certainty first)'}
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {GRADE_DOMAINS.map((d) => (
            <label key={d} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={values.downgradeReasons.includes(d)}
                onChange={(e) =>
                  save({
                    ...values,
                    downgradeReasons: e.target.checked
                      ? [...values.downgradeReasons, d]
                      : values.downgradeReasons.filter((r) => r !== d),
                  })
                }
              />
              {GRADE_DOMAIN_LABEL[d]}
            </label>
          ))}
        </div>
        {errors.downgradeReasons && <p className="mt-1 text-xs text-rose-800">{errors.downgradeReasons}</p>}
      </fieldset>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(values);
        }}
      >
        <label htmlFor={`${id}-rationale`} className="block text-xs font-medium text-slate-700">
          Rationale
        </label>
        <textarea
          id={`${id}-rationale`}
          value={rationale}
          maxLength={RATIONALE_MAX_LENGTH}
          rows={3}
          onChange={(e) => props.onEdit({ ...values, rationale: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(values);
          }}
          aria-invalid={Boolean(errors.rationale)}
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        />
        {errors.rationale && <p className="text-xs text-rose-800">{errors.rationale}</p>}
        <div className="mt-1 flex items-center gap-3">
          <button
            type="submit"
            disabled={saving > 0}
            className="rounded bg-sky-800 px-3 py-1 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-60"
          >
            Save rationale
          </button>
          <ActionMessage result={result} busy={saving > 0 && 'Saving…'} />
        </div>
      </form>
      {stale && (
        <StaleComparison
          mine={values}
          theirs={theirs}
          onReapply={() => save(values)}
          onKeepTheirs={props.onKeepTheirs}
        />
      )}
    </section>
  );
}
