'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { MemberEmail, MemberRole } from '@/lib/invitations/invite-project-member';
import { addProjectMember } from '@/lib/projects/add-project-member';
import { PROJECT_ROLE_LABEL } from '@/lib/projects/project-access';
import { managedProject, membersPath } from '../managed-project';

const Input = z.object({ projectId: z.string(), email: MemberEmail, role: MemberRole });

export async function addMemberAction(input: unknown): Promise<ActionResult> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    const projectId = managedProject(data.projectId, access);
    const saved = await addProjectMember({ projectId, email: data.email, role: data.role, actorId: user.id });
    revalidatePath(membersPath(projectId));
    const role = PROJECT_ROLE_LABEL[saved.role].toLowerCase();
    const message =
      saved.before === null
        ? `${saved.name} is now a member, as ${role}.`
        : saved.before === saved.role
          ? `No change: ${saved.name} is already a member, as ${role}.`
          : `${saved.name} was a member already, and is now a ${role}.`;
    return { ok: true, message, data: undefined };
  });
}
