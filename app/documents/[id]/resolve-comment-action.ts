'use server';

import { z } from 'zod';
import { resolveComment } from '@/lib/comments/resolve-comment';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import type { PanelComment } from '@/lib/workspace/claim-panel-types';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  commentId: z.uuid({ error: 'Unknown comment.' }),
  resolved: z.boolean({ error: 'Say whether to resolve or reopen the thread.' }),
  version: z.number({ error: 'Reload the page: the comment is missing its version.' }).int().min(1),
});

export async function resolveCommentAction(input: unknown): Promise<ActionResult<PanelComment>> {
  return guardedAction('comment.add', Input, input, async (user, data) => {
    const comment = await resolveComment({
      commentId: data.commentId,
      userId: user.id,
      resolved: data.resolved,
      expectedVersion: data.version,
    });
    // No revalidation: the workspace updates from `data`; revalidatePath would re-render it into this reply.
    return { ok: true, message: data.resolved ? 'Thread resolved.' : 'Thread reopened.', data: comment };
  });
}
