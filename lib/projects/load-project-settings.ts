import { prisma } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';
import type { ProjectRole } from './project-access';
import type { ProjectSettings } from './update-project-settings';

export type ProjectSettingsPage = {
  project: ProjectSettings & { id: string; version: number; claims: number };
  /** Every member, leads first, with whether they may adjudicate (a lead always may). */
  members: Array<{ userId: string; name: string; email: string; role: ProjectRole; mayAdjudicate: boolean }>;
};

const ROLE_ORDER: Record<ProjectRole, number> = { LEAD: 0, REVIEWER: 1, VIEWER: 2 };

/** What the project settings page shows: the settings with their version, and the members who may adjudicate. */
export async function loadProjectSettings(options: { projectId: string }): Promise<ProjectSettingsPage> {
  const projectId = requireId(options.projectId, 'The project');
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      name: true,
      description: true,
      reviewersRequired: true,
      blindByDefault: true,
      version: true,
      members: {
        select: {
          userId: true,
          role: true,
          mayAdjudicate: true,
          user: { select: { name: true, email: true } },
        },
      },
    },
  });
  if (!project) throw notFound('The project');
  // How many live claims a change of the rule re-derives, so the lead knows before changing it.
  const claims = await prisma.claim.count({
    where: { deletedAt: null, document: { projectId, deletedAt: null } },
  });
  const { members, ...settings } = project;
  return {
    project: { ...settings, claims },
    members: members
      .map((m) => ({
        userId: m.userId,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        mayAdjudicate: m.role === 'LEAD' || m.mayAdjudicate,
      }))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name)),
  };
}
