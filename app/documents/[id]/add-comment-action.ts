'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/current-user';
import { addComment } from '@/lib/comments/add-comment';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import { type ActionResult, actionFailure, fieldErrorsOf } from '@/lib/http/action-result';

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
  const parsed = Input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: 'The comment was not saved.',
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  try {
    const user = await getCurrentUser();
    await addComment({ claimId: parsed.data.claimId, authorId: user.id, body: parsed.data.body });
    revalidatePath(`/documents/${parsed.data.documentId}`);
    return { ok: true, message: 'Comment added.', data: undefined };
  } catch (e) {
    return actionFailure(e);
  }
}
