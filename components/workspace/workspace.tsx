'use client';

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { ClaimStatus } from '@/lib/consensus/claim-status';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { type ClaimFilters, filterClaims, NO_FILTERS } from '@/lib/workspace/filter-claims';
import type { WorkspaceClaim, WorkspaceData } from '@/lib/workspace/workspace-types';
import { ActionMessage } from '../action-message';
import { useAction } from '../use-action';
import { AddClaimByText } from './add-claim-by-text';
import { ClaimFilterBar } from './claim-filters';
import { ClaimPanel } from './claim-panel';
import { ClaimRows } from './claim-rows';
import { DocumentPane } from './document-pane';
import { KeyboardHelp } from './keyboard-help';
import type { AssessmentControls } from './my-assessment';
import { ReviewProgress } from './review-progress';
import { useClaimPanel } from './use-claim-panel';
import { useWorkspaceKeys } from './use-workspace-keys';
import type { SavedAssessment, WorkspaceActions, WorkspacePermissions } from './workspace-actions';

type Override = { status: ClaimStatus; level: EvidenceLevel | null; mine: Verdict | null };

/**
 * The review workspace: the article with its highlights on the left; on the right the claim list with search
 * and filters, and the selected claim's panel. The selection lives in the address (?claim=…), so a reload or a
 * shared link opens the same claim.
 */
export function Workspace(props: {
  data: Omit<WorkspaceData, 'agreement'>;
  initialClaimId: string | null;
  permissions: WorkspacePermissions;
  actions: WorkspaceActions;
}) {
  const { document, sections } = props.data;
  // Saves change a claim's status before the page is ever reloaded; they are kept as overrides on the server's
  // list until the list itself changes (after a split or merge, say).
  const [overrides, setOverrides] = useState<{ base: WorkspaceClaim[]; byId: Map<string, Override> }>({
    base: props.data.claims,
    byId: new Map(),
  });
  if (overrides.base !== props.data.claims) setOverrides({ base: props.data.claims, byId: new Map() });
  const claims = useMemo(
    () =>
      overrides.byId.size === 0
        ? props.data.claims
        : props.data.claims.map((c) => {
            const o = overrides.byId.get(c.id);
            return o ? { ...c, ...o } : c;
          }),
    [props.data.claims, overrides.byId],
  );

  const textOf = useCallback(
    (c: WorkspaceClaim) => c.text ?? document.body.slice(c.start, c.end),
    [document.body],
  );
  const [filters, setFilters] = useState<ClaimFilters>(NO_FILTERS);
  const visible = useMemo(() => filterClaims(claims, filters, textOf), [claims, filters, textOf]);
  const [selectedId, setSelectedId] = useState<string | null>(
    () =>
      (props.initialClaimId && claims.some((c) => c.id === props.initialClaimId)
        ? props.initialClaimId
        : null) ??
      claims[0]?.id ??
      null,
  );
  const [helpOpen, setHelpOpen] = useState(false);
  const { panel, error, reload, prefetch, patch } = useClaimPanel(selectedId);

  // A claim edit (text, split, merge, delete) re-renders the page with a new list. Reload the open panel
  // then, and when the selected claim is gone (merged away or deleted), move to the claim now in its place.
  const [list, setList] = useState(props.data.claims);
  if (list !== props.data.claims) {
    setList(props.data.claims);
    if (selectedId && !props.data.claims.some((c) => c.id === selectedId)) {
      const at = list.findIndex((c) => c.id === selectedId);
      setSelectedId(props.data.claims[Math.min(Math.max(at, 0), props.data.claims.length - 1)]?.id ?? null);
    }
  }
  const firstList = useRef(props.data.claims);
  useEffect(() => {
    if (props.data.claims !== firstList.current) reload();
  }, [props.data.claims, reload]);
  const controls = useRef<AssessmentControls | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const selectionTarget = useRef<(() => { start: number; end: number } | null) | null>(null);

  const select = useCallback((claimId: string) => {
    setSelectedId(claimId);
    const url = new URL(window.location.href);
    url.searchParams.set('claim', claimId);
    window.history.replaceState(window.history.state, '', url);
  }, []);

  // A claim just added is selected and its panel takes the focus, out of the form that added it, so the keys
  // that assess it (1, 2, 3, e) work at once.
  const focusOnShow = useRef<string | null>(null);
  const selectAdded = useCallback(
    (claimId: string) => {
      focusOnShow.current = claimId;
      select(claimId);
    },
    [select],
  );

  // Warm the neighbours, so j and k show the next panel at once.
  useEffect(() => {
    const at = visible.findIndex((c) => c.id === selectedId);
    if (at < 0) return;
    const ids = [visible[at + 1]?.id, visible[at - 1]?.id].filter((id): id is string => Boolean(id));
    const timer = setTimeout(() => prefetch(ids), 150);
    return () => clearTimeout(timer);
  }, [selectedId, visible, prefetch]);

  const step = useCallback(
    (by: 1 | -1) => {
      if (visible.length === 0) return;
      const at = visible.findIndex((c) => c.id === selectedId);
      const next =
        at < 0 ? (by === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + by));
      const claim = visible[next];
      if (claim) select(claim.id);
    },
    [visible, selectedId, select],
  );

  // The assessment form of the selected claim, or nothing while that claim's panel is still loading.
  const ours = () => (controls.current?.claimId === selectedId ? controls.current : null);
  useWorkspaceKeys({
    next: () => step(1),
    previous: () => step(-1),
    verdict: (v) => ours()?.chooseVerdict(v),
    level: () => ours()?.focusLevel(),
    comment: () => commentRef.current?.focus(),
    search: () => searchRef.current?.focus(),
    help: () => setHelpOpen((open) => !open),
  });

  const [, startTransition] = useTransition();
  const override = useCallback((claimId: string, o: Override) => {
    startTransition(() => setOverrides((s) => ({ base: s.base, byId: new Map(s.byId).set(claimId, o) })));
  }, []);

  const onAssessmentSaved = useCallback(
    (claimId: string, saved: SavedAssessment) => {
      const { state, verdict, evidenceLevel } = saved.consensus;
      const status: ClaimStatus =
        state === 'AGREED' && verdict ? verdict : state === 'CONFLICT' ? 'CONFLICT' : 'UNREVIEWED';
      override(claimId, { status, level: evidenceLevel, mine: saved.verdict });
      const { id: _, consensus: __, ...mine } = saved;
      patch(claimId, (p) => ({ ...p, mine }));
    },
    [override, patch],
  );
  const onAdjudicated = useCallback(
    (claimId: string, verdict: Verdict, level: EvidenceLevel) => {
      const mine = claims.find((c) => c.id === claimId)?.mine ?? null;
      override(claimId, { status: verdict, level, mine });
    },
    [override, claims],
  );

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
              target={selectionTarget}
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
        <DocumentPane
          body={document.body}
          claims={claims}
          selectedId={selectedId}
          onSelect={select}
          selectionTarget={props.permissions.edit ? selectionTarget : undefined}
        />
      </section>
      <section aria-label="Claims" className="flex h-[calc(100vh-9rem)] min-h-96 flex-col gap-3">
        <ReviewProgress mine={progress.mine} consensus={progress.consensus} total={claims.length} />
        <ClaimFilterBar filters={filters} sections={sections} searchRef={searchRef} onChange={setFilters} />
        <p className="flex items-center justify-between text-xs text-slate-700">
          <span aria-live="polite">
            Showing {visible.length} of {claims.length} claims
          </span>
          <button type="button" onClick={() => setHelpOpen(true)} className="text-sky-800 underline">
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
              error={error}
              permissions={props.permissions}
              actions={props.actions}
              controls={controls}
              commentRef={commentRef}
              onAssessmentSaved={onAssessmentSaved}
              onAdjudicated={onAdjudicated}
              reload={reload}
              focusOnShow={focusOnShow}
            />
          ) : (
            <p className="text-sm text-slate-700">Choose a claim to review it.</p>
          )}
        </div>
      </section>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function AddFromSelection(props: {
  documentId: string;
  target: React.RefObject<(() => { start: number; end: number } | null) | null>;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
  /** The new claim is selected, so it can be assessed at once. */
  onAdded: (claimId: string) => void;
}) {
  const adding = useAction<{ id: string }>();
  function add() {
    const range = props.target.current?.();
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
}
