'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { MemberRole } from '@/lib/invitations/invite-project-member';
import { changeProjectMemberRole } from '@/lib/projects/change-project-member-role';
import { PROJECT_ROLE_LABEL, type ProjectRole } from '@/lib/projects/project-access';
import { managedProject, membersPath } from '../managed-project';

const Input = z.object({
  projectId: z.string(),
  userId: z.uuid({ error: 'Unknown member.' }),
  role: MemberRole,
});

export async function changeMemberRoleAction(input: unknown): Promise<ActionResult<{ role: ProjectRole }>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    const projectId = managedProject(data.projectId, access);
    const saved = await changeProjectMemberRole({
      projectId,
      userId: data.userId,
      role: data.role,
      actorId: user.id,
    });
    revalidatePath(membersPath(projectId));
    const role = PROJECT_ROLE_LABEL[saved.role].toLowerCase();
    const message = saved.changed
      ? `${saved.name} is now a ${role}.`
      : `No change: ${saved.name} is already a ${role}.`;
    return { ok: true, message, data: { role: saved.role } };
  });
}
