'use client';

import { memo, useId, useState } from 'react';
import {
  ADJUDICATION_NOTE_MAX_LENGTH,
  CERTAINTY_LABEL,
  EVIDENCE_LEVEL_LABEL,
  EVIDENCE_LEVEL_SHORT,
  EVIDENCE_LEVELS,
  type EvidenceLevel,
  GRADE_DOMAIN_LABEL,
  VERDICT_LABEL,
  VERDICTS,
  type Verdict,
} from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';
import { ActionMessage } from '../action-message';
import { StatusBadge } from '../status-badge';
import { useAction } from '../use-action';
import { formatWhen } from './format-when';

/** The consensus, everyone else's assessments, and for admins the adjudication of a conflict. */
export const ConsensusSection = memo(function ConsensusSection(props: {
  documentId: string;
  panel: ClaimPanel;
  mayAdjudicate: boolean;
  adjudicate: (input: unknown) => Promise<ActionResult<unknown>>;
  onAdjudicated: (claimId: string, verdict: Verdict, evidenceLevel: EvidenceLevel) => void;
}) {
  const { panel } = props;
  const id = useId();
  if (panel.othersHidden) {
    return (
      <section
        aria-labelledby={`${id}-t`}
        className="rounded border border-slate-200 bg-slate-50 p-2 text-sm"
      >
        <h3 id={`${id}-t`} className="font-semibold">
          Other reviewers
        </h3>
        <p className="mt-1 text-slate-700">
          Blind review: other reviewers’ assessments, the consensus and any adjudication show here once you
          submit your own verdict on this claim.
        </p>
      </section>
    );
  }
  const showForm = props.mayAdjudicate && (panel.inConflict || panel.adjudications.length > 0);
  return (
    <section aria-labelledby={`${id}-t`} className="space-y-2 text-sm">
      <h3 id={`${id}-t`} className="font-semibold">
        Consensus
      </h3>
      <p className="flex flex-wrap items-center gap-2">
        <StatusBadge status={panel.status} />
        {panel.consensus?.evidenceLevel && <span>{EVIDENCE_LEVEL_SHORT[panel.consensus.evidenceLevel]}</span>}
        {panel.consensus?.adjudicated && <span className="text-xs text-slate-700">(adjudicated)</span>}
        {panel.inConflict && !panel.consensus?.adjudicated && (
          <span className="text-xs text-violet-900">The reviewers disagree; an admin adjudicates.</span>
        )}
      </p>
      {panel.others.length > 0 ? (
        <ul className="space-y-1" aria-label="Other reviewers’ assessments">
          {panel.others.map((o) => (
            <li key={o.reviewerId} className="rounded border border-slate-200 bg-white p-2">
              <p>
                <span className="font-medium">{o.reviewer}</span>:{' '}
                {o.verdict ? VERDICT_LABEL[o.verdict] : 'no verdict'}
                {o.evidenceLevel ? `, ${EVIDENCE_LEVEL_SHORT[o.evidenceLevel]}` : ''}
                {o.certainty ? `, ${CERTAINTY_LABEL[o.certainty]} certainty` : ''}
                {o.downgradeReasons.length > 0
                  ? ` (downgraded for ${o.downgradeReasons.map((r) => GRADE_DOMAIN_LABEL[r].toLowerCase()).join(', ')})`
                  : ''}
              </p>
              {o.rationale && <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{o.rationale}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">No other reviewer has assessed this claim yet.</p>
      )}
      {panel.adjudications.length > 0 && (
        <ul className="space-y-1" aria-label="Adjudications">
          {panel.adjudications.map((a) => (
            <li key={a.id} className="rounded border border-violet-200 bg-violet-50 p-2">
              <p>
                Adjudicated by <span className="font-medium">{a.adjudicator}</span> {formatWhen(a.createdAt)}:{' '}
                {VERDICT_LABEL[a.verdict]}, {EVIDENCE_LEVEL_SHORT[a.evidenceLevel]}
              </p>
              <p className="mt-0.5 whitespace-pre-wrap text-slate-700">{a.note}</p>
            </li>
          ))}
        </ul>
      )}
      {showForm && <AdjudicationForm {...props} />}
    </section>
  );
});

function AdjudicationForm(props: {
  documentId: string;
  panel: ClaimPanel;
  adjudicate: (input: unknown) => Promise<ActionResult<unknown>>;
  onAdjudicated: (claimId: string, verdict: Verdict, evidenceLevel: EvidenceLevel) => void;
}) {
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [level, setLevel] = useState<EvidenceLevel | ''>('');
  const [note, setNote] = useState('');
  const adjudicating = useAction();
  const errors = adjudicating.fieldErrors;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      documentId: props.documentId,
      claimId: props.panel.claim.id,
      verdict,
      evidenceLevel: level || null,
      note,
    };
    adjudicating.run(() => props.adjudicate(input), {
      onSuccess: () => {
        if (!verdict || !level) return;
        setNote('');
        props.onAdjudicated(props.panel.claim.id, verdict, level);
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2 rounded border border-violet-300 bg-white p-2">
      <fieldset>
        <legend className="text-xs font-medium text-slate-700">Adjudicated verdict</legend>
        <div className="mt-1 flex flex-wrap gap-3">
          {VERDICTS.map((v) => (
            <label key={v} className="inline-flex items-center gap-1.5">
              <input type="radio" name={`${id}-v`} checked={verdict === v} onChange={() => setVerdict(v)} />
              {VERDICT_LABEL[v]}
            </label>
          ))}
        </div>
        {errors.verdict && <p className="text-xs text-rose-800">{errors.verdict}</p>}
      </fieldset>
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Adjudicated evidence level
        <select
          value={level}
          onChange={(e) => setLevel(e.target.value as EvidenceLevel | '')}
          className="mt-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-normal"
        >
          <option value="">Choose…</option>
          {EVIDENCE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {EVIDENCE_LEVEL_LABEL[l]}
            </option>
          ))}
        </select>
        {errors.evidenceLevel && <span className="text-rose-800">{errors.evidenceLevel}</span>}
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-700">
        Adjudication note
        <textarea
          value={note}
          maxLength={ADJUDICATION_NOTE_MAX_LENGTH}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm font-normal"
        />
        {errors.note && <span className="text-rose-800">{errors.note}</span>}
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={adjudicating.pending}
          className="rounded bg-violet-800 px-3 py-1 text-sm font-medium text-white hover:bg-violet-700 disabled:opacity-60"
        >
          {adjudicating.pending ? 'Recording…' : 'Record adjudication'}
        </button>
        <ActionMessage result={adjudicating.result} />
      </div>
    </form>
  );
}
