'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { revokeProjectInvitation } from '@/lib/invitations/revoke-project-invitation';
import { managedProject, membersPath } from '../managed-project';

const Input = z.object({ projectId: z.string(), invitationId: z.uuid({ error: 'Unknown invitation.' }) });

export async function revokeInvitationAction(input: unknown): Promise<ActionResult> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    const projectId = managedProject(data.projectId, access);
    const revoked = await revokeProjectInvitation({
      projectId,
      invitationId: data.invitationId,
      actorId: user.id,
    });
    revalidatePath(membersPath(projectId));
    const message = revoked.changed
      ? `The invitation for ${revoked.email} is revoked: its link no longer works.`
      : `No change: the invitation for ${revoked.email} was already revoked.`;
    return { ok: true, message, data: undefined };
  });
}
