'use server';

import { z } from 'zod';
import { addClaim } from '@/lib/claim-edits/add-claim';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Offset = z.number({ error: 'Select some of the document text first.' }).int().min(0);
const Input = z.object({ documentId: z.uuid({ error: 'Unknown document.' }), start: Offset, end: Offset });

export async function addClaimAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('claim.edit', Input, input, async (user, data) => {
    const saved = await addClaim({
      documentId: data.documentId,
      start: data.start,
      end: data.end,
      actorId: user.id,
    });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Claim added.', data: { id: saved.id } };
  });
}
