import { z } from 'zod';
import { writeAuditEvent } from '@/lib/audit/audit-event';
import { type Tx, transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import type { ProjectRole } from './project-access';
import { lockProjectLeads, refuseLastLead } from './project-member-changes';

const Email = z.string().trim().toLowerCase();

/**
 * Adds a user, named by id or by their email address, to a project with a project role, or gives a member a new
 * one. Access follows at once: it is checked on every request (lib/projects/project-access.ts), never cached in
 * the session. The project's last lead keeps the role.
 */
export async function addProjectMember(
  options: ({ userId: string } | { email: string }) & {
    projectId: string;
    role: ProjectRole;
    actorId: string | null;
    tx?: Tx;
  },
): Promise<{ userId: string; name: string; role: ProjectRole; before: ProjectRole | null }> {
  const projectId = requireId(options.projectId, 'The project');
  const run = async (tx: Tx) => {
    const user = await findUser(tx, options);
    if (user.deactivatedAt) {
      throw new AppError(
        'VALIDATION',
        `${user.email} is deactivated. Ask an admin to reactivate the account first.`,
      );
    }
    const locked = await lockProjectLeads(tx, projectId, user.id);
    const before = locked.member?.role ?? null;
    if (before === options.role) return { userId: user.id, name: user.name, role: options.role, before };
    if (options.role !== 'LEAD') refuseLastLead(locked, 'they must stay a lead');
    await tx.projectMember.upsert({
      where: { projectId_userId: { projectId, userId: user.id } },
      create: { projectId, userId: user.id, role: options.role },
      update: { role: options.role },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: before ? 'project.member-role-changed' : 'project.member-added',
      entityType: 'Project',
      entityId: projectId,
      before: before ? { userId: user.id, role: before } : null,
      after: { userId: user.id, role: options.role },
    });
    return { userId: user.id, name: user.name, role: options.role, before };
  };
  return options.tx ? run(options.tx) : transaction(run);
}

async function findUser(tx: Tx, who: { userId: string } | { email: string }) {
  const select = { id: true, name: true, email: true, deactivatedAt: true };
  if ('userId' in who) {
    const user = await tx.user.findUnique({ where: { id: requireId(who.userId, 'The user') }, select });
    if (!user) throw notFound('The user');
    return user;
  }
  const email = Email.parse(who.email);
  const user = await tx.user.findUnique({ where: { email }, select });
  if (!user) {
    const message = `Nobody has an account with ${email}. Invite them instead: they make one through the link.`;
    throw new AppError('NOT_FOUND', message, { email: message });
  }
  return user;
}
