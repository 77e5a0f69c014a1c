import { notFound } from '@/lib/errors';
import type { ProjectAccess } from '@/lib/projects/project-access';

/**
 * The project a members action changes: the one the guard checked, and it must be the one the input names. The
 * guard resolves a document before a project, so an input that named a document of a project the caller leads
 * beside another project's id would otherwise reach that other project.
 */
export function managedProject(projectId: string, access: ProjectAccess | null): string {
  if (!access || access.projectId !== projectId.toLowerCase()) throw notFound('The project');
  return access.projectId;
}

export const membersPath = (projectId: string) => `/projects/${projectId}/members`;
