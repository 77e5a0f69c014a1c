import { describe, expect, it } from 'vitest';
import type { SavedAssessment } from '@/components/workspace/workspace-actions';
import {
  claimsOf,
  draftOf,
  initialWorkspaceState,
  NO_ASSESSMENT,
  stepFrom,
  undoneValues,
  versionAfter,
  type WorkspaceAction,
  type WorkspaceState,
  workspaceReducer,
} from '@/components/workspace/workspace-state';
import type { AssessmentValues } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import type { ClaimPanel } from '@/lib/workspace/claim-panel-types';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';

const claim = (n: number, over: Partial<WorkspaceClaim> = {}): WorkspaceClaim => ({
  id: `c${n}`,
  n,
  start: n * 10,
  end: n * 10 + 5,
  sectionId: null,
  kind: 'EFFICACY',
  hedged: false,
  citesStudy: false,
  text: null,
  status: 'UNREVIEWED',
  assessed: 0,
  level: null,
  mine: null,
  ...over,
});

const panelOf = (id: string, mine: ClaimPanel['mine'] = null): ClaimPanel => ({
  claim: {
    id,
    documentId: 'd1',
    number: 1,
    text: 'A claim',
    quote: 'A claim',
    kind: 'EFFICACY',
    hedged: false,
    citesStudy: false,
    references: [],
    section: 'Before the first heading',
    version: 1,
    reviewMode: 'OPEN',
  },
  status: 'UNREVIEWED',
  progress: null,
  consensus: null,
  mine,
  othersHidden: false,
  others: [],
  inConflict: false,
  adjudications: [],
  citations: [],
  comments: [],
  history: [],
});

const saved = (over: Partial<SavedAssessment> = {}): SavedAssessment => ({
  ...NO_ASSESSMENT,
  id: 'a1',
  verdict: 'SUPPORTED',
  version: 3,
  consensus: { state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', assessed: 1, required: 1 },
  ...over,
});

const stale: ActionResult<SavedAssessment> = {
  ok: false,
  code: 'CONFLICT',
  message: 'You changed this assessment in another tab, window or device after this one opened it.',
  details: { current: { ...NO_ASSESSMENT, verdict: 'UNSUPPORTED', rationale: 'Theirs', version: 7 } },
};

const list = [claim(1), claim(2), claim(3)];
const start = (over: Partial<WorkspaceState> = {}) => ({
  ...initialWorkspaceState({ claims: list, initialClaimId: null }),
  ...over,
});
const run = (state: WorkspaceState, ...actions: WorkspaceAction[]) => actions.reduce(workspaceReducer, state);

describe('initialWorkspaceState', () => {
  it('selects the claim in the address, or the first one when the address names none of them', () => {
    expect(initialWorkspaceState({ claims: list, initialClaimId: 'c2' }).selectedId).toBe('c2');
    expect(initialWorkspaceState({ claims: list, initialClaimId: 'gone' }).selectedId).toBe('c1');
    expect(initialWorkspaceState({ claims: [], initialClaimId: null }).selectedId).toBeNull();
  });
});

describe('the half a narrow screen shows', () => {
  it('is the article, or the claims when the address names one', () => {
    expect(initialWorkspaceState({ claims: list, initialClaimId: null }).view).toBe('article');
    expect(initialWorkspaceState({ claims: list, initialClaimId: 'c2' }).view).toBe('claims');
    expect(initialWorkspaceState({ claims: list, initialClaimId: 'gone' }).view).toBe('article');
  });

  it('turns to the claims when a highlight is chosen in the article, and stays put when one is chosen in the list', () => {
    const opened = run(start(), { type: 'claimOpened', claimId: 'c2' });
    expect(opened).toMatchObject({ selectedId: 'c2', view: 'claims' });
    expect(
      run(opened, { type: 'viewChosen', view: 'article' }, { type: 'claimSelected', claimId: 'c3' }),
    ).toMatchObject({ selectedId: 'c3', view: 'article' });
  });
});

describe('selection', () => {
  it('moves to another claim and forgets the focus a claim just added was to take', () => {
    const added = run(start(), { type: 'claimAdded', claimId: 'c3' });
    expect(added).toMatchObject({ selectedId: 'c3', focusPanelOf: 'c3' });
    expect(run(added, { type: 'panelFocused' }).focusPanelOf).toBeNull();
    expect(run(added, { type: 'claimSelected', claimId: 'c1' })).toMatchObject({
      selectedId: 'c1',
      focusPanelOf: null,
    });
  });

  it('steps through the visible claims and stops at either end', () => {
    expect(stepFrom(list, 'c1', 1)).toBe('c2');
    expect(stepFrom(list, 'c3', 1)).toBe('c3');
    expect(stepFrom(list, 'c1', -1)).toBe('c1');
    // A selection filtered out of the list starts from its first or last claim.
    expect(stepFrom(list, 'hidden', 1)).toBe('c1');
    expect(stepFrom(list, 'hidden', -1)).toBe('c3');
    expect(stepFrom([], 'c1', 1)).toBeNull();
  });
});

describe('claimsReceived', () => {
  it('keeps the selection when the new list still has it, and loads its panel again', () => {
    const state = start({ selectedId: 'c2' });
    const next = run(state, { type: 'claimsReceived', claims: [claim(1), claim(2), claim(4)] });
    expect(next.selectedId).toBe('c2');
    expect(next.panelLoads).toBe(state.panelLoads + 1);
  });

  it('moves a selection that was deleted to the claim now in its place, or the last one', () => {
    expect(
      run(start({ selectedId: 'c2' }), { type: 'claimsReceived', claims: [claim(1), claim(3)] }).selectedId,
    ).toBe('c3');
    expect(
      run(start({ selectedId: 'c3' }), { type: 'claimsReceived', claims: [claim(1), claim(2)] }).selectedId,
    ).toBe('c2');
    expect(run(start({ selectedId: 'c1' }), { type: 'claimsReceived', claims: [] }).selectedId).toBeNull();
  });

  it('drops the statuses changed here, which the new list carries itself', () => {
    const reviewed = run(start(), { type: 'claimReviewed', claimId: 'c1', saved: saved() });
    expect(reviewed.reviews.size).toBe(1);
    expect(run(reviewed, { type: 'claimsReceived', claims: [...list] }).reviews.size).toBe(0);
  });

  it('changes nothing for the same list', () => {
    const state = start();
    expect(run(state, { type: 'claimsReceived', claims: list })).toBe(state);
  });
});

describe('claim statuses', () => {
  it('shows a save’s consensus and my verdict on the claim, over the server’s list', () => {
    const state = run(start(), {
      type: 'claimReviewed',
      claimId: 'c2',
      saved: saved({
        verdict: 'SPECULATIVE',
        consensus: { state: 'CONFLICT', verdict: null, evidenceLevel: null, assessed: 2, required: 1 },
      }),
    });
    const claims = claimsOf(state);
    expect(claims[1]).toMatchObject({ id: 'c2', status: 'CONFLICT', level: null, mine: 'SPECULATIVE' });
    expect(claims[0]).toBe(list[0]);
  });

  it('shows an agreed or adjudicated consensus as its verdict, and an unreviewed one as unreviewed', () => {
    const statusAfter = (consensus: SavedAssessment['consensus']) =>
      claimsOf(run(start(), { type: 'claimReviewed', claimId: 'c1', saved: saved({ consensus }) }))[0]
        ?.status;
    const counts = { assessed: 1, required: 1 };
    expect(statusAfter({ state: 'AGREED', verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_1', ...counts })).toBe(
      'SUPPORTED',
    );
    expect(
      statusAfter({ state: 'ADJUDICATED', verdict: 'UNSUPPORTED', evidenceLevel: 'LEVEL_3', ...counts }),
    ).toBe('UNSUPPORTED');
    expect(
      statusAfter({ state: 'UNREVIEWED', verdict: null, evidenceLevel: null, assessed: 0, required: 1 }),
    ).toBe('UNREVIEWED');
  });

  it('shows a claim in review with how many reviewers have judged it', () => {
    const state = run(start(), {
      type: 'claimReviewed',
      claimId: 'c1',
      saved: saved({
        consensus: { state: 'IN_REVIEW', verdict: null, evidenceLevel: null, assessed: 1, required: 2 },
      }),
    });
    expect(claimsOf(state)[0]).toMatchObject({
      status: 'IN_REVIEW',
      assessed: 1,
      level: null,
      mine: 'SUPPORTED',
    });
  });

  it('shows an adjudication as the consensus, keeps my own verdict, and loads the panel again', () => {
    const state = start({ claims: [claim(1, { mine: 'SPECULATIVE', status: 'CONFLICT' })] });
    const next = run(state, {
      type: 'claimAdjudicated',
      claimId: 'c1',
      verdict: 'SUPPORTED',
      level: 'LEVEL_2',
    });
    expect(claimsOf(next)[0]).toMatchObject({ status: 'SUPPORTED', level: 'LEVEL_2', mine: 'SPECULATIVE' });
    expect(next.panelLoads).toBe(state.panelLoads + 1);
  });
});

describe('panels', () => {
  it('keeps every panel loaded, and an error only for its own claim', () => {
    const failed = run(start(), { type: 'panelFailed', claimId: 'c1', message: 'Offline' });
    expect(failed.panelError).toEqual({ claimId: 'c1', message: 'Offline' });
    const loaded = run(failed, { type: 'panelLoaded', panel: panelOf('c2') });
    expect(loaded.panels.has('c2')).toBe(true);
    expect(loaded.panelError).not.toBeNull();
    expect(run(loaded, { type: 'panelLoaded', panel: panelOf('c1') }).panelError).toBeNull();
    expect(run(failed, { type: 'claimSelected', claimId: 'c2' }).panelError).toBeNull();
  });

  it('loads the selected panel again after a citation or comment changed', () => {
    const state = start();
    expect(run(state, { type: 'panelChanged' }).panelLoads).toBe(state.panelLoads + 1);
  });
});

describe('my assessment', () => {
  const mine = { ...NO_ASSESSMENT, verdict: 'SPECULATIVE' as const, rationale: 'Loaded', version: 2 };
  const loaded = run(start(), { type: 'panelLoaded', panel: panelOf('c1', mine) });

  it('shows what the panel was loaded with until it is changed here', () => {
    const values = { ...NO_ASSESSMENT, verdict: 'SPECULATIVE' as const, rationale: 'Loaded' };
    expect(draftOf(loaded, 'c1')).toEqual({
      values,
      saving: 0,
      result: null,
      movedFrom: null,
      saved: values,
      version: 2,
      undo: null,
    });
    expect(draftOf(loaded, 'c9').values).toEqual(NO_ASSESSMENT);
    const typed = run(loaded, {
      type: 'assessmentEdited',
      claimId: 'c1',
      values: { ...NO_ASSESSMENT, verdict: 'SPECULATIVE', rationale: 'Typed' },
    });
    expect(draftOf(typed, 'c1').values.rationale).toBe('Typed');
    expect(draftOf(typed, 'c1').saving).toBe(0);
  });

  it('counts the saves that run, and keeps the last choice whatever the saves answer', () => {
    const chosen = { ...NO_ASSESSMENT, verdict: 'UNSUPPORTED' as const };
    const later = { ...chosen, evidenceLevel: 'LEVEL_4' as const };
    const saving = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: chosen },
      { type: 'assessmentSaveStarted', claimId: 'c1', values: later },
    );
    expect(draftOf(saving, 'c1')).toMatchObject({ values: later, saving: 2 });
    const failed = run(saving, {
      type: 'assessmentSaveEnded',
      claimId: 'c1',
      result: { ok: false, message: 'The server could not be reached. Your choice is kept: try again.' },
    });
    expect(draftOf(failed, 'c1')).toMatchObject({ values: later, saving: 1, result: { ok: false } });
  });

  it('after a save, shows it in the remembered panel and loads the panel again while it is selected', () => {
    const result: ActionResult<SavedAssessment> = {
      ok: true,
      message: 'Saved.',
      data: saved({ verdict: 'UNSUPPORTED', version: 3 }),
    };
    const started = run(loaded, {
      type: 'assessmentSaveStarted',
      claimId: 'c1',
      values: { ...NO_ASSESSMENT, verdict: 'UNSUPPORTED' },
    });
    const done = run(started, { type: 'assessmentSaveEnded', claimId: 'c1', result });
    expect(done.panels.get('c1')?.mine).toEqual({ ...NO_ASSESSMENT, verdict: 'UNSUPPORTED', version: 3 });
    expect(done.panelLoads).toBe(started.panelLoads + 1);
    expect(draftOf(done, 'c1')).toMatchObject({ saving: 0, result });
    // Moved on meanwhile: the claim now selected needs no new load.
    const movedOn = run(started, { type: 'claimSelected', claimId: 'c2' });
    expect(run(movedOn, { type: 'assessmentSaveEnded', claimId: 'c1', result }).panelLoads).toBe(
      movedOn.panelLoads,
    );
  });

  it('after a stale save, keeps mine until the reviewer takes the one saved meanwhile', () => {
    const mineNow = { ...NO_ASSESSMENT, verdict: 'SUPPORTED' as const, rationale: 'Mine' };
    const refused = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: mineNow },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: stale },
    );
    expect(draftOf(refused, 'c1').values).toEqual(mineNow);
    const kept = run(refused, { type: 'theirsKept', claimId: 'c1' });
    const theirs = { ...NO_ASSESSMENT, verdict: 'UNSUPPORTED' as const, rationale: 'Theirs' };
    expect(draftOf(kept, 'c1')).toEqual({
      values: theirs,
      saving: 0,
      result: null,
      movedFrom: null,
      saved: theirs,
      version: 7,
      undo: null,
    });
  });
});

describe('a change someone made, heard live', () => {
  const mine = (version: number, over: Partial<AssessmentValues> = {}) => ({
    ...NO_ASSESSMENT,
    verdict: 'SPECULATIVE' as const,
    ...over,
    version,
  });
  const loaded = run(start(), { type: 'panelLoaded', panel: panelOf('c1', mine(1)) });
  const fromOtherTab = (version: number, over: Partial<AssessmentValues> = {}) =>
    ({ type: 'claimChanged', panel: panelOf('c1', mine(version, over)) }) as const;
  const ok = (values: Partial<AssessmentValues>, version: number): ActionResult<SavedAssessment> => ({
    ok: true,
    message: 'Saved.',
    data: saved({ ...values, version }),
  });

  it('recolours the claim in the list from its panel', () => {
    const conflict = { ...panelOf('c2'), status: 'CONFLICT' as const };
    const changed = run(start(), { type: 'claimChanged', panel: conflict });
    expect(claimsOf(changed).find((c) => c.id === 'c2')?.status).toBe('CONFLICT');
    expect(changed.panels.get('c2')).toBe(conflict);
  });

  it('shows my newer assessment from another tab in a form that holds nothing unsaved', () => {
    const done = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: { ...NO_ASSESSMENT, verdict: 'SUPPORTED' } },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: ok({ verdict: 'SUPPORTED' }, 2) },
    );
    const changed = run(done, fromOtherTab(3, { verdict: 'UNSUPPORTED' }));
    expect(draftOf(changed, 'c1')).toMatchObject({
      version: 3,
      values: { verdict: 'UNSUPPORTED' },
      undo: null,
    });
  });

  it('never overwrites what I am typing, and keeps its version so that my save is refused as stale', () => {
    const typed = { ...NO_ASSESSMENT, verdict: 'SPECULATIVE' as const, rationale: 'Half a thought' };
    const typing = run(loaded, { type: 'assessmentEdited', claimId: 'c1', values: typed });
    const changed = run(typing, fromOtherTab(2, { verdict: 'UNSUPPORTED' }));
    expect(draftOf(changed, 'c1')).toMatchObject({ version: 1, values: typed });
  });

  it('ignores a panel older than my last save', () => {
    const done = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: { ...NO_ASSESSMENT, verdict: 'SUPPORTED' } },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: ok({ verdict: 'SUPPORTED' }, 2) },
    );
    const late = run(done, { type: 'panelLoaded', panel: panelOf('c1', mine(1)) });
    expect(draftOf(late, 'c1')).toMatchObject({ version: 2, values: { verdict: 'SUPPORTED' } });
  });
});

describe('deliberate saving', () => {
  const mine = { ...NO_ASSESSMENT, verdict: 'SPECULATIVE' as const, rationale: 'Loaded', version: 2 };
  const loaded = run(start(), { type: 'panelLoaded', panel: panelOf('c1', mine) });
  const shown = { ...NO_ASSESSMENT, verdict: 'SPECULATIVE' as const, rationale: 'Loaded' };
  const level = (evidenceLevel: SavedAssessment['evidenceLevel']) => ({ ...shown, evidenceLevel });
  const ok = (values: typeof shown, version = 3): ActionResult<SavedAssessment> => ({
    ok: true,
    message: 'Saved.',
    data: saved({ ...values, version }),
  });

  it('shows keyboard moves through a list unsaved, from where the first one started, until one is saved', () => {
    const moved = run(
      loaded,
      { type: 'assessmentMoved', claimId: 'c1', values: level('LEVEL_1') },
      { type: 'assessmentMoved', claimId: 'c1', values: level('LEVEL_2') },
      { type: 'assessmentMoved', claimId: 'c1', values: level('LEVEL_3') },
      { type: 'assessmentMoved', claimId: 'c1', values: level('LEVEL_4') },
    );
    expect(draftOf(moved, 'c1')).toMatchObject({ values: level('LEVEL_4'), movedFrom: shown, saving: 0 });
    const chosen = run(moved, { type: 'assessmentSaveStarted', claimId: 'c1', values: level('LEVEL_4') });
    expect(draftOf(chosen, 'c1')).toMatchObject({ movedFrom: null, saving: 1 });
  });

  it('has nothing waiting once the moves come back to where they started', () => {
    const back = run(
      loaded,
      { type: 'assessmentMoved', claimId: 'c1', values: { ...shown, verdict: 'UNSUPPORTED' } },
      { type: 'assessmentMoved', claimId: 'c1', values: shown },
    );
    expect(draftOf(back, 'c1')).toMatchObject({ values: shown, movedFrom: null });
  });

  it('undoes the last save: puts back what it changed and keeps a rationale typed since', () => {
    const done = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: level('LEVEL_2') },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: ok(level('LEVEL_2')) },
      { type: 'assessmentEdited', claimId: 'c1', values: { ...level('LEVEL_2'), rationale: 'Typed since' } },
    );
    const draft = draftOf(done, 'c1');
    expect(draft.undo).toEqual({ before: shown, after: level('LEVEL_2') });
    expect(undoneValues(draft)).toEqual({ ...shown, rationale: 'Typed since' });

    // The undo is a save of its own, which leaves nothing more to undo.
    const undone = run(
      done,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: shown },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: ok(shown, 4), undid: true },
    );
    expect(draftOf(undone, 'c1')).toMatchObject({ saved: shown, undo: null });
    expect(undoneValues(draftOf(undone, 'c1'))).toBeNull();
  });

  it('offers no undo after a failed or stale save, and then counts from what is saved meanwhile', () => {
    const refused = run(
      loaded,
      { type: 'assessmentSaveStarted', claimId: 'c1', values: level('LEVEL_1') },
      { type: 'assessmentSaveEnded', claimId: 'c1', result: stale },
    );
    expect(draftOf(refused, 'c1')).toMatchObject({
      undo: null,
      saved: { ...NO_ASSESSMENT, verdict: 'UNSUPPORTED', rationale: 'Theirs' },
    });
    expect(undoneValues(draftOf(loaded, 'c1'))).toBeNull();
  });
});

describe('versionAfter', () => {
  it('sends the saved version next, the one saved meanwhile after a stale save, or the same one again', () => {
    expect(versionAfter({ ok: true, message: 'Saved.', data: saved({ version: 5 }) }, 4)).toBe(5);
    expect(versionAfter(stale, 4)).toBe(7);
    expect(
      versionAfter({ ok: false, code: 'CONFLICT', message: 'Gone', details: { current: null } }, 4),
    ).toBe(0);
    expect(versionAfter({ ok: false, message: 'Offline' }, 4)).toBe(4);
  });
});

describe('initialWorkspaceState for an assigned reviewer', () => {
  const claims = [
    claim(1, { mine: 'SUPPORTED' }),
    claim(2),
    claim(3, { mine: 'SPECULATIVE' }),
    claim(4),
    claim(5),
  ];

  it('opens on "unreviewed by me", at the first claim of their range they have not judged', () => {
    const state = initialWorkspaceState({
      claims,
      initialClaimId: null,
      assigned: [{ fromNumber: 3, toNumber: 5 }],
    });
    expect(state.filters.unreviewedByMe).toBe(true);
    expect(state.selectedId).toBe('c4');
    const whole = initialWorkspaceState({
      claims,
      initialClaimId: null,
      assigned: [{ fromNumber: null, toNumber: null }],
    });
    expect(whole.selectedId).toBe('c2');
  });

  it('keeps a claim the address names, and the plain list for a reviewer with no assignment', () => {
    const linked = initialWorkspaceState({
      claims,
      initialClaimId: 'c1',
      assigned: [{ fromNumber: 3, toNumber: 5 }],
    });
    expect(linked.selectedId).toBe('c1');
    const free = initialWorkspaceState({ claims, initialClaimId: null, assigned: [] });
    expect(free.filters.unreviewedByMe).toBe(false);
    expect(free.selectedId).toBe('c1');
  });
});
