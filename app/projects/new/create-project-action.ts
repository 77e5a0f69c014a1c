'use server';

import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { createProject, NewProject } from '@/lib/projects/create-project';

export async function createProjectAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return guardedAction('project.create', NewProject, input, async (user, data) => {
    const project = await createProject({ ...data, actorId: user.id });
    revalidatePath('/');
    return {
      ok: true,
      message: `"${project.name}" is made, with you as its lead. Add its members next.`,
      data: { id: project.id },
    };
  });
}
