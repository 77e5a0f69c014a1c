import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import type { ProjectRole } from './project-access';

/**
 * Adds a user to a project with a project role, or gives a member a new one. Access follows at once: it is
 * checked on every request (lib/projects/project-access.ts), never cached in the session.
 */
export async function addProjectMember(options: {
  projectId: string;
  userId: string;
  role: ProjectRole;
  actorId: string | null;
  tx?: Tx;
}): Promise<{ userId: string; role: ProjectRole }> {
  const projectId = requireId(options.projectId, 'The project');
  const userId = requireId(options.userId, 'The user');
  const run = async (tx: Tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { deactivatedAt: true, email: true },
    });
    if (!user) throw notFound('The user');
    if (user.deactivatedAt) {
      throw new AppError('VALIDATION', `${user.email} is deactivated. Reactivate the account first.`);
    }
    const before = await tx.projectMember.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true },
    });
    await tx.projectMember.upsert({
      where: { projectId_userId: { projectId, userId } },
      create: { projectId, userId, role: options.role },
      update: { role: options.role },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: before ? 'project.member-role-changed' : 'project.member-added',
      entityType: 'Project',
      entityId: projectId,
      before: before ? { userId, role: before.role } : null,
      after: { userId, role: options.role },
    });
    return { userId, role: options.role };
  };
  return options.tx ? run(options.tx) : transaction(run);
}
