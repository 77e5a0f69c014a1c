'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { mergeWithNext } from '@/lib/claim-edits/merge-claims';
import type { ActionResult } from '@/lib/http/action-result';
import { guardedAction } from '@/lib/http/guarded-action';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  version: z.number({ error: 'Reload the page: the form is missing its version.' }).int().min(1),
  confirmed: z.boolean().optional(),
});

export async function mergeClaimAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const saved = await mergeWithNext({
      claimId: data.claimId,
      expectedVersion: data.version,
      actorId: user.id,
      confirmed: data.confirmed,
    });
    revalidatePath(`/documents/${data.documentId}`);
    revalidatePath('/');
    return { ok: true, message: 'Merged with the next claim.', data: { version: saved.claim.version } };
  });
}
