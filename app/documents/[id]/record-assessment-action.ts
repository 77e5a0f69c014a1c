'use server';

import { z } from 'zod';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import type { Consensus } from '@/lib/consensus/compute-consensus';
import {
  type AssessmentValues,
  CERTAINTIES,
  EVIDENCE_LEVELS,
  GRADE_DOMAINS,
  RATIONALE_MAX_LENGTH,
  VERDICTS,
} from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/http/action-result';
import { guardedAction } from '@/lib/http/guarded-action';
import { canSeeOthers } from '@/lib/workspace/can-see-others';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
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

type SavedAssessment = AssessmentValues & { id: string; version: number; consensus: Consensus };

export async function recordAssessmentAction(input: unknown): Promise<ActionResult<SavedAssessment>> {
  return guardedAction('assessment.record', Input, input, async (user, data) => {
    const { reviewMode, consensus, ...saved } = await recordAssessment({
      claimId: data.claimId,
      reviewerId: user.id,
      verdict: data.verdict,
      evidenceLevel: data.evidenceLevel,
      certainty: data.certainty,
      downgradeReasons: data.downgradeReasons,
      rationale: data.rationale,
      expectedVersion: data.version,
    });
    const visible = canSeeOthers({ reviewMode, role: user.role, myVerdict: saved.verdict });
    // No revalidatePath: it would re-render the whole workspace into this response and slow every save.
    return {
      ok: true,
      message: 'Saved.',
      data: {
        ...saved,
        consensus: visible ? consensus : { state: 'UNREVIEWED', verdict: null, evidenceLevel: null },
      },
    };
  });
}
