// What the review workspace shows for the selected claim (GET /api/claims/[id]). Dates are ISO strings, so the
// same shapes travel as JSON and as Server Action results.
import type { StudyDesign } from '@/lib/citations/study-design';
import type { ClaimStatus, ReviewProgress } from '@/lib/consensus/consensus';
import type {
  AssessmentValues,
  CitationRelation,
  ClaimKind,
  EvidenceLevel,
  ReviewerAssessment,
  ReviewMode,
  Verdict,
} from '@/lib/domain/vocabulary';
import type { ClaimReference } from '@/lib/extraction/study-citations';
import type { WordChange } from '@/lib/versions/words';

export type PanelClaim = {
  id: string;
  documentId: string;
  /** The claim's number for life (Claim.number), its label "#n". */
  number: number;
  text: string;
  quote: string;
  kind: ClaimKind;
  hedged: boolean;
  /** The claim's sentence cites a study (set at extraction). */
  citesStudy: boolean;
  /** The entries of the document's reference list that it points to, with any DOI or PMID they give. */
  references: ClaimReference[];
  section: string;
  version: number;
  reviewMode: ReviewMode;
  /**
   * Set while a new version's change of the claim's words awaits a reviewer ("text changed since assessed"): the
   * quote as assessed, and word by word what changed. Absent otherwise.
   */
  textChange?: { before: string; diff: WordChange[] };
};

export type PanelConsensus = {
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  at: string | null;
  adjudicated: boolean;
};

export type PanelMine = AssessmentValues & { version: number };

export type PanelAssessment = ReviewerAssessment;

export type PanelAdjudication = {
  id: string;
  adjudicator: string;
  verdict: Verdict;
  evidenceLevel: EvidenceLevel;
  note: string;
  createdAt: string;
};

export type PanelCitation = {
  id: string;
  kind: 'PMID' | 'DOI' | 'URL';
  identifier: string;
  url: string;
  title: string | null;
  studyDesign: string | null;
  relation: CitationRelation;
  note: string | null;
  addedBy: string;
  createdAt: string;
  /** What PubMed or Crossref says of a PMID or DOI (lib/citations); null for a web address. */
  source: PanelCitationSource | null;
};

export type PanelCitationSource = {
  /** PENDING: not looked up yet (offline, say); the retry job will. */
  status: 'PENDING' | 'FOUND' | 'NOT_FOUND' | 'UNREACHABLE';
  title: string | null;
  journal: string | null;
  year: number | null;
  /** "Smith J", "Smith J, Jones K" or "Smith J et al."; null when none are listed. */
  authors: string | null;
  publicationTypes: string[];
  /** When the source last answered (or failed to). */
  fetchedAt: string | null;
  suggestion: {
    design: StudyDesign;
    /** "randomised controlled trial" */
    label: string;
    level: EvidenceLevel;
    basis: 'publication type' | 'title';
  } | null;
};

export type PanelComment = {
  id: string;
  parentId: string | null;
  body: string;
  author: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  version: number;
};

export type PanelHistoryEvent = {
  id: string;
  action: string;
  actor: string | null;
  createdAt: string;
  before: unknown;
  after: unknown;
};

export type ClaimPanel = {
  claim: PanelClaim;
  /** UNREVIEWED when the others are hidden and I have no verdict. */
  status: ClaimStatus;
  /** How many reviewers have given a verdict of how many the project requires, while the claim is in review. */
  progress: ReviewProgress | null;
  /** null when the others are hidden. */
  consensus: PanelConsensus | null;
  mine: PanelMine | null;
  othersHidden: boolean;
  /** [] when hidden. */
  others: PanelAssessment[];
  /** The submitted verdicts differ; false when hidden. */
  inConflict: boolean;
  /** Newest first; [] when hidden. */
  adjudications: PanelAdjudication[];
  citations: PanelCitation[];
  /** Oldest first and flat; replies carry their thread's root as parentId. */
  comments: PanelComment[];
  /** Newest first, at most 200. */
  history: PanelHistoryEvent[];
};
