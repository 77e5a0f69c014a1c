import { citationUrl } from '@/lib/citations/citation-identifier';
import { citedSource } from '@/lib/citations/citation-words';
import { openThreadCount } from '@/lib/comments/comment-threads';
import { type ClaimStatus, claimStatus, type ReviewProgress } from '@/lib/consensus/consensus';
import { sectionName } from '@/lib/domain/sections';
import {
  CERTAINTIES,
  type Certainty,
  type EvidenceLevel,
  GRADE_DOMAINS,
  type GradeDomain,
  type Verdict,
} from '@/lib/domain/vocabulary';
import type { ReviewClaimRow } from './review-types';

// A claim's summary row, from the claim as the batch query stores it: its status, the consensus summarised
// from the assessments and adjudications, citation links, and its open comment threads.

export type ClaimReviewInput = {
  consensusVerdict: Verdict | null;
  /** A new version changed its words since it was assessed (claimStatus). */
  textChanged?: boolean;
  consensusEvidenceLevel: EvidenceLevel | null;
  consensusAt: string | null;
  assessments: ReadonlyArray<{
    reviewer: string;
    verdict: Verdict | null;
    certainty: Certainty | null;
    downgradeReasons: readonly GradeDomain[];
    rationale: string | null;
  }>;
  /** Oldest first. */
  adjudications: ReadonlyArray<{ verdict: Verdict; evidenceLevel: EvidenceLevel; note: string }>;
};

export type ClaimReviewSummary = {
  status: ClaimStatus;
  /** While the claim is in review: reviewers who gave a verdict, of those the project requires; else null. */
  progress: ReviewProgress | null;
  consensus: {
    verdict: Verdict | null;
    evidenceLevel: EvidenceLevel | null;
    at: string | null;
    adjudicated: boolean;
  };
  /** Summarised from the assessments that share the consensus verdict: the lowest certainty, the union of reasons. */
  certainty: Certainty | null;
  downgradeReasons: GradeDomain[];
  /**
   * Each agreeing reviewer's rationale as "Name: rationale", one a line (in conflict, every reviewer's), or the
   * adjudication note.
   */
  rationale: string | null;
};

/**
 * One line of the summary for a claim, from its assessments and adjudications.
 * - Certainty is the lowest that any reviewer who shares the consensus verdict gave, and the downgrade reasons
 *   are all of theirs: like the consensus evidence level, the summary never claims more certainty than a
 *   reviewer found.
 * - The rationale is the adjudicator's note when an adjudication decided the consensus, since that note is the
 *   reason the verdict stands; otherwise each agreeing reviewer's rationale as "Name: rationale", one a line.
 * - In conflict, the rationale is every reviewer's who gave a verdict, in the same form: the reasons on each
 *   side are what the adjudicator and the conflicts report need. Certainty and reasons stay empty, since no
 *   consensus speaks for the claim; so do all three while it is unreviewed or in review (fewer reviewers than
 *   `reviewersRequired`, the project's rule, have given a verdict): the verdicts so far are no outcome yet.
 */
export function summariseClaimReview(claim: ClaimReviewInput, reviewersRequired: number): ClaimReviewSummary {
  const progress = {
    assessed: claim.assessments.filter((a) => a.verdict !== null).length,
    required: reviewersRequired,
  };
  const status = claimStatus({
    consensusVerdict: claim.consensusVerdict,
    textChanged: claim.textChanged,
    ...progress,
  });
  const latest = claim.adjudications.at(-1);
  // The latest adjudication stands until the next one (docs/decisions/0004-consensus-and-adjudication.md);
  // comparing it with the stored consensus, rather than assuming, keeps the summary true to what is stored.
  const adjudicated =
    latest !== undefined &&
    latest.verdict === claim.consensusVerdict &&
    latest.evidenceLevel === claim.consensusEvidenceLevel;
  const agreeing = claim.consensusVerdict
    ? claim.assessments.filter((a) => a.verdict === claim.consensusVerdict)
    : [];
  const reasons = new Set(agreeing.flatMap((a) => a.downgradeReasons));
  const speaking = status === 'CONFLICT' ? claim.assessments.filter((a) => a.verdict !== null) : agreeing;
  const rationales = speaking.flatMap((a) => {
    const text = a.rationale?.trim();
    return text ? [`${a.reviewer}: ${text}`] : [];
  });
  const rationale = adjudicated ? latest.note.trim() || null : rationales.join('\n') || null;
  return {
    status,
    progress: status === 'IN_REVIEW' ? progress : null,
    consensus: {
      verdict: claim.consensusVerdict,
      evidenceLevel: claim.consensusEvidenceLevel,
      at: claim.consensusAt,
      adjudicated,
    },
    certainty: lowestCertainty(agreeing.map((a) => a.certainty)),
    downgradeReasons: GRADE_DOMAINS.filter((d) => reasons.has(d)),
    rationale,
  };
}

function lowestCertainty(values: ReadonlyArray<Certainty | null>): Certainty | null {
  let lowest = -1;
  for (const value of values) if (value) lowest = Math.max(lowest, CERTAINTIES.indexOf(value));
  return CERTAINTIES[lowest] ?? null;
}

/** One claim as the batch query returns it: the claim's columns, with its related rows aggregated to JSON. */
export type StoredClaim = Pick<
  ReviewClaimRow,
  | 'id'
  | 'number'
  | 'sectionId'
  | 'text'
  | 'quote'
  | 'start'
  | 'end'
  | 'prefix'
  | 'suffix'
  | 'kind'
  | 'hedged'
  | 'citesStudy'
  | 'assessments'
  | 'adjudications'
  | 'comments'
> & {
  /** The heading, or null above the first heading. */
  section: string | null;
  consensusVerdict: Verdict | null;
  consensusEvidenceLevel: EvidenceLevel | null;
  consensusAt: string | null;
  textChanged?: boolean;
  // Stored without the link and the suggested design; reviewClaimRow adds them.
  citations: Array<
    Omit<ReviewClaimRow['citations'][number], 'url' | 'source'> & {
      source: Parameters<typeof citedSource>[0] | null;
    }
  >;
};

/** The summary row of a stored claim: its status, summarised consensus, citation links and its link in the app. */
export function reviewClaimRow(
  claim: StoredClaim,
  options: { documentId: string; appUrl: string; reviewersRequired: number },
): ReviewClaimRow {
  const summary = summariseClaimReview(claim, options.reviewersRequired);
  return {
    id: claim.id,
    number: claim.number,
    sectionId: claim.sectionId,
    section: sectionName(claim.section),
    text: claim.text,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    prefix: claim.prefix,
    suffix: claim.suffix,
    kind: claim.kind,
    hedged: claim.hedged,
    citesStudy: claim.citesStudy,
    ...summary,
    assessments: claim.assessments,
    adjudications: claim.adjudications,
    citations: claim.citations.map((c) => ({
      ...c,
      url: citationUrl(c),
      source: c.source && citedSource(c.source),
    })),
    comments: claim.comments,
    openComments: openThreadCount(claim.comments),
    url: `${options.appUrl}/documents/${options.documentId}?claim=${claim.id}`,
  };
}
