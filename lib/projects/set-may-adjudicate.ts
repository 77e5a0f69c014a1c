import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { updateMember } from './project-member-changes';

/**
 * Names a reviewer of the project as one who may adjudicate its conflicts, or takes that back. Leads always may,
 * so theirs is not a choice; a viewer does not review, so they are made a reviewer first. The access check
 * reads the flag on every request (lib/projects/project-access.ts), so the change holds at once.
 */
export async function setMayAdjudicate(options: {
  projectId: string;
  userId: string;
  mayAdjudicate: boolean;
  actorId: string;
}): Promise<{ name: string; mayAdjudicate: boolean; changed: boolean }> {
  const projectId = requireId(options.projectId, 'The project');
  const userId = requireId(options.userId, 'The member');
  return transaction(async (tx) => {
    const member = await tx.projectMember.findUnique({
      where: { projectId_userId: { projectId, userId } },
      select: { role: true, mayAdjudicate: true, user: { select: { name: true } } },
    });
    if (!member) throw notFound('The member');
    const { name } = member.user;
    if (member.role === 'LEAD') {
      throw new AppError('VALIDATION', `${name} is a lead, and leads always may adjudicate.`);
    }
    if (member.role === 'VIEWER' && options.mayAdjudicate) {
      throw new AppError(
        'VALIDATION',
        `${name} is a viewer. Only reviewers can be named to adjudicate: make them a reviewer first.`,
      );
    }
    if (member.mayAdjudicate === options.mayAdjudicate) {
      return { name, mayAdjudicate: member.mayAdjudicate, changed: false };
    }
    const change = { projectId, userId, actorId: options.actorId, action: 'project.adjudicator-changed' };
    await updateMember(tx, change, 'mayAdjudicate', member.mayAdjudicate, options.mayAdjudicate);
    return { name, mayAdjudicate: options.mayAdjudicate, changed: true };
  });
}
