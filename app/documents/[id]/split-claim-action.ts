'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { splitClaim } from '@/lib/claim-edits/split-claim';
import type { ActionResult } from '@/lib/http/action-result';
import { guardedAction } from '@/lib/http/guarded-action';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  at: z.number({ error: 'Place the cursor in the quote where to split it.' }).int().min(1),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(1),
  confirmed: z.boolean().optional(),
});

export async function splitClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const saved = await splitClaim({
      claimId: data.claimId,
      at: data.at,
      expectedVersion: data.version,
      actorId: user.id,
      confirmed: data.confirmed,
    });
    revalidatePath(`/documents/${data.documentId}`);
    revalidatePath('/');
    return { ok: true, message: 'Claim split in two.', data: { version: saved.first.version } };
  });
}
