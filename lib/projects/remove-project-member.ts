import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { lockMember, refuseLastLead } from './project-member-changes';

/**
 * Takes a member out of a project. They lose access with their very next request, on the same session, since
 * membership is checked on every one. Their assessments, comments and audit events stay in the review; their
 * assignments go, so that adding them back later does not bring back work the lead has since given to others.
 */
export async function removeProjectMember(options: { projectId: string; userId: string; actorId: string }) {
  const projectId = requireId(options.projectId, 'The project');
  const userId = requireId(options.userId, 'The member');
  return transaction(async (tx) => {
    const locked = await lockMember(tx, projectId, userId);
    refuseLastLead(locked, 'they cannot be removed');
    await tx.projectMember.delete({ where: { projectId_userId: { projectId, userId } } });
    const assignments = await tx.assignment.deleteMany({ where: { projectId, reviewerId: userId } });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'project.member-removed',
      entityType: 'Project',
      entityId: projectId,
      before: { userId, role: locked.member.role, assignments: assignments.count },
    });
    return { name: locked.member.name };
  });
}
