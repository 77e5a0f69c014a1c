'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { guardedAction } from '@/lib/http/guarded-action';
import { updateProjectSettings } from '@/lib/projects/update-project-settings';
import { managedProject } from '../managed-project';
import { revalidateProject } from './revalidate-project';
import { ProjectVersion, type SettingsResult, settingsResult } from './settings-input';

const MESSAGE = 'Choose 1, 2 or 3 reviewers per claim.';
const Input = ProjectVersion.extend({
  reviewersRequired: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: MESSAGE }),
});

export async function setReviewersRequiredAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return guardedAction('project.manage', Input, input, async (user, data, access) => {
    // The project the guard checked, which must be the one named (managed-project.ts says why).
    const projectId = managedProject(data.projectId, access);
    const saved = await updateProjectSettings({
      projectId,
      actorId: user.id,
      expectedVersion: data.expectedVersion,
      changes: { reviewersRequired: data.reviewersRequired },
    });
    revalidateProject(projectId);
    const rule = saved.reviewersRequired === 1 ? 'One reviewer' : `${saved.reviewersRequired} reviewers`;
    const claims = saved.recomputed === 1 ? '1 claim changed' : `${saved.recomputed} claims changed`;
    return {
      ok: true,
      message: `${rule} per claim from now on; ${claims} status.`,
      data: settingsResult(saved),
    };
  });
}
