import type { ActionResult } from '@/lib/errors';
import type { AssessmentValues, SavedAssessment } from './workspace-actions';

/**
 * Sends my assessment of a claim to the server (lib/http/record-assessment-endpoint.ts) and returns its
 * answer in the shape a Server Action would. Throws only when the server could not be reached.
 */
export async function saveAssessment(
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
