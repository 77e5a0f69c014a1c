import { inRange } from '@/lib/assignments/assignment-range';
import type { ClaimStatus } from '@/lib/consensus/consensus';
import type { AssessmentValues, EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimPanel, PanelMine } from '@/lib/workspace/claim-panel-types';
import { type ClaimFilters, NO_FILTERS } from '@/lib/workspace/filter-claims';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';
import type { SavedAssessment } from './workspace-actions';

// The review workspace's client state and every change to it, as a pure reducer: the page's Workspace holds
// it, and its effects (loading panels, saving assessments) only dispatch these actions.

/** A claim's status as a save or an adjudication here left it, before the server's list says so itself. */
export type Review = {
  status: ClaimStatus;
  /** Reviewers who gave a verdict, while the claim is in review; 0 otherwise (WorkspaceClaim.assessed). */
  assessed: number;
  level: EvidenceLevel | null;
  mine: Verdict | null;
};

/** My assessment of one claim as its form shows it: what I chose, how many saves run, and the last answer. */
export type AssessmentDraft = {
  values: AssessmentValues;
  saving: number;
  result: ActionResult<SavedAssessment> | null;
  /**
   * What the form showed before a keyboard move through a list (verdict, evidence level, certainty) that is not
   * chosen yet; null when no move waits. Enter, or leaving the list, saves it (docs/decisions/0013).
   */
  movedFrom: AssessmentValues | null;
  /** My assessment as the server holds it, as far as this tab knows: what the next save changes. */
  saved: AssessmentValues;
  /**
   * The version of `saved`, which the next save sends. A form being changed keeps it when a newer version arrives
   * from another tab, so that its save is refused as stale and both are compared, rather than overwriting.
   */
  version: number;
  /** The last save, while it can still be undone: what it changed from, and to. */
  undo: { before: AssessmentValues; after: AssessmentValues } | null;
};

/** What was saved meanwhile, when my last save was refused as stale. */
export type Theirs = (AssessmentValues & { version: number; updatedAt?: string }) | null;

/** Which half a narrow screen shows; a wide one shows both. */
export type WorkspaceView = 'article' | 'claims';

export type WorkspaceState = {
  /** The claims as the server last sent them. */
  claims: ReadonlyArray<WorkspaceClaim>;
  /** Statuses changed here since the server sent `claims`. */
  reviews: ReadonlyMap<string, Review>;
  selectedId: string | null;
  view: WorkspaceView;
  filters: ClaimFilters;
  helpOpen: boolean;
  /** A claim just added: its panel takes the focus when it shows, so the keys that assess it work at once. */
  focusPanelOf: string | null;
  /** Every panel loaded so far, so that coming back to a claim shows it at once while it loads again. */
  panels: ReadonlyMap<string, ClaimPanel>;
  /** Why the selected claim's panel could not be loaded. */
  panelError: { claimId: string; message: string } | null;
  /** Counts the changes after which the selected panel is loaded again. */
  panelLoads: number;
  /** My assessments changed here, by claim; the others show what their panel says. */
  assessments: ReadonlyMap<string, AssessmentDraft>;
};

export type WorkspaceAction =
  /** The page sent a new list, after a claim was edited, split, merged, deleted or added. */
  | { type: 'claimsReceived'; claims: ReadonlyArray<WorkspaceClaim> }
  | { type: 'claimSelected'; claimId: string }
  /** A highlight chosen in the article: on a narrow screen its claim's panel is shown in place of the article. */
  | { type: 'claimOpened'; claimId: string }
  | { type: 'viewChosen'; view: WorkspaceView }
  | { type: 'claimAdded'; claimId: string }
  | { type: 'panelFocused' }
  | { type: 'filtersChanged'; filters: ClaimFilters }
  | { type: 'helpOpened' }
  | { type: 'helpToggled' }
  | { type: 'helpClosed' }
  | { type: 'panelLoaded'; panel: ClaimPanel }
  | { type: 'panelFailed'; claimId: string; message: string }
  /** A citation or comment changed on the server: load the panel again. */
  | { type: 'panelChanged' }
  /** Typed but not saved yet: the rationale. */
  | { type: 'assessmentEdited'; claimId: string; values: AssessmentValues }
  /** Moved to with the keyboard in a list, not chosen yet. */
  | { type: 'assessmentMoved'; claimId: string; values: AssessmentValues }
  | { type: 'assessmentSaveStarted'; claimId: string; values: AssessmentValues }
  /** `undid`: the save put back what the one before it changed, so there is nothing left to undo. */
  | { type: 'assessmentSaveEnded'; claimId: string; result: ActionResult<SavedAssessment>; undid?: boolean }
  /** After a stale save, the reviewer takes what was saved meanwhile instead of re-applying theirs. */
  | { type: 'theirsKept'; claimId: string }
  /** A save's effect on the claim list; dispatched apart, in a transition, as it re-renders every row. */
  | { type: 'claimReviewed'; claimId: string; saved: SavedAssessment }
  | { type: 'claimAdjudicated'; claimId: string; verdict: Verdict; level: EvidenceLevel }
  /**
   * Someone changed the claim (lib/live): its panel as loaded since, for the list, the highlight and the panel.
   * My form takes my assessment from it only when nothing in the form waits to be saved.
   */
  | { type: 'claimChanged'; panel: ClaimPanel };

export const NO_ASSESSMENT: AssessmentValues = {
  verdict: null,
  evidenceLevel: null,
  certainty: null,
  downgradeReasons: [],
  rationale: null,
};

/** A claim-number range a reviewer is assigned (lib/assignments); both ends null: the whole document. */
export type AssignedRange = { fromNumber: number | null; toNumber: number | null };

export function initialWorkspaceState(options: {
  claims: ReadonlyArray<WorkspaceClaim>;
  initialClaimId: string | null;
  assigned?: ReadonlyArray<AssignedRange>;
}): WorkspaceState {
  const { claims, initialClaimId } = options;
  const assigned = options.assigned ?? [];
  const asked = initialClaimId && claims.some((c) => c.id === initialClaimId) ? initialClaimId : null;
  // An assigned reviewer starts on their work: the claims they have not judged, from the first one in their
  // range. The filter is an ordinary one, so they can switch it off.
  const firstToDo =
    assigned.length > 0
      ? claims.find((c) => c.mine === null && assigned.some((range) => inRange(c.n, range)))?.id
      : undefined;
  return {
    claims,
    reviews: new Map(),
    selectedId: asked ?? firstToDo ?? claims[0]?.id ?? null,
    // A link to one claim (from the summary, or shared) is followed to its panel.
    view: asked ? 'claims' : 'article',
    filters: assigned.length > 0 ? { ...NO_FILTERS, unreviewedByMe: true } : NO_FILTERS,
    helpOpen: false,
    focusPanelOf: null,
    panels: new Map(),
    panelError: null,
    panelLoads: 0,
    assessments: new Map(),
  };
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'claimsReceived': {
      if (action.claims === state.claims) return state;
      return {
        ...state,
        claims: action.claims,
        // The new list already carries every status saved before it was read.
        reviews: new Map(),
        selectedId: stillSelected(state.claims, action.claims, state.selectedId),
        panelLoads: state.panelLoads + 1,
      };
    }
    case 'claimSelected':
      if (action.claimId === state.selectedId) return state;
      // Another claim chosen means the reader moved on: a claim just added no longer takes the focus.
      return { ...state, selectedId: action.claimId, focusPanelOf: null, panelError: null };
    case 'claimOpened':
      return {
        ...workspaceReducer(state, { type: 'claimSelected', claimId: action.claimId }),
        view: 'claims',
      };
    case 'viewChosen':
      return action.view === state.view ? state : { ...state, view: action.view };
    case 'claimAdded':
      return { ...state, selectedId: action.claimId, focusPanelOf: action.claimId, panelError: null };
    case 'panelFocused':
      return { ...state, focusPanelOf: null };
    case 'filtersChanged':
      return { ...state, filters: action.filters };
    case 'helpOpened':
      return { ...state, helpOpen: true };
    case 'helpToggled':
      return { ...state, helpOpen: !state.helpOpen };
    case 'helpClosed':
      return { ...state, helpOpen: false };
    case 'panelLoaded': {
      const { id } = action.panel.claim;
      return {
        ...state,
        panels: new Map(state.panels).set(id, action.panel),
        panelError: state.panelError?.claimId === id ? null : state.panelError,
        assessments: withNewerMine(state.assessments, id, action.panel.mine),
      };
    }
    case 'claimChanged': {
      const { panel } = action;
      const loaded = workspaceReducer(state, { type: 'panelLoaded', panel });
      if (!state.claims.some((c) => c.id === panel.claim.id)) return loaded;
      return withReview(loaded, panel.claim.id, reviewOfPanel(panel));
    }
    case 'panelFailed':
      return { ...state, panelError: { claimId: action.claimId, message: action.message } };
    case 'panelChanged':
      return { ...state, panelLoads: state.panelLoads + 1 };
    case 'assessmentEdited':
      return withDraft(state, action.claimId, (d) => ({ ...d, values: action.values }));
    case 'assessmentMoved':
      return withDraft(state, action.claimId, (d) => {
        const from = d.movedFrom ?? d.values;
        // Moved back to where it started: nothing waits to be chosen.
        return { ...d, values: action.values, movedFrom: sameValues(from, action.values) ? null : from };
      });
    case 'assessmentSaveStarted':
      return withDraft(state, action.claimId, (d) => ({
        ...d,
        values: action.values,
        saving: d.saving + 1,
        movedFrom: null,
      }));
    case 'assessmentSaveEnded': {
      const { claimId, result } = action;
      const next = withDraft(state, claimId, (d) => {
        const saving = Math.max(0, d.saving - 1);
        const version = versionAfter(result, d.version);
        if (!result.ok) {
          const theirs = theirsOf(result);
          return { ...d, saving, result, saved: theirs ? valuesOf(theirs) : d.saved, version, undo: null };
        }
        const saved = valuesOf(result.data);
        const undo = action.undid ? null : { before: d.saved, after: saved };
        return { ...d, saving, result, saved, version, undo };
      });
      if (!result.ok) return next;
      const panel = state.panels.get(claimId);
      return {
        ...next,
        // Coming back to the claim shows the saved assessment, not the one the panel was loaded with.
        panels: panel
          ? new Map(state.panels).set(claimId, { ...panel, mine: mineOf(result.data) })
          : state.panels,
        // The others' view, the consensus and the history change with my save; load them unless I moved on.
        panelLoads: claimId === state.selectedId ? state.panelLoads + 1 : state.panelLoads,
      };
    }
    case 'theirsKept':
      return withDraft(state, action.claimId, (d) => {
        const theirs = theirsOf(d.result);
        const values = theirs ? valuesOf(theirs) : NO_ASSESSMENT;
        return {
          ...d,
          values,
          result: null,
          movedFrom: null,
          saved: values,
          version: theirs?.version ?? 0,
          undo: null,
        };
      });
    case 'claimReviewed':
      return withReview(state, action.claimId, reviewOfSave(action.saved));
    case 'claimAdjudicated': {
      const { claimId, verdict, level } = action;
      const mine =
        state.reviews.get(claimId)?.mine ?? state.claims.find((c) => c.id === claimId)?.mine ?? null;
      const next = withReview(state, claimId, { status: verdict, assessed: 0, level, mine });
      return { ...next, panelLoads: state.panelLoads + 1 };
    }
  }
}

/** The server's claims with the statuses changed here since. */
export function claimsOf(state: Pick<WorkspaceState, 'claims' | 'reviews'>): ReadonlyArray<WorkspaceClaim> {
  if (state.reviews.size === 0) return state.claims;
  return state.claims.map((c) => {
    const review = state.reviews.get(c.id);
    return review ? { ...c, ...review } : c;
  });
}

/** My assessment of a claim as its form shows it: as changed here, or else as its panel was loaded. */
export function draftOf(state: WorkspaceState, claimId: string): AssessmentDraft {
  const drafted = state.assessments.get(claimId);
  if (drafted) return drafted;
  return draftFrom(state.panels.get(claimId)?.mine ?? null);
}

function draftFrom(mine: PanelMine | null): AssessmentDraft {
  const values = mine ? valuesOf(mine) : NO_ASSESSMENT;
  return {
    values,
    saving: 0,
    result: null,
    movedFrom: null,
    saved: values,
    version: mine?.version ?? 0,
    undo: null,
  };
}

/**
 * My form after a panel was loaded with `mine`: a newer version saved elsewhere (another tab) replaces a form that
 * holds nothing unsaved; a form being changed is never overwritten, and its save will show both. An older one
 * (a panel fetched before my last save ended) changes nothing.
 */
function withNewerMine(
  assessments: ReadonlyMap<string, AssessmentDraft>,
  claimId: string,
  mine: PanelMine | null,
): ReadonlyMap<string, AssessmentDraft> {
  const draft = assessments.get(claimId);
  if (!draft || !mine || mine.version <= draft.version) return assessments;
  const untouched = draft.saving === 0 && draft.movedFrom === null && sameValues(draft.values, draft.saved);
  return untouched ? new Map(assessments).set(claimId, draftFrom(mine)) : assessments;
}

/**
 * What undoing the last save saves: each field that save changed goes back to what it was; the others stay as
 * the form shows them, so a rationale typed since is not lost. Null when there is nothing to undo.
 */
export function undoneValues(draft: AssessmentDraft): AssessmentValues | null {
  const { undo, values } = draft;
  if (!undo) return null;
  const back = <K extends keyof AssessmentValues>(field: K): AssessmentValues[K] =>
    sameValue(undo.before[field], undo.after[field]) ? values[field] : undo.before[field];
  return {
    verdict: back('verdict'),
    evidenceLevel: back('evidenceLevel'),
    certainty: back('certainty'),
    downgradeReasons: back('downgradeReasons'),
    rationale: back('rationale'),
  };
}

/** What was saved meanwhile, when a save was refused as stale; undefined for any other result. */
export function theirsOf(result: ActionResult<SavedAssessment> | null): Theirs | undefined {
  if (!result || result.ok || result.code !== 'CONFLICT' || !result.details || !('current' in result.details))
    return undefined;
  return result.details.current as Theirs;
}

/** The version the next save of a claim sends, after a save that sent `sent` was answered with `result`. */
export function versionAfter(result: ActionResult<SavedAssessment>, sent: number): number {
  if (result.ok) return result.data.version;
  const theirs = theirsOf(result);
  // A stale save: the next one overwrites what was saved meanwhile, knowingly, as the reviewer re-applies.
  return theirs === undefined ? sent : (theirs?.version ?? 0);
}

/** The claim `by` steps from the selected one in the visible list, stopping at either end. */
export function stepFrom(
  visible: ReadonlyArray<{ id: string }>,
  selectedId: string | null,
  by: 1 | -1,
): string | null {
  if (visible.length === 0) return null;
  const at = visible.findIndex((c) => c.id === selectedId);
  const next =
    at < 0 ? (by === 1 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + by));
  return visible[next]?.id ?? null;
}

/** A claim's row as a panel loaded after someone's change shows it. */
function reviewOfPanel(panel: ClaimPanel): Review {
  return {
    status: panel.status,
    assessed: panel.status === 'IN_REVIEW' ? (panel.progress?.assessed ?? 0) : 0,
    level: panel.consensus?.evidenceLevel ?? null,
    mine: panel.mine?.verdict ?? null,
  };
}

function reviewOfSave(saved: SavedAssessment): Review {
  const { state, verdict, evidenceLevel, assessed } = saved.consensus;
  const status: ClaimStatus =
    (state === 'AGREED' || state === 'ADJUDICATED') && verdict
      ? verdict
      : state === 'CONFLICT' || state === 'IN_REVIEW'
        ? state
        : 'UNREVIEWED';
  return {
    status,
    assessed: status === 'IN_REVIEW' ? assessed : 0,
    level: evidenceLevel,
    mine: saved.verdict,
  };
}

/** The selected claim, or when the new list no longer has it (deleted), the claim now in its place. */
function stillSelected(
  before: ReadonlyArray<WorkspaceClaim>,
  after: ReadonlyArray<WorkspaceClaim>,
  selectedId: string | null,
): string | null {
  if (!selectedId || after.some((c) => c.id === selectedId)) return selectedId;
  const at = before.findIndex((c) => c.id === selectedId);
  return after[Math.min(Math.max(at, 0), after.length - 1)]?.id ?? null;
}

function withDraft(
  state: WorkspaceState,
  claimId: string,
  change: (draft: AssessmentDraft) => AssessmentDraft,
): WorkspaceState {
  return { ...state, assessments: new Map(state.assessments).set(claimId, change(draftOf(state, claimId))) };
}

function withReview(state: WorkspaceState, claimId: string, review: Review): WorkspaceState {
  return { ...state, reviews: new Map(state.reviews).set(claimId, review) };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameValues(a: AssessmentValues, b: AssessmentValues): boolean {
  return sameValue(valuesOf(a), valuesOf(b));
}

function valuesOf(a: AssessmentValues): AssessmentValues {
  const { verdict, evidenceLevel, certainty, downgradeReasons, rationale } = a;
  return { verdict, evidenceLevel, certainty, downgradeReasons, rationale };
}

function mineOf(saved: SavedAssessment): PanelMine {
  return { ...valuesOf(saved), version: saved.version };
}
