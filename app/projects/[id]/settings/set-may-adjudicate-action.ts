'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { setMayAdjudicate } from '@/lib/projects/set-may-adjudicate';
import { revalidateProject } from './revalidate-project';

const Input = z.object({
  projectId: z.uuid({ error: 'Unknown project.' }),
  userId: z.uuid({ error: 'Unknown member.' }),
  mayAdjudicate: z.boolean({ error: 'Choose whether they may adjudicate.' }),
});

export async function setMayAdjudicateAction(
  input: unknown,
): Promise<ActionResult<{ mayAdjudicate: boolean }>> {
  return guardedAction('project.manage', Input, input, async (user, data) => {
    const saved = await setMayAdjudicate({ ...data, actorId: user.id });
    revalidateProject(data.projectId);
    const message = saved.mayAdjudicate
      ? `${saved.name} may adjudicate.`
      : `${saved.name} no longer adjudicates.`;
    return { ok: true, message, data: { mayAdjudicate: saved.mayAdjudicate } };
  });
}
