import { z } from 'zod';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { requireProjectUser, requireUser } from '@/lib/auth/guard';
import { rememberWrite } from '@/lib/db/replica-reads';
import { multiLineText } from '@/lib/domain/input-schemas';
import {
  CERTAINTIES,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import { type ActionResult, actionFailure, STATUS, validationFailure } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/assert-same-origin';
import { readJson } from '@/lib/http/read-json';

export const dynamic = 'force-dynamic';

/** A save is a few short fields and a rationale of at most 5,000 characters (4 bytes each at worst). */
const MAX_BYTES = 32 * 1024;

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
  rationale: multiLineText({ error: 'Write the rationale as text.' })
    .trim()
    .max(RATIONALE_MAX_LENGTH, {
      error: `A rationale can be at most ${RATIONALE_MAX_LENGTH.toLocaleString('en')} characters. Shorten it and save again.`,
    })
    .nullable()
    .default(null),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(0),
});

/**
 * Saving the signed-in reviewer's assessment of one claim, as JSON. It answers with the same
 * `{ ok, message, data }` or failure a Server Action returns, with the matching status (409 for a stale save,
 * with the assessment as the same reviewer saved it meanwhile, from another tab or device). A route handler rather than a Server Action: it is the write a reviewer
 * makes hundreds of times a day, and a plain JSON call costs Next.js less than an action's round trip.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let result: ActionResult<Awaited<ReturnType<typeof recordAssessment>>>;
  try {
    assertSameOrigin(request);
    const signedIn = await requireUser(null, request);
    // The body is read (at most MAX_BYTES) before anything else can refuse the save, so that no answer leaves
    // unread bytes on the connection for the next request to wait behind.
    const tooLarge = `A save can be at most ${MAX_BYTES / 1024} KB. Shorten the rationale and save again.`;
    const body = await readJson(request, { maxBytes: MAX_BYTES, tooLarge });
    const claimId = (await params).id;
    const { user } = await requireProjectUser('assessment.record', { claimId }, { request, user: signedIn });
    const parsed = Input.safeParse(body);
    if (parsed.success) {
      const { version, ...values } = parsed.data;
      const saved = await recordAssessment({
        ...values,
        claimId,
        reviewer: { id: user.id, role: user.role },
        expectedVersion: version,
      });
      await rememberWrite(user.id);
      result = { ok: true, message: 'Saved.', data: saved };
    } else {
      result = validationFailure(parsed.error.issues);
    }
  } catch (e) {
    result = actionFailure(e);
  }
  const status = result.ok ? 200 : result.code ? STATUS[result.code] : 500;
  return Response.json(result, { status, headers: { 'Cache-Control': 'no-store' } });
}
