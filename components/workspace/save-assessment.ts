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
 * so quick changes never trip over each other; a save that fails keeps what was chosen. `version` is the claim's
 * assessment version as its panel was loaded, for the first save of that claim.
 */
export function useAssessmentSaves(dispatch: Dispatch<WorkspaceAction>): SaveAssessment {
  // Per claim, the version the next save sends, once the saves before it are answered.
  const queues = useRef(new Map<string, Promise<number>>());
  return useCallback(
    (claimId, values, version, options) => {
      const undid = options?.undo === true;
      dispatch({ type: 'assessmentSaveStarted', claimId, values });
      const before = queues.current.get(claimId) ?? Promise.resolve(version);
      const after = before.then(async (sent) => {
        const answer = await saveAssessment(claimId, { ...values, version: sent }).catch(() => UNREACHABLE);
        const result = undid && answer.ok ? { ...answer, message: UNDONE } : answer;
        dispatch({ type: 'assessmentSaveEnded', claimId, result, undid });
        const saved = result.ok ? result.data : null;
        if (saved) startTransition(() => dispatch({ type: 'claimReviewed', claimId, saved }));
        return versionAfter(result, sent);
      });
      queues.current.set(claimId, after);
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
