import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';

// A claim's consensus from its assessments and its project's consensus rule, and the status it gives the claim
// everywhere it is shown. Both rest on reviewStage, so the stored consensus and every view of it agree.

// ADJUDICATED never comes from computeConsensus: it is an adjudicator's decision (lib/consensus/update-consensus.ts).
type ConsensusState = 'UNREVIEWED' | 'IN_REVIEW' | 'AGREED' | 'CONFLICT' | 'ADJUDICATED';

export type Consensus = {
  state: ConsensusState;
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  /** How many reviewers have given a verdict, and how many the project requires (Project.reviewersRequired). */
  assessed: number;
  required: number;
};

/** How many reviewers a project may require per claim (Project.reviewersRequired). */
export const REVIEWERS_REQUIRED = [1, 2, 3] as const;

/**
 * Where a claim without an adjudication stands, from how many reviewers gave it a verdict: nobody yet, fewer
 * than the project requires (in review: no consensus and no conflict, whatever the verdicts so far), or
 * enough, when their verdicts decide between a consensus and a conflict.
 */
export function reviewStage(assessed: number, required: number): 'UNREVIEWED' | 'IN_REVIEW' | 'DECIDED' {
  if (assessed === 0) return 'UNREVIEWED';
  return assessed < required ? 'IN_REVIEW' : 'DECIDED';
}

// Weakest first: when reviewers agree on the verdict but not on the evidence level, the consensus keeps the
// weakest level any of them saw, so a summary never claims stronger evidence than a reviewer found.
export const WEAKEST_FIRST: EvidenceLevel[] = ['NONE', 'LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'];

/**
 * Consensus from the submitted assessments under a rule of `required` reviewers per claim: automatic when that
 * many have given a verdict and every verdict agrees, a conflict when they disagree, in review before then.
 */
export function computeConsensus(
  assessments: ReadonlyArray<{ verdict: Verdict | null; evidenceLevel: EvidenceLevel | null }>,
  required: number,
): Consensus {
  const judged = assessments.filter((a) => a.verdict !== null);
  const counts = { assessed: judged.length, required };
  const stage = reviewStage(judged.length, required);
  if (stage !== 'DECIDED') return { state: stage, verdict: null, evidenceLevel: null, ...counts };
  const verdicts = new Set(judged.map((a) => a.verdict));
  if (verdicts.size > 1) return { state: 'CONFLICT', verdict: null, evidenceLevel: null, ...counts };
  const levels = new Set(judged.map((a) => a.evidenceLevel).filter((l) => l !== null));
  return {
    state: 'AGREED',
    verdict: judged[0]?.verdict ?? null,
    evidenceLevel: WEAKEST_FIRST.find((l) => levels.has(l)) ?? null,
    ...counts,
  };
}

/**
 * What a claim shows: its consensus verdict, in review (fewer reviewers than the project requires have given a
 * verdict), a conflict, or unreviewed. Colours, filters and counts follow this.
 */
export type ClaimStatus = Verdict | 'IN_REVIEW' | 'CONFLICT' | 'UNREVIEWED';

export const CLAIM_STATUSES: ClaimStatus[] = [
  'SUPPORTED',
  'SPECULATIVE',
  'UNSUPPORTED',
  'IN_REVIEW',
  'CONFLICT',
  'UNREVIEWED',
];

/**
 * A claim's status from its stored consensus verdict and how many reviewers have given a verdict (`assessed`)
 * against the project's rule (`required`). A stored verdict is an agreement or an adjudication and always
 * stands; without one, reviewStage tells in review from a conflict.
 */
export function claimStatus(claim: {
  consensusVerdict: Verdict | null;
  assessed: number;
  required: number;
  /** A new version changed its words since it was assessed: in review until a reviewer saves again. */
  textChanged?: boolean;
}): ClaimStatus {
  if (claim.consensusVerdict) return claim.consensusVerdict;
  if (claim.textChanged && claim.assessed > 0) return 'IN_REVIEW';
  const stage = reviewStage(claim.assessed, claim.required);
  return stage === 'DECIDED' ? 'CONFLICT' : stage;
}

/** How far a claim in review has got: reviewers who gave a verdict, of those the project requires. */
export type ReviewProgress = { assessed: number; required: number };

/** "In review (1 of 2)": a claim in review with how far it has got, in the words every view uses. */
export function inReviewWords(progress: ReviewProgress): string {
  return `In review (${progress.assessed} of ${progress.required})`;
}
