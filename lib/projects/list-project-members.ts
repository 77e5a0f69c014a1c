import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ProjectRole } from './project-access';

export type ProjectMemberRow = {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  joinedAt: Date;
  deactivated: boolean;
};

/** A project's members for its members page: leads first, then by name. */
export async function listProjectMembers(projectId: string): Promise<ProjectMemberRow[]> {
  const rows = await prisma.projectMember.findMany({
    where: { projectId: requireId(projectId, 'The project') },
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true } },
    },
  });
  const order: Record<ProjectRole, number> = { LEAD: 0, REVIEWER: 1, VIEWER: 2 };
  return rows
    .map((r) => ({
      userId: r.user.id,
      name: r.user.name,
      email: r.user.email,
      role: r.role,
      joinedAt: r.createdAt,
      deactivated: r.user.deactivatedAt !== null,
    }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
}
