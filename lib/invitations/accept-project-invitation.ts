import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { addProjectMember } from '@/lib/projects/add-project-member';
import { type InvitationRow, lockPendingInvitation } from './pending-invitation';

/**
 * A signed-in user accepts an invitation made out to their own address: they become a member with the invited
 * role, and the link is used up. Someone who is a member already keeps the role they have.
 */
export async function acceptProjectInvitation(options: {
  token: string;
  user: { id: string; email: string };
}) {
  return transaction(async (tx) => {
    const invitation = await lockPendingInvitation(tx, options.token);
    if (invitation.email !== options.user.email.toLowerCase()) {
      throw new AppError(
        'FORBIDDEN',
        `This invitation is for ${invitation.email}, and you are signed in as ${options.user.email}. Sign out, then open the link again.`,
      );
    }
    const member = await tx.projectMember.findUnique({
      where: { projectId_userId: { projectId: invitation.projectId, userId: options.user.id } },
      select: { role: true },
    });
    if (!member) {
      await addProjectMember({
        projectId: invitation.projectId,
        userId: options.user.id,
        role: invitation.role,
        actorId: options.user.id,
        tx,
      });
    }
    await markAccepted(tx, invitation, options.user.id);
    return { projectId: invitation.projectId, projectName: invitation.projectName };
  });
}

/** Uses up the invitation, with its audit event, inside the transaction that made the membership. */
export async function markAccepted(tx: Tx, invitation: InvitationRow, userId: string) {
  await tx.projectInvitation.update({
    where: { id: invitation.id },
    data: { acceptedAt: new Date(), acceptedById: userId },
  });
  await writeAuditEvent(tx, {
    actorId: userId,
    action: 'project.invitation-accepted',
    entityType: 'Project',
    entityId: invitation.projectId,
    after: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
  });
}
