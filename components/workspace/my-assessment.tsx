'use client';

import { useEffect, useId, useRef, useState } from 'react';
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
import { Button } from '../ui/button';
import { Choice, ERROR, LABEL, Select, Textarea } from '../ui/field';
import { StaleComparison } from './stale-comparison';
import type { AssessmentValues } from './workspace-actions';
import { type AssessmentDraft, theirsOf, undoneValues } from './workspace-state';

/** How long a save can be undone from its message. */
const UNDO_MS = 10_000;

/**
 * The reader's own assessment. Each choice saves once (docs/decisions/0013): a click on a verdict, level,
 * certainty or reason, or in a list, Enter or leaving the list after moving through it with the keyboard. The
 * rationale saves with its button (or with any other change). For a few seconds after a save, "Undo" puts back
 * what it changed, as one more save. The workspace runs the saves (useAssessmentSaves) and keeps the draft, so
 * the shortcuts 1, 2 and 3 save through it too; a failed save keeps what was chosen.
 */
export function MyAssessment(props: {
  draft: AssessmentDraft;
  /** A choice, saved at once. */
  onSave: (values: AssessmentValues) => void;
  /** A keyboard move through a list, saved when the choice is made. */
  onMove: (values: AssessmentValues) => void;
  /** A change that waits for "Save rationale". */
  onEdit: (values: AssessmentValues) => void;
  /** Saves what undoes the last save. */
  onUndo: (values: AssessmentValues) => void;
  onKeepTheirs: () => void;
  /** The evidence level's select, which "e" focuses. */
  levelRef: React.RefObject<HTMLSelectElement | null>;
}) {
  const id = useId();
  const { values, result, saving, movedFrom, undo } = props.draft;
  const save = props.onSave;
  // While a save runs, what the last one said no longer holds.
  const last = saving > 0 ? null : result;
  const theirs = theirsOf(last);
  const stale = theirs !== undefined;
  // A change in a list is a move when a moving key made it, and a choice otherwise (a pointer's pick).
  const change = (next: AssessmentValues, list: ChoiceList) => (list.moving() ? props.onMove : save)(next);
  const commit = () => {
    if (movedFrom) save(values);
  };
  const verdictList = useChoiceList({ chooseKeys: ['Enter', ' '], commit });
  const levelList = useChoiceList({ chooseKeys: ['Enter'], commit });
  const certaintyList = useChoiceList({ chooseKeys: ['Enter'], commit });

  const [undoExpired, setUndoExpired] = useState<AssessmentDraft['undo']>(null);
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndoExpired(undo), UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  const undoing = last?.ok && undo !== undoExpired && !movedFrom ? undoneValues(props.draft) : null;

  const errors = last && !last.ok && !stale ? (last.fieldErrors ?? {}) : {};
  const rationale = values.rationale ?? '';
  // A level put here from a citation's suggestion waits for the reviewer to save it (claim-panel.tsx).
  // A failed or stale save says so itself.
  const levelUnsaved =
    saving === 0 &&
    !movedFrom &&
    (!last || last.ok) &&
    values.evidenceLevel !== props.draft.saved.evidenceLevel;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        My assessment
      </h3>
      <fieldset {...verdictList.props}>
        <legend className={LABEL}>Verdict</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {VERDICTS.map((v, i) => (
            <label
              key={v}
              className="relative inline-flex cursor-pointer items-center rounded border border-slate-400 bg-white px-2 py-1 text-sm pointer-coarse:min-h-11 pointer-coarse:px-3 has-[:checked]:border-sky-800 has-[:checked]:bg-sky-50 has-[:checked]:font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-700"
            >
              <input
                type="radio"
                name={`${id}-verdict`}
                value={v}
                checked={values.verdict === v}
                onChange={() => change({ ...values, verdict: v }, verdictList)}
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
        {errors.verdict && <p className={`mt-1 ${ERROR}`}>{errors.verdict}</p>}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={LABEL}>
          <span>
            Evidence level (CEBM) <kbd className="font-normal text-slate-600">e</kbd>
          </span>
          <Select
            {...levelList.props}
            ref={props.levelRef}
            value={values.evidenceLevel ?? ''}
            onChange={(e) =>
              change(
                { ...values, evidenceLevel: (e.target.value || null) as EvidenceLevel | null },
                levelList,
              )
            }
            aria-invalid={Boolean(errors.evidenceLevel)}
            className="mt-1"
          >
            <option value="">Not set</option>
            {EVIDENCE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {EVIDENCE_LEVEL_LABEL[l]}
              </option>
            ))}
          </Select>
          {errors.evidenceLevel && <span className={`mt-1 block ${ERROR}`}>{errors.evidenceLevel}</span>}
        </label>
        <label className={LABEL}>
          GRADE certainty (optional)
          <Select
            {...certaintyList.props}
            value={values.certainty ?? ''}
            onChange={(e) => {
              const certainty = (e.target.value || null) as AssessmentValues['certainty'];
              // Moving past "Not rated" on the way to another rating keeps the reasons it started with.
              const reasons = (movedFrom ?? values).downgradeReasons;
              change({ ...values, certainty, downgradeReasons: certainty ? reasons : [] }, certaintyList);
            }}
            className="mt-1"
          >
            <option value="">Not rated</option>
            {CERTAINTIES.map((c) => (
              <option key={c} value={c}>
                {CERTAINTY_LABEL[c]}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {levelUnsaved && (
        <p className="flex items-center gap-2 text-xs text-slate-700">
          Evidence level not saved yet.
          <Button size="sm" variant="primary" onClick={() => save(values)}>
            Save
          </Button>
        </p>
      )}
      <fieldset disabled={!values.certainty}>
        <legend className={LABEL}>
          Downgraded for{values.certainty ? '' : ' (rate the certainty first)'}
        </legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {GRADE_DOMAINS.map((d) => (
            <Choice
              key={d}
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
              label={GRADE_DOMAIN_LABEL[d]}
            />
          ))}
        </div>
        {errors.downgradeReasons && <p className={`mt-1 ${ERROR}`}>{errors.downgradeReasons}</p>}
      </fieldset>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save(values);
        }}
      >
        <label htmlFor={`${id}-rationale`} className={LABEL}>
          Rationale
        </label>
        <Textarea
          id={`${id}-rationale`}
          value={rationale}
          maxLength={RATIONALE_MAX_LENGTH}
          rows={3}
          onChange={(e) => props.onEdit({ ...values, rationale: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(values);
          }}
          aria-invalid={Boolean(errors.rationale)}
          className="mt-1"
        />
        {errors.rationale && <p className={ERROR}>{errors.rationale}</p>}
        <div className="mt-1 flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={saving > 0}>
            Save rationale
          </Button>
          <ActionMessage
            result={result}
            busy={saving > 0 ? 'Saving…' : movedFrom ? 'Not saved yet: press Enter to choose it.' : false}
          />
          {undoing && (
            <Button variant="quiet" onClick={() => props.onUndo(undoing)}>
              Undo
            </Button>
          )}
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

type ChoiceList = ReturnType<typeof useChoiceList>;

/**
 * A list (a radio group or a select) that the keyboard moves through without choosing: the arrow keys, Home,
 * End, Page Up/Down and type-ahead show a value that `commit` saves once it is chosen, with one of `chooseKeys`
 * or by leaving the list. A change is a move when the last thing done in the list was pressing such a key; after
 * a pointer went down in it (a pick, which saves at once) or any other key, it is a choice.
 */
function useChoiceList(options: { chooseKeys: ReadonlyArray<string>; commit: () => void }) {
  const moving = useRef(false);
  return {
    moving: () => moving.current,
    props: {
      onKeyDown: (e: React.KeyboardEvent) => {
        const choosing = options.chooseKeys.includes(e.key);
        moving.current = !choosing && isMoveKey(e.key);
        if (choosing) options.commit();
      },
      onPointerDown: () => {
        moving.current = false;
      },
      onBlur: (e: React.FocusEvent) => {
        // Focus going from one radio to the next stays in the list.
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
        moving.current = false;
        options.commit();
      },
    },
  };
}

function isMoveKey(key: string): boolean {
  return (
    key.startsWith('Arrow') || key.startsWith('Page') || key === 'Home' || key === 'End' || key.length === 1
  );
}
