import { z } from 'zod';
import type { SavedProjectSettings } from '@/lib/projects/update-project-settings';

// The fields every settings action reads: which project, and the version of its settings the lead saw.
export const ProjectVersion = z.object({
  projectId: z.uuid({ error: 'Unknown project.' }),
  expectedVersion: z.number({ error: 'Reload the page and try again.' }).int().min(1),
});

/** What a settings action answers: the settings as saved, with their new version for the next change. */
export type SettingsResult = Omit<SavedProjectSettings, 'recomputed'>;

export function settingsResult(saved: SavedProjectSettings): SettingsResult {
  const { recomputed: _, ...settings } = saved;
  return settings;
}
