'use server';

import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { NewProject } from '@/lib/projects/create-project';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { managedProject } from '../managed-project';
import { revalidateProject } from './revalidate-project';
import { ProjectVersion, type SettingsResult, settingsResult } from './settings-input';

const Input = ProjectVersion.extend(NewProject.shape);

export async function updateProjectDetailsAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    // The project the guard checked, which must be the one named (managed-project.ts says why).
    const projectId = managedProject(data.projectId, access);
    const saved = await updateProjectSettings({
      projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: { name: data.name, description: data.description },
    });
    revalidateProject(projectId);
    return { ok: true, message: 'Name and description saved.', data: settingsResult(saved) };
  });
}
