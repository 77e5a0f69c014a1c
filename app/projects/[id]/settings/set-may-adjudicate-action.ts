'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { setMayAdjudicate } from '@/lib/projects/set-may-adjudicate';
import { managedProject } from '../managed-project';
import { revalidateProject } from './revalidate-project';

const Input = z.object({
  projectId: z.uuid({ error: 'Unknown project.' }),
  userId: z.uuid({ error: 'Unknown member.' }),
  mayAdjudicate: z.boolean({ error: 'Choose whether they may adjudicate.' }),
});

export async function setMayAdjudicateAction(
  input: unknown,
): Promise<ActionResult<{ mayAdjudicate: boolean }>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    // The project the guard checked, which must be the one named (managed-project.ts says why).
    const projectId = managedProject(data.projectId, access);
    const saved = await setMayAdjudicate({ ...data, projectId, actorId: user.id });
    revalidateProject(projectId);
    const message = saved.mayAdjudicate
      ? `${saved.name} may adjudicate.`
      : `${saved.name} no longer adjudicates.`;
    return { ok: true, message, data: { mayAdjudicate: saved.mayAdjudicate } };
  });
}
