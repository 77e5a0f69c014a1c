'use client';

import dynamic from 'next/dynamic';
import { memo, Suspense, startTransition, useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { AssessmentValues, EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimFilters } from '@/lib/workspace/filter-claims';
import { filterClaims } from '@/lib/workspace/filter-claims';
import type { OrphanClaim } from '@/lib/workspace/orphan-claims';
import { type PackedClaim, unpackClaims } from '@/lib/workspace/packed-claims';
import type { WorkspaceClaim, WorkspaceData } from '@/lib/workspace/workspace-types';
import { ActionMessage } from '../action-message';
import { useAction } from '../use-action';
import { AddClaimByText } from './add-claim-by-text';
import { ClaimFilterBar } from './claim-filters';
import { ClaimRows } from './claim-rows';
import { DocumentPane, selectedBodyRange } from './document-pane';
import { KeyboardHelp } from './keyboard-help';
import { LiveNoticeToast } from './live-notice';
import { OrphanClaims } from './orphan-claims';
import { ReviewProgress } from './review-progress';
import { useAssessmentSaves } from './save-assessment';
import { useClaimPanel } from './use-claim-panel';
import { useLiveChanges } from './use-live-changes';
import { usePresence } from './use-presence';
import { useWorkspaceKeys } from './use-workspace-keys';
import type { WorkspaceActions, WorkspacePermissions } from './workspace-actions';
import {
  type AssignedRange,
  claimsOf,
  draftOf,
  initialWorkspaceState,
  stepFrom,
  type WorkspaceView,
  workspaceReducer,
} from './workspace-state';

/** The workspace's data as the page sends it: the claims packed, as a long document has thousands. */
export type WorkspaceProps = {
  data: Pick<WorkspaceData, 'document' | 'sections'> & { claims: ReadonlyArray<PackedClaim> };
  /** Claims a new version did not find, set apart with their review; none unless a version orphaned some. */
  orphans: ReadonlyArray<OrphanClaim>;
  initialClaimId: string | null;
  /** Where live changes stand as the page's data was read (lib/live/review-changes.ts: liveChangesFrom). */
  liveFrom: string;
  /** The reader's assignments on this document (claim number ranges; null ends: all of it), if any. */
  assigned?: ReadonlyArray<AssignedRange>;
  permissions: WorkspacePermissions;
  actions: WorkspaceActions;
};

// Touch screens get targets of at least 44 × 44 px on every control in the workspace, the panel's included,
// and no control makes a narrow screen scroll sideways.
// Written out whole, as Tailwind finds its classes by reading the source.
const CONTROL_SIZES = [
  // A select is as wide as its longest choice (a CEBM level, a section's heading) unless it and its label
  // may be narrower than that.
  '[&_select]:max-w-full [&_label:has(>select)]:min-w-0',
  'pointer-coarse:[&_:is(button,select,summary,input:not([type=checkbox],[type=radio]))]:min-h-11',
  'pointer-coarse:[&_button]:min-w-11',
  'pointer-coarse:[&_label:has(>input:is([type=checkbox],[type=radio]))]:inline-flex',
  'pointer-coarse:[&_label:has(>input:is([type=checkbox],[type=radio]))]:min-h-11',
  'pointer-coarse:[&_label:has(>input:is([type=checkbox],[type=radio]))]:items-center',
].join(' ');

/**
 * The review workspace: the article with its highlights; the claim list with search and filters; the selected
 * claim's panel. A wide screen shows all of them at the height of the window, each scrolling on its own; a
 * narrow one shows the article or the claims, as two tabs, so a reviewer can assess with a thumb. The selection
 * lives in the address (?claim=…), so a reload or a shared link opens the same claim. Its state is one reducer
 * (workspace-state.ts).
 */
export function Workspace(props: WorkspaceProps) {
  const { document, sections } = props.data;
  const received = useMemo(() => unpackClaims(props.data.claims, sections), [props.data.claims, sections]);
  const [state, dispatch] = useReducer(workspaceReducer, props, (p) =>
    initialWorkspaceState({
      claims: unpackClaims(p.data.claims, p.data.sections),
      initialClaimId: p.initialClaimId,
      assigned: p.assigned ?? [],
    }),
  );
  // A claim edit (text, split, merge, delete, add) re-renders the page with a new list.
  useEffect(() => dispatch({ type: 'claimsReceived', claims: received }), [received]);

  const { selectedId, filters, claims: listed, reviews, view } = state;
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
  const { notice, present } = useLiveChanges(document.id, props.liveFrom, dispatch);
  usePresence(document.id, selectedId);
  // Who else is on each claim, for the list.
  const presentOn = useMemo(() => {
    const on = new Map<string, string[]>();
    for (const p of present) on.set(p.claimId, [...(on.get(p.claimId) ?? []), p.name]);
    return on;
  }, [present]);

  const commentRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const levelRef = useRef<HTMLSelectElement>(null);

  const select = useCallback((claimId: string) => {
    dispatch({ type: 'claimSelected', claimId });
    showInAddress(claimId);
  }, []);
  const rootRef = useRef<HTMLDivElement>(null);
  // On a narrow screen a tab starts at the top of the window, under the page's header, whatever the scroll.
  const toTopOfTab = useCallback(() => {
    const tabs = rootRef.current?.querySelector('[role="tablist"]');
    if (tabs && tabs.getClientRects().length > 0) rootRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  const open = useCallback(
    (claimId: string) => {
      dispatch({ type: 'claimOpened', claimId });
      showInAddress(claimId);
      toTopOfTab();
    },
    [toTopOfTab],
  );
  // A claim just added is selected and its panel takes the focus, out of the form that added it, so the keys
  // that assess it (1, 2, 3, e) work at once.
  const selectAdded = useCallback((claimId: string) => {
    dispatch({ type: 'claimAdded', claimId });
    showInAddress(claimId);
  }, []);
  const choose = useCallback((v: WorkspaceView) => dispatch({ type: 'viewChosen', view: v }), []);
  const chooseTab = useCallback(
    (v: WorkspaceView) => {
      choose(v);
      toTopOfTab();
    },
    [choose, toTopOfTab],
  );
  // The keys that reach into the claims' half show it first on a narrow screen, where it may be hidden.
  const focusInClaims = (ref: React.RefObject<HTMLElement | null>) => {
    if (view !== 'claims') flushSync(() => choose('claims'));
    ref.current?.focus();
  };

  // The shortcuts reach the selected claim's assessment only once its panel shows it.
  const assessable = props.permissions.assess && panel ? panel : null;
  const step = (by: 1 | -1) => {
    const next = stepFrom(visible, selectedId, by);
    if (!next || next === selectedId) return;
    // j and k work while a verdict has the focus, and the focus stays on it for the next claim: moving on is
    // leaving the list, so a verdict moved to with the arrow keys is chosen.
    const draft = assessable ? draftOf(state, assessable.claim.id) : null;
    if (assessable && draft?.movedFrom) saveAssessment(assessable.claim.id, draft.values, draft.version);
    select(next);
  };
  useWorkspaceKeys({
    next: () => step(1),
    previous: () => step(-1),
    verdict: (verdict) => {
      if (!assessable) return;
      const { id } = assessable.claim;
      const draft = draftOf(state, id);
      saveAssessment(id, { ...draft.values, verdict }, draft.version);
    },
    level: () => focusInClaims(levelRef),
    comment: () => focusInClaims(commentRef),
    search: () => focusInClaims(searchRef),
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
      if (c.status !== 'IN_REVIEW' && c.status !== 'CONFLICT' && c.status !== 'UNREVIEWED') consensus++;
    }
    return { mine, consensus };
  }, [claims]);
  const at = visible.findIndex((c) => c.id === selectedId);

  return (
    <div
      ref={rootRef}
      className={`mt-3 flex flex-col gap-3 lg:grid lg:min-h-0 lg:flex-1 lg:grid-cols-2 lg:grid-rows-[minmax(0,1fr)] lg:gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)] ${CONTROL_SIZES}`}
    >
      <WorkspaceTabs view={view} claimCount={claims.length} onChoose={chooseTab} />
      <section
        id="workspace-article"
        aria-label="Document"
        // Below lg the article fills the window under the tabs, and scrolls on its own.
        className={`h-[calc(100dvh-6rem)] min-h-80 flex-col gap-2 lg:flex lg:h-auto lg:min-h-0 ${view === 'article' ? 'flex' : 'hidden'}`}
      >
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
        {/* Its own boundary, so the browser hydrates the article apart from the rest, in tasks of its own. */}
        <Suspense>
          <DocumentPane
            body={document.body}
            claims={claims}
            selectedId={selectedId}
            shown={view === 'article'}
            onSelect={open}
          />
        </Suspense>
      </section>
      <section
        id="workspace-claims"
        aria-label="Claims"
        className={`flex-col gap-3 lg:flex lg:min-h-0 xl:grid xl:grid-cols-[20rem_minmax(0,1fr)] xl:grid-rows-[minmax(0,1fr)] ${view === 'claims' ? 'flex' : 'hidden'}`}
      >
        <div className="flex flex-col gap-3 lg:min-h-0 lg:flex-[2] xl:h-full">
          <ReviewProgress
            mine={props.permissions.assess ? progress.mine : null}
            consensus={progress.consensus}
            total={claims.length}
          />
          <ClaimFilterBar filters={filters} sections={sections} searchRef={searchRef} onChange={onFilters} />
          <p className="flex items-center justify-between gap-2 text-xs text-slate-700">
            <span aria-live="polite">
              Showing {visible.length} of {claims.length} claims
            </span>
            <button
              type="button"
              onClick={() => dispatch({ type: 'helpOpened' })}
              className="shrink-0 text-sky-800 underline pointer-coarse:hidden"
            >
              Keyboard shortcuts (?)
            </button>
          </p>
          <div className="h-60 shrink-0 lg:h-auto lg:min-h-24 lg:flex-1">
            <Suspense>
              <ClaimRows
                claims={visible}
                total={claims.length}
                selectedId={selectedId}
                textOf={textOf}
                reviewersRequired={document.reviewersRequired}
                present={presentOn}
                onSelect={select}
              />
            </Suspense>
          </div>
          <OrphanClaims
            documentId={document.id}
            body={document.body}
            orphans={props.orphans}
            claims={claims}
            attach={props.permissions.edit ? props.actions.attachOrphan : null}
            onAttached={selectAdded}
          />
        </div>
        <div className="flex flex-col gap-2 lg:min-h-0 lg:flex-[3] lg:overflow-y-auto xl:h-full">
          {at >= 0 && (
            <nav aria-label="Claim by claim" className="flex items-center gap-2 text-sm lg:hidden">
              <button
                type="button"
                disabled={at === 0}
                onClick={() => step(-1)}
                className="min-h-11 flex-1 rounded border border-slate-300 bg-white px-3 disabled:opacity-50"
              >
                <span aria-hidden="true">‹ </span>Previous claim
              </button>
              <span className="shrink-0 tabular-nums text-slate-700">
                {at + 1} of {visible.length}
              </span>
              <button
                type="button"
                disabled={at === visible.length - 1}
                onClick={() => step(1)}
                className="min-h-11 flex-1 rounded border border-slate-300 bg-white px-3 disabled:opacity-50"
              >
                Next claim<span aria-hidden="true"> ›</span>
              </button>
            </nav>
          )}
          {!selectedId ? (
            <p className="text-sm text-slate-700">Choose a claim to review it.</p>
          ) : !panel ? (
            <PanelPlaceholder error={panelError} />
          ) : (
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
              focusOnShow={state.focusPanelOf === panel.claim.id}
              onFocused={onFocused}
              commentRef={commentRef}
              levelRef={levelRef}
            />
          )}
        </div>
      </section>
      <KeyboardHelp open={state.helpOpen} onClose={closeHelp} permissions={props.permissions} />
      <LiveNoticeToast notice={notice} />
    </div>
  );
}

// Nobody sees a panel before its claim has loaded, so its code is fetched meanwhile rather than with the page.
const ClaimPanel = dynamic(() => import('./claim-panel').then((m) => m.ClaimPanel), {
  ssr: false,
  loading: () => <PanelPlaceholder error={null} />,
});

function PanelPlaceholder({ error }: { error: string | null }) {
  return (
    <div aria-busy={!error} className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
      {error ? <p className="text-rose-800">{error}</p> : <p className="animate-pulse">Loading the claim…</p>}
    </div>
  );
}

/**
 * Below lg, the article and the claims are two tabs; above it both show and the tabs are hidden. The arrow
 * keys move between the tabs, as in any tab list.
 */
const WorkspaceTabs = memo(function WorkspaceTabs(props: {
  view: WorkspaceView;
  claimCount: number;
  onChoose: (view: WorkspaceView) => void;
}) {
  const tabs: Array<[WorkspaceView, string, string]> = [
    ['article', 'Article', 'workspace-article'],
    ['claims', `Claims (${props.claimCount})`, 'workspace-claims'],
  ];
  function move(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = props.view === 'article' ? 'claims' : 'article';
    props.onChoose(next);
    event.currentTarget.querySelector<HTMLElement>(`[data-view="${next}"]`)?.focus();
  }
  return (
    <div
      role="tablist"
      aria-label="Article or claims"
      onKeyDown={move}
      // Stays at the top of the window, within a thumb's reach of the other half at any scroll.
      className="sticky top-0 z-10 -mx-4 flex border-b border-slate-300 bg-slate-50 px-4 lg:hidden"
    >
      {tabs.map(([v, label, controls]) => (
        <button
          key={v}
          type="button"
          role="tab"
          data-view={v}
          aria-selected={props.view === v}
          aria-controls={controls}
          tabIndex={props.view === v ? 0 : -1}
          onClick={() => props.onChoose(v)}
          className="min-h-11 flex-1 border-b-2 border-transparent px-3 text-sm font-medium text-slate-700 aria-selected:border-sky-800 aria-selected:text-slate-900"
        >
          {label}
        </button>
      ))}
    </div>
  );
});

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
