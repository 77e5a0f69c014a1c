import type { DocumentAgreement } from '@/lib/agreement/agreement';
import type { ClaimStatus } from '@/lib/consensus/consensus';
import type { ClaimKind, EvidenceLevel, ReviewMode, Verdict } from '@/lib/domain/vocabulary';
import type { OrphanClaim } from './orphan-claims';

/** One claim as the workspace list and highlights need it; the full claim loads when it is selected. */
export type WorkspaceClaim = {
  id: string;
  /** The claim's number for life (Claim.number), its label "#n"; the list is in document order. */
  n: number;
  start: number;
  end: number;
  sectionId: string | null;
  kind: ClaimKind;
  hedged: boolean;
  /** Its sentence cites a study ("a 2006 study showed", "[12]"). */
  citesStudy: boolean;
  /** The edited text, or null when it is still the quote (body.slice(start, end)). */
  text: string | null;
  status: ClaimStatus;
  /** How many reviewers have given a verdict while the claim is IN_REVIEW ("1 of 2"); 0 otherwise. */
  assessed: number;
  /** The consensus evidence level, when the reader may see it. */
  level: EvidenceLevel | null;
  /** The reader's own verdict. */
  mine: Verdict | null;
};

export type WorkspaceData = {
  document: {
    id: string;
    title: string;
    sourceUrl: string | null;
    author: string | null;
    publishedOn: string | null;
    reviewMode: ReviewMode;
    /** Which version of the article this is; earlier ones are read at /documents/{id}/versions. */
    textVersion: number;
    /** The project's consensus rule: how many reviewers' verdicts make a consensus. */
    reviewersRequired: number;
    body: string;
    /** Whether the file it was imported from is kept (a PDF), to be downloaded as it was sent. */
    hasOriginal: boolean;
  };
  /** The sections that hold live claims, in document order. */
  sections: Array<{ id: string; heading: string }>;
  claims: WorkspaceClaim[];
  /** Claims the last new versions did not find, set apart with their review until attached by hand. */
  orphans: OrphanClaim[];
  /** Whether blind review closes the summary and the exports to this reader (lib/visibility.ts). */
  summaryClosed: boolean;
  /** Null where the summary is closed to the reader: it would tell them how the others judged. */
  agreement: DocumentAgreement | null;
};
