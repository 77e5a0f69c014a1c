'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { managedProject } from '../managed-project';
import { revalidateProject } from './revalidate-project';
import { ProjectVersion, type SettingsResult, settingsResult } from './settings-input';

const Input = ProjectVersion.extend({
  blindByDefault: z.boolean({ error: 'Choose whether new documents start blind.' }),
});

export async function setBlindByDefaultAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    // The project the guard checked, which must be the one named (managed-project.ts says why).
    const projectId = managedProject(data.projectId, access);
    const saved = await updateProjectSettings({
      projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: { blindByDefault: data.blindByDefault },
    });
    revalidateProject(projectId);
    const message = saved.blindByDefault
      ? 'New documents start in blind review. Documents already here keep their mode.'
      : 'New documents start in open review. Documents already here keep their mode.';
    return { ok: true, message, data: settingsResult(saved) };
  });
}
