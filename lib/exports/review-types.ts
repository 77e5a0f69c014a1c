// The shape every summary view and export is made from: one header for the document and its review, then one
// row per claim in document order. Rows are produced in batches so large documents stream (see issue 6).
import type { DocumentAgreement } from '@/lib/agreement/agreement';
import type { CitedSource } from '@/lib/citations/citation-words';
import type { ClaimStatus } from '@/lib/consensus/consensus';
import type {
  CitationRelation,
  ClaimKind,
  EvidenceLevel,
  ReviewerAssessment,
  ReviewMode,
  Verdict,
} from '@/lib/domain/vocabulary';
import type { ClaimReviewSummary } from './review-rows';

/** Which claims a summary or export covers. Carried in the query string: `only=conflicts|unsupported`, `section=<id>`. */
export type ReviewFilter = {
  only: 'conflicts' | 'unsupported' | null;
  sectionId: string | null;
};

/** How the claims of version `since` came into this one (lib/versions/import-new-version.ts). */
export type VersionChanges = {
  since: number;
  kept: number;
  moved: number;
  changed: number;
  orphaned: number;
  added: number;
};

/**
 * The claims behind VersionChanges' counts that a reader wants named (kept and moved ones are only counted):
 * each changed claim with its quote before and after, each orphaned one with its consensus as it was when set
 * apart, and each new one. In claim-number order.
 */
export type VersionChangeList = {
  changed: Array<{ number: number; before: string; after: string }>;
  orphaned: Array<{
    number: number;
    quote: string;
    verdict: Verdict | null;
    evidenceLevel: EvidenceLevel | null;
  }>;
  added: Array<{ number: number; quote: string }>;
};

export type ReviewHeader = {
  schemaVersion: 2;
  exportedAt: string;
  /** The app's own address for this document, e.g. https://review.example.org/documents/<id>. */
  appDocumentUrl: string;
  /** The reviewing organisation, the ClaimReview author. */
  organisation: { name: string; url: string | null };
  document: {
    id: string;
    slug: string;
    title: string;
    sourceUrl: string | null;
    author: string | null;
    /** YYYY-MM-DD */
    publishedOn: string | null;
    reviewMode: ReviewMode;
    body: string;
    /** Which version of the article this review describes: 1 until a new version is imported. */
    version: number;
    /** What importing this version did with the claims of the one before; null for version 1. */
    changes: VersionChanges | null;
  };
  /** The project's consensus rule: how many reviewers' verdicts make a consensus. */
  reviewersRequired: number;
  reviewers: Array<{ id: string; name: string }>;
  /** First and last assessment, ISO timestamps; null when nobody has assessed yet. */
  reviewPeriod: { first: string | null; last: string | null };
  filter: ReviewFilter;
  /** The sections that hold live claims (and the one filtered by), in document order. */
  sections: Array<{ id: string; heading: string }>;
  /** Counts of the claims the filter selects. */
  counts: Record<ClaimStatus, number> & { total: number };
  /** Claims with a consensus verdict, by verdict and consensus evidence level ('UNSET' when no level agreed). */
  chart: Record<Verdict, Record<EvidenceLevel | 'UNSET', number>>;
  /** Agreement over every claim of the document (the filter does not change it). */
  agreement: DocumentAgreement;
  /**
   * The claims `document.changes` counts, named, over the whole document whatever the filter; null for version
   * 1. Not part of the JSON export (its schema is closed): the Markdown, the PDF and the summary list them.
   */
  changeList: VersionChangeList | null;
};

/** A claim with its review: where it stands in the document, its summary (ClaimReviewSummary) and the detail. */
export type ReviewClaimRow = ClaimReviewSummary & {
  id: string;
  /** The claim's number for life (Claim.number): 1..n in document order at import, the next free one after. */
  number: number;
  /** Null for the claims above the first heading, whose section is named BEFORE_FIRST_HEADING. */
  sectionId: string | null;
  section: string;
  text: string;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  kind: ClaimKind;
  hedged: boolean;
  /** Its sentence cites a study ("a 2006 study showed", "[12]"), as found at extraction. */
  citesStudy: boolean;
  assessments: ReviewerAssessment[];
  adjudications: Array<{
    adjudicator: string;
    verdict: Verdict;
    evidenceLevel: EvidenceLevel;
    note: string;
    createdAt: string;
  }>;
  citations: Array<{
    kind: 'PMID' | 'DOI' | 'URL';
    identifier: string;
    /** A resolvable link: PubMed, doi.org or the URL itself. */
    url: string;
    title: string | null;
    studyDesign: string | null;
    relation: CitationRelation;
    note: string | null;
    /**
     * What PubMed or Crossref says the cited PMID or DOI is, once looked up and found (lib/citations); null
     * until then, and for a web address. Absent from reviews frozen before it was exported.
     */
    source?: CitedSource | null;
  }>;
  comments: Array<{
    id: string;
    parentId: string | null;
    author: string;
    body: string;
    createdAt: string;
    resolvedAt: string | null;
  }>;
  openComments: number;
  /** A stable link to the claim in the app. */
  url: string;
};
