'use server';

import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { ProjectVersion, type SettingsResult, saveSettings } from './save-settings';

const Input = ProjectVersion.extend({
  blindByDefault: z.boolean({ error: 'Choose whether new documents start blind.' }),
});

export async function setBlindByDefaultAction(input: unknown): Promise<ActionResult<SettingsResult>> {
  return saveSettings(
    Input,
    input,
    (data) => ({ blindByDefault: data.blindByDefault }),
    (saved) =>
      saved.blindByDefault
        ? 'New documents start in blind review. Documents already here keep their mode.'
        : 'New documents start in open review. Documents already here keep their mode.',
  );
}
