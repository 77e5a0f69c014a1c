import { citationUrl } from '@/lib/citations/citation-url';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { openCommentCount } from './open-comment-count';
import type { ReviewClaimRow } from './review-types';
import { summariseClaimReview } from './summarise-claim-review';

/** One claim as the batch query returns it: the claim's columns, with its related rows aggregated to JSON. */
export type StoredClaim = Pick<
  ReviewClaimRow,
  | 'id'
  | 'number'
  | 'sectionId'
  | 'section'
  | 'text'
  | 'quote'
  | 'start'
  | 'end'
  | 'prefix'
  | 'suffix'
  | 'kind'
  | 'hedged'
  | 'assessments'
  | 'adjudications'
  | 'comments'
> & {
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  consensusAt: string | null;
  // Stored without the link; reviewClaimRow adds it.
  citations: Array<Omit<ReviewClaimRow['citations'][number], 'url'>>;
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
