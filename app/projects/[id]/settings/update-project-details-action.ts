'use server';

import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { NewProject } from '@/lib/projects/create-project';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { revalidateProject } from './revalidate-project';
import { ProjectVersion, type SettingsResult, settingsResult } from './settings-input';

const Input = ProjectVersion.extend(NewProject.shape);

export async function updateProjectDetailsAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', Input, input, async (user, data) => {
    const saved = await updateProjectSettings({
      projectId: data.projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: { name: data.name, description: data.description },
    });
    revalidateProject(data.projectId);
    return { ok: true, message: 'Name and description saved.', data: settingsResult(saved) };
  });
}
