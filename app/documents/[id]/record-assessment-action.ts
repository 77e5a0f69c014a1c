'use server';

import { z } from 'zod';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { EVIDENCE_LEVELS, type EvidenceLevel, VERDICTS, type Verdict } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/http/action-result';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  verdict: z.enum(VERDICTS, { error: 'Choose supported, speculative or unsupported.' }).nullable(),
  evidenceLevel: z.enum(EVIDENCE_LEVELS, { error: 'Choose a CEBM level from 1 to 5, or none.' }).nullable(),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(0),
});

type Saved = { verdict: Verdict | null; evidenceLevel: EvidenceLevel | null; version: number };

export async function recordAssessmentAction(input: unknown): Promise<ActionResult<Saved>> {
  return guardedAction('assessment.record', Input, input, async (user, data) => {
    const saved = await recordAssessment({
      claimId: data.claimId,
      reviewerId: user.id,
      verdict: data.verdict,
      evidenceLevel: data.evidenceLevel,
      expectedVersion: data.version,
    });
    revalidateDocument(data.documentId);
    return {
      ok: true,
      message: 'Saved.',
      data: { verdict: saved.verdict, evidenceLevel: saved.evidenceLevel, version: saved.version },
    };
  });
}
