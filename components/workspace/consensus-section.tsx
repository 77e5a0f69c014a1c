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
import { Button } from '../ui/button';
import { Choice, ERROR, LABEL, Select, Textarea } from '../ui/field';
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
        <StatusBadge status={panel.status} progress={panel.progress} />
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
        <legend className={LABEL}>Adjudicated verdict</legend>
        <div className="mt-1 flex flex-wrap gap-x-3">
          {VERDICTS.map((v) => (
            <Choice
              key={v}
              type="radio"
              name={`${id}-v`}
              checked={verdict === v}
              onChange={() => setVerdict(v)}
              label={VERDICT_LABEL[v]}
            />
          ))}
        </div>
        {errors.verdict && <p className={ERROR}>{errors.verdict}</p>}
      </fieldset>
      <label className={LABEL}>
        Adjudicated evidence level
        <Select
          value={level}
          onChange={(e) => setLevel(e.target.value as EvidenceLevel | '')}
          className="mt-1"
        >
          <option value="">Choose…</option>
          {EVIDENCE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {EVIDENCE_LEVEL_LABEL[l]}
            </option>
          ))}
        </Select>
        {errors.evidenceLevel && <span className={`block ${ERROR}`}>{errors.evidenceLevel}</span>}
      </label>
      <label className={LABEL}>
        Adjudication note
        <Textarea
          value={note}
          maxLength={ADJUDICATION_NOTE_MAX_LENGTH}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          className="mt-1"
        />
        {errors.note && <span className={`block ${ERROR}`}>{errors.note}</span>}
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={adjudicating.pending}>
          {adjudicating.pending ? 'Recording…' : 'Record adjudication'}
        </Button>
        <ActionMessage result={adjudicating.result} />
      </div>
    </form>
  );
}
