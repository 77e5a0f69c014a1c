'use server';

import { z } from 'zod';
import { removeAssignment } from '@/lib/assignments/remove-assignment';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revalidateDocument } from './revalidate-document';

const Input = z.object({
  documentId: z.uuid({ error: 'Unknown document.' }),
  assignmentId: z.uuid({ error: 'Unknown assignment.' }),
});

export async function removeAssignmentAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('project.manage', Input, input, async (user, data) => {
    const removed = await removeAssignment({ ...data, actorId: user.id });
    revalidateDocument(data.documentId);
    return { ok: true, message: 'Assignment removed.', data: removed };
  });
}
