'use server';

import { z } from 'zod';
import { adjudicateClaim } from '@/lib/adjudications/adjudicate-claim';
import { multiLineText } from '@/lib/domain/input-schemas';
import { ADJUDICATION_NOTE_MAX_LENGTH, EVIDENCE_LEVELS, VERDICTS } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import type { PanelAdjudication } from '@/lib/workspace/claim-panel-types';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  verdict: z.enum(VERDICTS, { error: 'Choose supported, speculative or unsupported.' }),
  evidenceLevel: z.enum(EVIDENCE_LEVELS, { error: 'Choose a CEBM level from 1 to 5, or none.' }),
  note: multiLineText({ error: 'Write a note that explains the decision.' })
    .trim()
    .min(1, { error: 'Write a note that explains the decision.' })
    .max(ADJUDICATION_NOTE_MAX_LENGTH, {
      error: `An adjudication note can be at most ${ADJUDICATION_NOTE_MAX_LENGTH.toLocaleString('en')} characters.`,
    }),
});

export async function adjudicateClaimAction(input: unknown): Promise<ActionResult<PanelAdjudication>> {
  return guardedAction('claim.adjudicate', Input, input, async (user, data) => {
    const adjudication = await adjudicateClaim({
      claimId: data.claimId,
      adjudicatorId: user.id,
      verdict: data.verdict,
      evidenceLevel: data.evidenceLevel,
      note: data.note,
    });
    // No revalidation: the workspace updates from `data`; revalidatePath would re-render it into this reply.
    return { ok: true, message: 'Adjudication saved: it is now the consensus.', data: adjudication };
  });
}
