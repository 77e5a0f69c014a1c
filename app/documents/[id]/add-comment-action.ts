'use server';

import { z } from 'zod';
import { addComment } from '@/lib/comments/add-comment';
import { multiLineText } from '@/lib/domain/input-schemas';
import { COMMENT_MAX_LENGTH } from '@/lib/domain/vocabulary';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import type { PanelComment } from '@/lib/workspace/claim-panel-types';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  claimId: z.uuid({ error: 'Unknown claim.' }),
  body: multiLineText({ error: 'Write a comment first.' })
    .trim()
    .min(1, 'Write a comment first.')
    .max(
      COMMENT_MAX_LENGTH,
      `A comment can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en')} characters.`,
    ),
  parentId: z.uuid({ error: 'The comment you replied to was not found.' }).nullish(),
});

export async function addCommentAction(input: unknown): Promise<ActionResult<PanelComment>> {
  return guardedAction('comment.add', Input, input, async (user, data) => {
    const comment = await addComment({
      claimId: data.claimId,
      authorId: user.id,
      body: data.body,
      parentId: data.parentId,
    });
    // No revalidation: the workspace updates from `data`; revalidatePath would re-render it into this reply.
    return { ok: true, message: data.parentId ? 'Reply added.' : 'Comment added.', data: comment };
  });
}
