'use server';

import { z } from 'zod';
import { removeCitation } from '@/lib/citations/remove-citation';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  citationId: z.uuid({ error: 'Unknown citation.' }),
});

export async function removeCitationAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('citation.add', Input, input, async (user, data) => {
    const removed = await removeCitation({ citationId: data.citationId, userId: user.id });
    // No revalidation: the workspace updates from `data`; revalidatePath would re-render it into this reply.
    return { ok: true, message: 'Citation removed.', data: { id: removed.id } };
  });
}
