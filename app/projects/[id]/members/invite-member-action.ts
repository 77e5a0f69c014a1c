'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { appUrlFrom } from '@/lib/http/app-url';
import { guardedAction } from '@/lib/http/guarded-action';
import { invitationLink } from '@/lib/invitations/invitation-token';
import { inviteProjectMember, MemberEmail, MemberRole } from '@/lib/invitations/invite-project-member';
import { sendInvitationEmail } from '@/lib/invitations/send-invitation-email';
import { managedProject, membersPath } from '../managed-project';

const Input = z.object({ projectId: z.string(), email: MemberEmail, role: MemberRole });

export type InvitationMade = { email: string; link: string };

export async function inviteMemberAction(input: unknown): Promise<ActionResult<InvitationMade>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    const projectId = managedProject(data.projectId, access);
    const invitation = await inviteProjectMember({
      projectId,
      email: data.email,
      role: data.role,
      actorId: user.id,
    });
    const link = invitationLink(appUrlFrom(await headers()), invitation.token);
    revalidatePath(membersPath(projectId));
    // After the commit: the invitation stands whatever the mail server does.
    const mail = await sendInvitationEmail({
      to: invitation.email,
      link,
      projectName: invitation.projectName,
      inviterName: user.name,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    });
    const message = {
      sent: `Invitation sent to ${invitation.email}. You can also copy the link below and send it yourself.`,
      'not-configured': `Invitation made for ${invitation.email}. Copy the link below and send it to them: it is shown only now.`,
      failed: `The invitation was made but the email could not be sent; copy the link instead. It is shown only now.`,
    }[mail];
    return { ok: true, message, data: { email: invitation.email, link } };
  });
}
