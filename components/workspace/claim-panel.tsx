'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  type AssessmentValues,
  CLAIM_KIND_LABEL,
  type EvidenceLevel,
  type Verdict,
} from '@/lib/domain/vocabulary';
import type { ClaimPanel as Panel } from '@/lib/workspace/claim-panel-types';
import { ClaimEditor } from '../claim-editor';
import { StatusBadge } from '../status-badge';
import { CitationSection } from './citation-section';
import { ClaimHistory } from './claim-history';
import { CommentThreads } from './comment-threads';
import { ConsensusSection } from './consensus-section';
import { MyAssessment } from './my-assessment';
import type { SaveAssessment } from './save-assessment';
import type { WorkspaceActions, WorkspacePermissions } from './workspace-actions';
import type { AssessmentDraft } from './workspace-state';

/**
 * Everything about the selected claim: my assessment, the consensus, citations, comments and history. The
 * workspace loads this code only once a claim's panel has arrived, so it is no part of the page's first script.
 */
export function ClaimPanel(props: {
  documentId: string;
  panel: Panel;
  /** Why loading the panel again failed; the panel shows as it was last loaded. */
  error: string | null;
  permissions: WorkspacePermissions;
  actions: WorkspaceActions;
  /** My assessment of the claim shown, as its form shows it. */
  draft: AssessmentDraft;
  onAssessmentSave: SaveAssessment;
  onAssessmentMove: (claimId: string, values: AssessmentValues) => void;
  onAssessmentEdit: (claimId: string, values: AssessmentValues) => void;
  onTheirsKept: (claimId: string) => void;
  onAdjudicated: (claimId: string, verdict: Verdict, evidenceLevel: EvidenceLevel) => void;
  /** A citation or comment changed: the panel loads again. */
  onChanged: () => void;
  /** The panel takes the focus once it shows: its claim was just added, so it can be assessed at once. */
  focusOnShow: boolean;
  onFocused: () => void;
  commentRef: React.RefObject<HTMLTextAreaElement | null>;
  levelRef: React.RefObject<HTMLSelectElement | null>;
}) {
  const { panel, permissions, actions, focusOnShow, onFocused } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnShow) return;
    heading.current?.focus();
    onFocused();
  }, [focusOnShow, onFocused]);
  // The same object while the panel is, so the editor skips the renders that only my assessment needs.
  const edited = useMemo(
    () => ({
      id: panel.claim.id,
      text: panel.claim.text,
      quote: panel.claim.quote,
      version: panel.claim.version,
      assessmentCount: panel.others.filter((o) => o.verdict).length + (panel.mine?.verdict ? 1 : 0),
    }),
    [panel],
  );
  const { claim } = panel;
  // Read when the button is pressed, so the citations need not render again at each key typed in my form.
  const draft = useRef(props.draft);
  draft.current = props.draft;
  const { onAssessmentEdit, levelRef } = props;
  const putLevel = useCallback(
    (evidenceLevel: EvidenceLevel) => {
      // Into the form only, as if chosen there: the reviewer confirms it by saving, or changes it.
      onAssessmentEdit(claim.id, { ...draft.current.values, evidenceLevel });
      levelRef.current?.focus();
    },
    [claim.id, onAssessmentEdit, levelRef],
  );
  return (
    <article
      aria-labelledby="selected-claim"
      className="space-y-4 rounded border border-slate-200 bg-white p-3"
    >
      {props.error && <p className="text-xs text-rose-800">{props.error}</p>}
      <header>
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
          <span className="font-medium tabular-nums">Claim #{claim.number}</span>
          <span>· {claim.section}</span>
          <span>· {CLAIM_KIND_LABEL[claim.kind]}</span>
          {claim.hedged && <span>· hedged</span>}
          {claim.citesStudy && <span>· cites a study</span>}
          <span className="ml-auto">
            <StatusBadge status={panel.status} progress={panel.progress} />
          </span>
        </div>
        <h2
          id="selected-claim"
          ref={heading}
          tabIndex={-1}
          className="mt-1 text-base leading-relaxed focus:outline-2 focus:outline-offset-2 focus:outline-sky-700"
        >
          {claim.text}
        </h2>
        {claim.text !== claim.quote && (
          <p className="mt-1 text-xs text-slate-700">
            In the text: <q>{claim.quote}</q>
          </p>
        )}
        {claim.textChange && <TextChange change={claim.textChange} />}
      </header>
      {permissions.assess && (
        <MyAssessment
          draft={props.draft}
          onSave={(values) => props.onAssessmentSave(claim.id, values, props.draft.version)}
          onMove={(values) => props.onAssessmentMove(claim.id, values)}
          onEdit={(values) => props.onAssessmentEdit(claim.id, values)}
          onUndo={(values) => props.onAssessmentSave(claim.id, values, props.draft.version, { undo: true })}
          onKeepTheirs={() => props.onTheirsKept(claim.id)}
          levelRef={props.levelRef}
        />
      )}
      <ConsensusSection
        key={`consensus-${claim.id}`}
        documentId={props.documentId}
        panel={panel}
        mayAdjudicate={permissions.adjudicate}
        adjudicate={actions.adjudicate}
        onAdjudicated={props.onAdjudicated}
      />
      <CitationSection
        key={`citations-${claim.id}`}
        documentId={props.documentId}
        claimId={claim.id}
        citations={panel.citations}
        references={claim.references}
        mayCite={permissions.cite}
        add={actions.addCitation}
        remove={actions.removeCitation}
        onChanged={props.onChanged}
        onUseLevel={permissions.assess ? putLevel : undefined}
      />
      <CommentThreads
        key={`comments-${claim.id}`}
        documentId={props.documentId}
        claimId={claim.id}
        comments={panel.comments}
        mayComment={permissions.comment}
        add={actions.addComment}
        resolve={actions.resolveComment}
        onChanged={props.onChanged}
        commentRef={props.commentRef}
      />
      {permissions.edit && (
        <ClaimEditor
          key={`editor-${claim.id}`}
          documentId={props.documentId}
          claim={edited}
          actions={actions.claimEdits}
        />
      )}
      <ClaimHistory history={panel.history} />
    </article>
  );
}

/**
 * A new version reworded the claim after it was assessed: what changed, word by word, until a reviewer saves an
 * assessment of it again (ADR 0028).
 */
function TextChange({ change }: { change: NonNullable<Panel['claim']['textChange']> }) {
  return (
    <div data-text-change className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p className="font-medium text-amber-950">Text changed since assessed</p>
      <p className="mt-1 leading-relaxed">
        {change.diff.map((part, i) =>
          part.kind === 'removed' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts have no identity but their place.
            <del key={i} className="bg-rose-100 text-rose-900">
              {part.text}
            </del>
          ) : part.kind === 'added' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <ins key={i} className="bg-emerald-100 text-emerald-900 no-underline">
              {part.text}
            </ins>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above.
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <p className="mt-1 text-xs text-slate-700">
        Its review carried over from the version before; confirm or change your assessment to settle it.
      </p>
    </div>
  );
}
