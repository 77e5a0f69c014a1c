import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { lockProjectLeads, notAMember, refuseLastLead } from './lock-project-leads';
import type { ProjectRole } from './project-access';

/**
 * Gives a member another project role; the role they already have changes nothing and is not an error. Unlike
 * adding, it never makes a member of someone a lead removed a moment ago.
 */
export async function changeProjectMemberRole(options: {
  projectId: string;
  userId: string;
  role: ProjectRole;
  actorId: string;
}) {
  const projectId = requireId(options.projectId, 'The project');
  const userId = requireId(options.userId, 'The member');
  return transaction(async (tx) => {
    const locked = await lockProjectLeads(tx, projectId, userId);
    const { member } = locked;
    if (!member) throw notAMember();
    if (member.role === options.role) return { name: member.name, role: member.role, changed: false };
    if (options.role !== 'LEAD') refuseLastLead(locked, 'they must stay a lead');
    await tx.projectMember.update({
      where: { projectId_userId: { projectId, userId } },
      data: { role: options.role },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'project.member-role-changed',
      entityType: 'Project',
      entityId: projectId,
      before: { userId, role: member.role },
      after: { userId, role: options.role },
    });
    return { name: member.name, role: options.role, changed: true };
  });
}
