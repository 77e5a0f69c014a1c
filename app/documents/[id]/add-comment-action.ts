'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addComment } from '@/lib/comments/add-comment';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/http/action-result';
import { guardedAction } from '@/lib/http/guarded-action';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  body: z
    .string({ error: 'Write a comment first.' })
    .trim()
    .min(1, 'Write a comment first.')
    .max(
      COMMENT_MAX_LENGTH,
      `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.`,
    ),
});

export async function addCommentAction(input: unknown): Promise<ActionResult> {
  return guardedAction('comment.add', Input, input, async (user, data) => {
    await addComment({ claimId: data.claimId, authorId: user.id, body: data.body });
    revalidatePath(`/documents/${data.documentId}`);
    return { ok: true, message: 'Comment added.', data: undefined };
  });
}
