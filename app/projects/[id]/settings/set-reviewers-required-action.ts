'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { ProjectVersion, type SettingsResult, saveSettings } from './save-settings';

const MESSAGE = 'Choose 1, 2 or 3 reviewers per claim.';
const Input = ProjectVersion.extend({
  reviewersRequired: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: MESSAGE }),
});

export async function setReviewersRequiredAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return saveSettings(
    Input,
    input,
    (data) => ({ reviewersRequired: data.reviewersRequired }),
    (saved) => {
      const rule = saved.reviewersRequired === 1 ? 'One reviewer' : `${saved.reviewersRequired} reviewers`;
      const claims = saved.recomputed === 1 ? '1 claim changed' : `${saved.recomputed} claims changed`;
      return `${rule} per claim from now on; ${claims} status.`;
    },
  );
}
