import type { ActionResult } from '@/lib/http/action-result';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** The Server Actions the workspace calls, handed down from the page so components never import app/. */
export type WorkspaceActions = {
  recordAssessment: Action<SavedAssessment>;
  addComment: Action<unknown>;
  resolveComment: Action<unknown>;
  addCitation: Action<unknown>;
  removeCitation: Action<unknown>;
  adjudicate: Action<unknown>;
  addClaim: Action<{ id: string }>;
  claimEdits: {
    edit: Action<{ version: number }>;
    split: Action<{ version: number }>;
    merge: Action<{ version: number }>;
    delete: Action<{ version: number }>;
  };
};

import type { ConsensusState } from '@/lib/consensus/compute-consensus';
import type { AssessmentValues, EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';

export type { AssessmentValues };

export type SavedAssessment = AssessmentValues & {
  id: string;
  version: number;
  consensus: { state: ConsensusState; verdict: Verdict | null; evidenceLevel: EvidenceLevel | null };
};

export type WorkspacePermissions = {
  assess: boolean;
  comment: boolean;
  cite: boolean;
  edit: boolean;
  adjudicate: boolean;
};
