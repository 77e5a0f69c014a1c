import type { ActionResult } from '@/lib/errors';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/**
 * The Server Actions the workspace calls, handed down from the page so components never import app/. Saving my
 * assessment is not among them: it is a plain request (save-assessment.ts), the app's hottest write.
 */
export type WorkspaceActions = {
  addComment: Action<unknown>;
  resolveComment: Action<unknown>;
  addCitation: Action<unknown>;
  removeCitation: Action<unknown>;
  adjudicate: Action<unknown>;
  addClaim: Action<{ id: string }>;
  /** Pins an orphan (a claim a new version did not find) to new words by hand. */
  attachOrphan: Action<{ id: string }>;
  claimEdits: {
    edit: Action<{ version: number }>;
    split: Action<{ version: number }>;
    merge: Action<{ version: number }>;
    delete: Action<{ version: number }>;
  };
};

import type { SavedAssessment } from '@/lib/assessments/record-assessment';
import type { AssessmentValues } from '@/lib/domain/vocabulary';

export type { AssessmentValues, SavedAssessment };

export type WorkspacePermissions = {
  assess: boolean;
  comment: boolean;
  cite: boolean;
  edit: boolean;
  adjudicate: boolean;
};
