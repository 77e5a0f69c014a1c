'use client';

import { type Dispatch, startTransition, useCallback, useRef } from 'react';
import type { ActionResult } from '@/lib/errors';
import type { AssessmentValues, SavedAssessment } from './workspace-actions';
import { versionAfter, type WorkspaceAction } from './workspace-state';

const UNREACHABLE: ActionResult<never> = {
  ok: false,
  message: 'The server could not be reached. Your choice is kept: try again.',
};

const UNDONE = 'Undone: the earlier choice is saved again.';

/** Saves my assessment of a claim; an undo is a save too, of the values the one before it changed. */
export type SaveAssessment = (
  claimId: string,
  values: AssessmentValues,
  version: number,
  options?: { undo?: boolean },
) => void;

/**
 * Saves my assessments. Saves of one claim run one after another, each with the version the last one returned,
 * so quick changes never trip over each other; a save that fails keeps what was chosen. `version` is the one my
 * form is based on (AssessmentDraft.version), which the first save sends when none is running.
 */
export function useAssessmentSaves(dispatch: Dispatch<WorkspaceAction>): SaveAssessment {
  // Per claim, while saves of it run: the version the next save sends, once those before it are answered.
  const queues = useRef(new Map<string, { after: Promise<number>; running: number }>());
  // Per claim, the version the last save here ended with: a key pressed before the form re-rendered after that
  // save still passes the version before it.
  const known = useRef(new Map<string, number>());
  return useCallback(
    (claimId, values, version, options) => {
      const undid = options?.undo === true;
      dispatch({ type: 'assessmentSaveStarted', claimId, values });
      const start = Math.max(version, known.current.get(claimId) ?? 0);
      const queue = queues.current.get(claimId) ?? { after: Promise.resolve(start), running: 0 };
      queue.running += 1;
      queue.after = queue.after.then(async (sent) => {
        const answer = await saveAssessment(claimId, { ...values, version: sent }).catch(() => UNREACHABLE);
        const result = undid && answer.ok ? { ...answer, message: UNDONE } : answer;
        dispatch({ type: 'assessmentSaveEnded', claimId, result, undid });
        const saved = result.ok ? result.data : null;
        if (saved) startTransition(() => dispatch({ type: 'claimReviewed', claimId, saved }));
        // With none left running, the form's own version is the truth again: another tab's save may have
        // arrived since (lib/live), and the form may have taken it.
        const next = versionAfter(result, sent);
        known.current.set(claimId, next);
        queue.running -= 1;
        if (queue.running === 0) queues.current.delete(claimId);
        return next;
      });
      queues.current.set(claimId, queue);
    },
    [dispatch],
  );
}

/**
 * Sends my assessment of a claim to the server (PUT /api/claims/{id}/assessment) and returns its answer in the
 * shape a Server Action would. Throws only when the server could not be reached.
 */
async function saveAssessment(
  claimId: string,
  input: AssessmentValues & { version: number },
): Promise<ActionResult<SavedAssessment>> {
  const response = await fetch(`/api/claims/${encodeURIComponent(claimId)}/assessment`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(input),
    cache: 'no-store',
  });
  const result = (await response.json().catch(() => null)) as ActionResult<SavedAssessment> | null;
  // A reply that is not ours (a proxy's error page, say) still gets a message the reviewer can act on.
  return (
    result ?? {
      ok: false,
      message: `The server answered with an error (HTTP ${response.status}) and nothing was saved. Your choice is kept: try again.`,
    }
  );
}
