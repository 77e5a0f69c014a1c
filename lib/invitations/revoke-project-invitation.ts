import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';

/** Revokes a pending invitation: its link then only says so. */
export async function revokeProjectInvitation(options: {
  projectId: string;
  invitationId: string;
  actorId: string;
}) {
  const projectId = requireId(options.projectId, 'The project');
  const id = requireId(options.invitationId, 'The invitation');
  return transaction(async (tx) => {
    const [invitation] = await tx.$queryRaw<
      Array<{ email: string; acceptedAt: Date | null; revokedAt: Date | null }>
    >`SELECT email, "acceptedAt", "revokedAt" FROM "ProjectInvitation"
      WHERE id = ${id}::uuid AND "projectId" = ${projectId}::uuid FOR UPDATE`;
    if (!invitation) throw notFound('The invitation');
    if (invitation.acceptedAt) {
      throw new AppError(
        'CONFLICT',
        `${invitation.email} has already accepted. Remove them from the members instead.`,
      );
    }
    if (invitation.revokedAt) return { email: invitation.email, changed: false };
    await tx.projectInvitation.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'project.invitation-revoked',
      entityType: 'Project',
      entityId: projectId,
      after: { invitationId: id, email: invitation.email },
    });
    return { email: invitation.email, changed: true };
  });
}
