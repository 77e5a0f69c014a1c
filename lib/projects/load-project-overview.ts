import { z } from 'zod';
import { prisma } from '@/lib/db/prisma';
import type { Reader } from './project-access';

export type ProjectOverview = { id: string; name: string; description: string };

/**
 * A project's name and description, for its page and its browser tab; null where the reader is neither a
 * member nor an instance admin, or it does not exist, so a non-member's tab says nothing about it either.
 */
export async function loadProjectOverview(options: {
  projectId: string;
  reader: Reader | null;
}): Promise<ProjectOverview | null> {
  const { projectId, reader } = options;
  if (!reader || !z.uuid().safeParse(projectId).success) return null;
  return prisma.project.findFirst({
    where: {
      id: projectId,
      ...(reader.role === 'ADMIN' ? {} : { members: { some: { userId: reader.id } } }),
    },
    select: { id: true, name: true, description: true },
  });
}
