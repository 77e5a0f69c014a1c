'use client';

import { memo, startTransition, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { AssessmentValues, EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimFilters } from '@/lib/workspace/filter-claims';
import { filterClaims } from '@/lib/workspace/filter-claims';
import type { WorkspaceClaim, WorkspaceData } from '@/lib/workspace/workspace-types';
import { ActionMessage } from '../action-message';
import { useAction } from '../use-action';
import { AddClaimByText } from './add-claim-by-text';
import { ClaimFilterBar } from './claim-filters';
import { ClaimPanel } from './claim-panel';
import { ClaimRows } from './claim-rows';
import { DocumentPane, selectedBodyRange } from './document-pane';
import { KeyboardHelp } from './keyboard-help';
import { ReviewProgress } from './review-progress';
import { useAssessmentSaves } from './save-assessment';
import { useClaimPanel } from './use-claim-panel';
import { useWorkspaceKeys } from './use-workspace-keys';
import type { WorkspaceActions, WorkspacePermissions } from './workspace-actions';
import { claimsOf, draftOf, initialWorkspaceState, stepFrom, workspaceReducer } from './workspace-state';

/**
 * The review workspace: the article with its highlights on the left; on the right the claim list with search
 * and filters, and the selected claim's panel. The selection lives in the address (?claim=…), so a reload or a
 * shared link opens the same claim. Its state is one reducer (workspace-state.ts).
 */
export function Workspace(props: {
  data: Omit<WorkspaceData, 'agreement'>;
  initialClaimId: string | null;
  permissions: WorkspacePermissions;
  actions: WorkspaceActions;
}) {
  const { document, sections } = props.data;
  const [state, dispatch] = useReducer(workspaceReducer, props, (p) =>
    initialWorkspaceState({ claims: p.data.claims, initialClaimId: p.initialClaimId }),
  );
  // A claim edit (text, split, merge, delete, add) re-renders the page with a new list.
  useEffect(() => dispatch({ type: 'claimsReceived', claims: props.data.claims }), [props.data.claims]);

  const { selectedId, filters, claims: listed, reviews } = state;
  const claims = useMemo(() => claimsOf({ claims: listed, reviews }), [listed, reviews]);
  const textOf = useCallback(
    (c: WorkspaceClaim) => c.text ?? document.body.slice(c.start, c.end),
    [document.body],
  );
  const visible = useMemo(() => filterClaims(claims, filters, textOf), [claims, filters, textOf]);
  const neighbours = useMemo(() => {
    const at = visible.findIndex((c) => c.id === selectedId);
    if (at < 0) return [];
    return [visible[at + 1]?.id, visible[at - 1]?.id].filter((id): id is string => Boolean(id));
  }, [visible, selectedId]);
  useClaimPanel({ selectedId, loads: state.panelLoads, neighbours, panels: state.panels, dispatch });
  const panel = (selectedId && state.panels.get(selectedId)) || null;
  const panelError = state.panelError?.claimId === selectedId ? state.panelError.message : null;
  const saveAssessment = useAssessmentSaves(dispatch);

  const commentRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const levelRef = useRef<HTMLSelectElement>(null);

  const select = useCallback((claimId: string) => {
    dispatch({ type: 'claimSelected', claimId });
    showInAddress(claimId);
  }, []);
  // A claim just added is selected and its panel takes the focus, out of the form that added it, so the keys
  // that assess it (1, 2, 3, e) work at once.
  const selectAdded = useCallback((claimId: string) => {
    dispatch({ type: 'claimAdded', claimId });
    showInAddress(claimId);
  }, []);

  // The shortcuts reach the selected claim's assessment only once its panel shows it.
  const assessable = props.permissions.assess && panel ? panel : null;
  const step = (by: 1 | -1) => {
    const next = stepFrom(visible, selectedId, by);
    if (!next || next === selectedId) return;
    // j and k work while a verdict has the focus, and the focus stays on it for the next claim: moving on is
    // leaving the list, so a verdict moved to with the arrow keys is chosen.
    const draft = assessable ? draftOf(state, assessable.claim.id) : null;
    if (assessable && draft?.movedFrom)
      saveAssessment(assessable.claim.id, draft.values, assessable.mine?.version ?? 0);
    select(next);
  };
  useWorkspaceKeys({
    next: () => step(1),
    previous: () => step(-1),
    verdict: (verdict) => {
      if (!assessable) return;
      const { id } = assessable.claim;
      saveAssessment(id, { ...draftOf(state, id).values, verdict }, assessable.mine?.version ?? 0);
    },
    level: () => levelRef.current?.focus(),
    comment: () => commentRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    help: () => dispatch({ type: 'helpToggled' }),
  });

  const onAssessmentMove = useCallback(
    (claimId: string, values: AssessmentValues) => dispatch({ type: 'assessmentMoved', claimId, values }),
    [],
  );
  const onAssessmentEdit = useCallback(
    (claimId: string, values: AssessmentValues) => dispatch({ type: 'assessmentEdited', claimId, values }),
    [],
  );
  const onTheirsKept = useCallback((claimId: string) => dispatch({ type: 'theirsKept', claimId }), []);
  const onAdjudicated = useCallback((claimId: string, verdict: Verdict, level: EvidenceLevel) => {
    // Every row shows the new status; let typing and clicks go first.
    startTransition(() => dispatch({ type: 'claimAdjudicated', claimId, verdict, level }));
  }, []);
  const onPanelChanged = useCallback(() => dispatch({ type: 'panelChanged' }), []);
  const onFocused = useCallback(() => dispatch({ type: 'panelFocused' }), []);
  const closeHelp = useCallback(() => dispatch({ type: 'helpClosed' }), []);
  const onFilters = useCallback((f: ClaimFilters) => dispatch({ type: 'filtersChanged', filters: f }), []);

  const progress = useMemo(() => {
    let mine = 0;
    let consensus = 0;
    for (const c of claims) {
      if (c.mine) mine++;
      if (c.status !== 'CONFLICT' && c.status !== 'UNREVIEWED') consensus++;
    }
    return { mine, consensus };
  }, [claims]);

  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <section aria-label="Document" className="flex h-[calc(100vh-9rem)] min-h-96 flex-col gap-2">
        {props.permissions.edit && (
          <>
            <AddFromSelection
              documentId={document.id}
              action={props.actions.addClaim}
              onAdded={selectAdded}
            />
            <AddClaimByText
              documentId={document.id}
              body={document.body}
              claims={claims}
              action={props.actions.addClaim}
              onAdded={selectAdded}
            />
          </>
        )}
        <DocumentPane body={document.body} claims={claims} selectedId={selectedId} onSelect={select} />
      </section>
      <section aria-label="Claims" className="flex h-[calc(100vh-9rem)] min-h-96 flex-col gap-3">
        <ReviewProgress
          mine={props.permissions.assess ? progress.mine : null}
          consensus={progress.consensus}
          total={claims.length}
        />
        <ClaimFilterBar filters={filters} sections={sections} searchRef={searchRef} onChange={onFilters} />
        <p className="flex items-center justify-between text-xs text-slate-700">
          <span aria-live="polite">
            Showing {visible.length} of {claims.length} claims
          </span>
          <button
            type="button"
            onClick={() => dispatch({ type: 'helpOpened' })}
            className="text-sky-800 underline"
          >
            Keyboard shortcuts (?)
          </button>
        </p>
        <div className="h-56 shrink-0">
          <ClaimRows
            claims={visible}
            total={claims.length}
            selectedId={selectedId}
            textOf={textOf}
            onSelect={select}
          />
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {selectedId ? (
            <ClaimPanel
              documentId={document.id}
              panel={panel}
              error={panelError}
              permissions={props.permissions}
              actions={props.actions}
              draft={draftOf(state, selectedId)}
              onAssessmentSave={saveAssessment}
              onAssessmentMove={onAssessmentMove}
              onAssessmentEdit={onAssessmentEdit}
              onTheirsKept={onTheirsKept}
              onAdjudicated={onAdjudicated}
              onChanged={onPanelChanged}
              focusOnShow={panel !== null && state.focusPanelOf === panel.claim.id}
              onFocused={onFocused}
              commentRef={commentRef}
              levelRef={levelRef}
            />
          ) : (
            <p className="text-sm text-slate-700">Choose a claim to review it.</p>
          )}
        </div>
      </section>
      <KeyboardHelp open={state.helpOpen} onClose={closeHelp} permissions={props.permissions} />
    </div>
  );
}

function showInAddress(claimId: string) {
  const url = new URL(window.location.href);
  url.searchParams.set('claim', claimId);
  window.history.replaceState(window.history.state, '', url);
}

const AddFromSelection = memo(function AddFromSelection(props: {
  documentId: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  /** The new claim is selected, so it can be assessed at once. */
  onAdded: (claimId: string) => void;
}) {
  const adding = useAction<{ id: string }>();
  function add() {
    const range = selectedBodyRange();
    if (!range) {
      adding.refuse('Select some of the document text first.');
      return;
    }
    adding.run(() => props.action({ documentId: props.documentId, ...range }), {
      onSuccess: (added) => {
        window.getSelection()?.removeAllRanges();
        props.onAdded(added.id);
      },
    });
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        disabled={adding.pending}
        // Keeps the text selection when the button is pressed with a mouse.
        onMouseDown={(e) => e.preventDefault()}
        onClick={add}
        className="rounded border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {adding.pending ? 'Adding…' : 'Add claim from selection'}
      </button>
      <ActionMessage result={adding.result} />
    </div>
  );
});
