'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { revalidateProject } from './revalidate-project';
import { ProjectVersion, type SettingsResult, settingsResult } from './settings-input';

const Input = ProjectVersion.extend({
  blindByDefault: z.boolean({ error: 'Choose whether new documents start blind.' }),
});

export async function setBlindByDefaultAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', Input, input, async (user, data) => {
    const saved = await updateProjectSettings({
      projectId: data.projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: { blindByDefault: data.blindByDefault },
    });
    revalidateProject(data.projectId);
    const message = saved.blindByDefault
      ? 'New documents start in blind review. Documents already here keep their mode.'
      : 'New documents start in open review. Documents already here keep their mode.';
    return { ok: true, message, data: settingsResult(saved) };
  });
}
