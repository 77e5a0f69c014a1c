'use server';

import { z } from 'zod';
import { attachOrphanClaim } from '@/lib/claim-edits/attach-orphan-claim';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Offset = z.number({ error: 'Select some of the document text first.' }).int().min(0);
const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  start: Offset,
  end: Offset,
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(1),
});

export async function attachOrphanClaimAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const attached = await attachOrphanClaim({
      documentId: data.documentId,
      claimId: data.claimId,
      start: data.start,
      end: data.end,
      expectedVersion: data.version,
      actorId: user.id,
    });
    revalidateDocument(data.documentId);
    return {
      ok: true,
      message: `Claim #${attached.number} attached: its text changed since assessed.${replacedWords(attached.replaced)}`,
      data: { id: attached.id },
    };
  });
}

/** The new, unreviewed claims the orphan took the place of, said, since they leave the list. */
function replacedWords(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  const list = numbers.map((n) => `#${n}`).join(', ');
  return numbers.length === 1
    ? ` It takes the place of new claim ${list}.`
    : ` It takes the place of new claims ${list}.`;
}
