import type { z } from 'zod';
import type { Role } from '@/lib/auth/permissions';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { addProjectMember } from '@/lib/projects/add-project-member';
import type { ProjectRole } from '@/lib/projects/project-access';
import { createUser, NewUser } from '@/lib/users/create-user';
import { markAccepted } from './accept-project-invitation';
import { lockPendingInvitation } from './pending-invitation';

/** What the invitee types; the address is the invitation's own. */
export const InvitationSignUp = NewUser.pick({ name: true, password: true });

// The instance role only administers the instance. An invitation never makes an instance admin; a project lead
// leads through their project role, with the instance rank of a reviewer.
const INSTANCE_ROLE: Record<ProjectRole, Role> = { LEAD: 'REVIEWER', REVIEWER: 'REVIEWER', VIEWER: 'VIEWER' };

/**
 * Someone without an account signs up through an invitation link: the account, the membership and the used-up
 * invitation commit together, or none of them does.
 */
export async function signUpThroughInvitation(options: z.input<typeof InvitationSignUp> & { token: string }) {
  return transaction(async (tx) => {
    const invitation = await lockPendingInvitation(tx, options.token);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      throw new AppError(
        'CONFLICT',
        `There is already an account with ${invitation.email}. Sign in with it, then accept the invitation.`,
      );
    }
    const user = await createUser({
      name: options.name,
      password: options.password,
      email: invitation.email,
      role: INSTANCE_ROLE[invitation.role],
      actorId: null,
      tx,
    });
    await addProjectMember({
      projectId: invitation.projectId,
      userId: user.id,
      role: invitation.role,
      actorId: user.id,
      tx,
    });
    await markAccepted(tx, invitation, user.id);
    return { userId: user.id, email: user.email, projectId: invitation.projectId };
  });
}
