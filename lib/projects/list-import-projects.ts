import { cache } from 'react';
import { prisma } from '@/lib/db/prisma';

/**
 * The projects a user may import into (those they lead or review), in the order they joined them: the first is
 * where `POST /api/documents` puts an import that names no project. Cached per request: the header and the
 * import page both ask.
 */
export const listImportProjects = cache(
  async (userId: string): Promise<Array<{ id: string; name: string }>> => {
    const members = await prisma.projectMember.findMany({
      where: { userId, role: { in: ['LEAD', 'REVIEWER'] } },
      orderBy: [{ createdAt: 'asc' }, { projectId: 'asc' }],
      select: { project: { select: { id: true, name: true } } },
    });
    return members.map((m) => m.project);
  },
);
