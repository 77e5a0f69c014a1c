'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { getCurrentUser } from '@/lib/auth/current-user';
import { EVIDENCE_LEVELS, type EvidenceLevel, VERDICTS, type Verdict } from '@/lib/domain/vocabulary';
import { type ActionResult, actionFailure, fieldErrorsOf } from '@/lib/http/action-result';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  verdict: z.enum(VERDICTS, { error: 'Choose supported, speculative or unsupported.' }).nullable(),
  evidenceLevel: z.enum(EVIDENCE_LEVELS, { error: 'Choose a CEBM level from 1 to 5, or none.' }).nullable(),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(0),
});

type Saved = { verdict: Verdict | null; evidenceLevel: EvidenceLevel | null; version: number };

export async function recordAssessmentAction(input: unknown): Promise<ActionResult<Saved>> {
  const parsed = Input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'Nothing was saved: check the fields marked below.',
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  try {
    const user = await getCurrentUser();
    const { documentId, claimId, verdict, evidenceLevel, version } = parsed.data;
    const saved = await recordAssessment({
      claimId,
      reviewerId: user.id,
      verdict,
      evidenceLevel,
      expectedVersion: version,
    });
    revalidatePath(`/documents/${documentId}`);
    revalidatePath('/');
    return {
      ok: true,
      message: 'Saved.',
      data: { verdict: saved.verdict, evidenceLevel: saved.evidenceLevel, version: saved.version },
    };
  } catch (e) {
    return actionFailure(e);
  }
}
