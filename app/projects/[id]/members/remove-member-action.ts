'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { removeProjectMember } from '@/lib/projects/remove-project-member';
import { managedProject, membersPath } from '../managed-project';

const Input = z.object({ projectId: z.string(), userId: z.uuid({ error: 'Unknown member.' }) });

export async function removeMemberAction(input: unknown): Promise<ActionResult> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    const projectId = managedProject(data.projectId, access);
    const removed = await removeProjectMember({ projectId, userId: data.userId, actorId: user.id });
    revalidatePath(membersPath(projectId));
    return {
      ok: true,
      message: `${removed.name} is no longer a member, and cannot open this project's documents any more.`,
      data: undefined,
    };
  });
}
