'use server';

import { z } from 'zod';
import { assignReview } from '@/lib/assignments/assign-review';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const ClaimNumber = z
  .int({ error: 'A claim number is a whole number, such as 12.' })
  .min(1, { error: 'Claim numbers start at #1.' })
  .nullable();

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  reviewerId: z.string({ error: 'Choose a reviewer.' }).min(1, { error: 'Choose a reviewer.' }),
  fromNumber: ClaimNumber,
  toNumber: ClaimNumber,
});

export async function assignReviewAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('project.manage', Input, input, async (user, data) => {
    const assigned = await assignReview({ ...data, actorId: user.id });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Assigned.', data: { id: assigned.id } };
  });
}
