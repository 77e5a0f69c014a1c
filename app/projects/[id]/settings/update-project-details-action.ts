'use server';

import type { ActionResult } from '@/lib/errors';
import { NewProject } from '@/lib/projects/create-project';
import { ProjectVersion, type SettingsResult, saveSettings } from './save-settings';

const Input = ProjectVersion.extend(NewProject.shape);

export async function updateProjectDetailsAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return saveSettings(
    Input,
    input,
    (data) => ({ name: data.name, description: data.description }),
    () => 'Name and description saved.',
  );
}
