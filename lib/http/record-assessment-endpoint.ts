import { z } from 'zod';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { requireAllowed, sessionUserOf } from '@/lib/auth/session-user-of';
import type { Consensus } from '@/lib/consensus/compute-consensus';
import {
  type AssessmentValues,
  CERTAINTIES,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { AppError, STATUS } from '@/lib/errors';
import { canSeeOthers } from '@/lib/workspace/can-see-others';
import { type ActionResult, actionFailure, validationFailure } from './action-result';
import { assertSameOrigin } from './assert-same-origin';
import { readBodyWithin } from './read-body-within';

/** `PUT` here records the signed-in reviewer's assessment of one claim. */
export const ASSESSMENT_PATH = /^\/api\/claims\/([^/?#]+)\/assessment$/;

/** A save is a few short fields and a rationale of at most 5,000 characters (4 bytes each at worst). */
export const ASSESSMENT_MAX_BYTES = 32 * 1024;

const Input = z.object({
  verdict: z.enum(VERDICTS, { error: 'Choose supported, speculative or unsupported.' }).nullable(),
  evidenceLevel: z.enum(EVIDENCE_LEVELS, { error: 'Choose a CEBM level from 1 to 5, or none.' }).nullable(),
  certainty: z
    .enum(CERTAINTIES, { error: 'Choose a certainty: high, moderate, low or very low.' })
    .nullable()
    .default(null),
  downgradeReasons: z
    .array(
      z.enum(GRADE_DOMAINS, {
        error:
          'Choose downgrade reasons from risk of bias, inconsistency, indirectness, imprecision and publication bias.',
      }),
    )
    .default([]),
  rationale: z
    .string({ error: 'Write the rationale as text.' })
    .trim()
    .max(RATIONALE_MAX_LENGTH, {
      error: `A rationale can be at most ${RATIONALE_MAX_LENGTH.toLocaleString('en')} characters. Shorten it and save again.`,
    })
    .nullable()
    .default(null),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(0),
});

export type SavedAssessment = AssessmentValues & { id: string; version: number; consensus: Consensus };

/**
 * Saving an assessment over HTTP: `PUT /api/claims/{claimId}/assessment` with the assessment as JSON. It answers
 * with the same `{ ok, message, data }` or `{ ok: false, code, message, fieldErrors, details }` a Server Action
 * returns, and the matching status (409 with the other reviewer's values for a stale save).
 *
 * A route handler rather than a Server Action because it is the hottest write in the app: `npm start` answers
 * this path itself, before Next.js's routing, and `app/api/claims/[id]/assessment/route.ts` answers it under
 * `next dev` (docs/decisions/0010-the-save-outside-nextjs-and-prisma.md). Both call this one function.
 */
export async function recordAssessmentEndpoint(request: Request, claimId: string): Promise<Response> {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  let result: ActionResult<SavedAssessment>;
  try {
    result = await record(request, claimId, headers);
  } catch (e) {
    result = actionFailure(e);
  }
  const status = result.ok ? 200 : result.code ? STATUS[result.code] : 500;
  return Response.json(result, { status, headers });
}

async function record(
  request: Request,
  claimId: string,
  responseHeaders: Headers,
): Promise<ActionResult<SavedAssessment>> {
  assertSameOrigin(request);
  // A session extended on the way carries its new cookie back with the reply.
  const user = requireAllowed(await sessionUserOf(request.headers, responseHeaders), 'assessment.record');
  const parsed = Input.safeParse(await readJson(request));
  if (!parsed.success) return validationFailure(parsed.error.issues);
  const data = parsed.data;
  const { reviewMode, consensus, ...saved } = await recordAssessment({
    claimId,
    reviewerId: user.id,
    verdict: data.verdict,
    evidenceLevel: data.evidenceLevel,
    certainty: data.certainty,
    downgradeReasons: data.downgradeReasons,
    rationale: data.rationale,
    expectedVersion: data.version,
  });
  const visible = canSeeOthers({ reviewMode, role: user.role, myVerdict: saved.verdict });
  return {
    ok: true,
    message: 'Saved.',
    data: {
      ...saved,
      consensus: visible ? consensus : { state: 'UNREVIEWED', verdict: null, evidenceLevel: null },
    },
  };
}

async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    throw new AppError('VALIDATION', 'Send the assessment as JSON (Content-Type: application/json).');
  }
  // Node's ReadableStream is async-iterable; the DOM typings do not say so.
  const body = request.body as AsyncIterable<Uint8Array> | null;
  const { bytes, over } = await readBodyWithin(body, ASSESSMENT_MAX_BYTES);
  if (over) {
    const limit = `${ASSESSMENT_MAX_BYTES / 1024} KB`;
    throw new AppError('VALIDATION', `A save can be at most ${limit}. Shorten the rationale and save again.`);
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', 'The assessment is not valid JSON.');
  }
}
