import { notFound } from '@/lib/errors';
import type { ProjectAccess } from '@/lib/projects/project-access';

/**
 * The project a members action changes: the one the guard checked (which refuses a project id that is not the
 * project of the other ids named), so the action never acts on an id it did not check.
 */
export function managedProject(projectId: string, access: ProjectAccess | null): string {
  if (!access || access.projectId !== projectId.toLowerCase()) throw notFound('The project');
  return access.projectId;
}

export const membersPath = (projectId: string) => `/projects/${projectId}/members`;
