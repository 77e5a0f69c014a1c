import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ProjectRole } from './project-access';
import { lockMember, refuseLastLead, updateMember } from './project-member-changes';

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
    const locked = await lockMember(tx, projectId, userId);
    const { member } = locked;
    if (member.role === options.role) return { name: member.name, role: member.role, changed: false };
    if (options.role !== 'LEAD') refuseLastLead(locked, 'they must stay a lead');
    const change = { projectId, userId, actorId: options.actorId, action: 'project.member-role-changed' };
    await updateMember(tx, change, 'role', member.role, options.role);
    return { name: member.name, role: options.role, changed: true };
  });
}
