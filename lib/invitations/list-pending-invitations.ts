import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import type { ProjectRole } from '@/lib/projects/project-access';

export type PendingInvitation = { id: string; email: string; role: ProjectRole; expiresAt: Date };

/** A project's invitations that can still be accepted, newest first. The links themselves are never stored. */
export async function listPendingInvitations(projectId: string): Promise<PendingInvitation[]> {
  return prisma.projectInvitation.findMany({
    where: {
      projectId: requireId(projectId, 'The project'),
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true, email: true, role: true, expiresAt: true },
    orderBy: { createdAt: 'desc' },
  });
}
