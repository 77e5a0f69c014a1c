import { citationUrl } from '@/lib/citations/citation-url';
import type {
  Certainty,
  CitationRelation,
  ClaimKind,
  EvidenceLevel,
  GradeDomain,
  Verdict,
} from '@/lib/domain/vocabulary';
import { openCommentCount } from './open-comment-count';
import type { ReviewClaimRow } from './review-types';
import { summariseClaimReview } from './summarise-claim-review';

/** One claim as the batch query returns it: the claim's columns, with its related rows aggregated to JSON. */
export type StoredClaim = {
  id: string;
  number: number;
  sectionId: string | null;
  section: string | null;
  text: string;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  kind: ClaimKind;
  hedged: boolean;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  consensusAt: string | null;
  assessments: Array<{
    reviewerId: string;
    reviewer: string;
    verdict: Verdict | null;
    evidenceLevel: EvidenceLevel | null;
    certainty: Certainty | null;
    downgradeReasons: GradeDomain[];
    rationale: string | null;
    updatedAt: string;
  }>;
  adjudications: ReviewClaimRow['adjudications'];
  citations: Array<{
    kind: 'PMID' | 'DOI' | 'URL';
    identifier: string;
    title: string | null;
    studyDesign: string | null;
    relation: CitationRelation;
    note: string | null;
  }>;
  comments: ReviewClaimRow['comments'];
};

/** The summary row of a stored claim: its status, summarised consensus, citation links and its link in the app. */
export function reviewClaimRow(
  claim: StoredClaim,
  options: { documentId: string; appUrl: string },
): ReviewClaimRow {
  const summary = summariseClaimReview(claim);
  return {
    id: claim.id,
    number: claim.number,
    sectionId: claim.sectionId,
    section: claim.section,
    text: claim.text,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    prefix: claim.prefix,
    suffix: claim.suffix,
    kind: claim.kind,
    hedged: claim.hedged,
    ...summary,
    assessments: claim.assessments,
    adjudications: claim.adjudications,
    citations: claim.citations.map((c) => ({ ...c, url: citationUrl(c) })),
    comments: claim.comments,
    openComments: openCommentCount(claim.comments),
    url: `${options.appUrl}/documents/${options.documentId}?claim=${claim.id}`,
  };
}
