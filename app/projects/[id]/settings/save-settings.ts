import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import {
  type ProjectSettings,
  type SavedProjectSettings,
  updateProjectSettings,
} from '@/lib/projects/update-project-settings';
import { managedProject } from '../managed-project';
import { revalidateProject } from './revalidate-project';

// The fields every settings action reads: which project, and the version of its settings the lead saw.
export const ProjectVersion = z.object({
  projectId: z.uuid({ error: 'Unknown project.' }),
  expectedVersion: z.number({ error: 'Reload the page and try again.' }).int().min(1),
});

/** What a settings action answers: the settings as saved, with their new version for the next change. */
export type SettingsResult = Omit<SavedProjectSettings, 'recomputed'>;

/**
 * The body every settings action shares: a lead's change to the project's settings, made against the version
 * they saw, then the project's pages revalidated. Each action says only what it reads, what it changes and what
 * it answers.
 */
export function saveSettings<S extends z.ZodType<z.output<typeof ProjectVersion>>>(
  schema: S,
  input: unknown,
  changesOf: (data: z.output<S>) => Partial<ProjectSettings>,
  messageOf: (saved: SavedProjectSettings) => string,
): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', schema, input, async (user, data, access) => {
    // The project the guard checked, which must be the one named (managed-project.ts says why).
    const projectId = managedProject(data.projectId, access);
    const saved = await updateProjectSettings({
      projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: changesOf(data),
    });
    revalidateProject(projectId);
    const { recomputed: _, ...settings } = saved;
    return { ok: true, message: messageOf(saved), data: settings };
  });
}
