import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';

// A claim's consensus from its assessments, and the status it gives the claim everywhere it is shown.

// ADJUDICATED never comes from computeConsensus: it is an adjudicator's decision (lib/consensus/update-consensus.ts).
type ConsensusState = 'UNREVIEWED' | 'AGREED' | 'CONFLICT' | 'ADJUDICATED';

export type Consensus = {
  state: ConsensusState;
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
};

// Weakest first: when reviewers agree on the verdict but not on the evidence level, the consensus keeps the
// weakest level any of them saw, so a summary never claims stronger evidence than a reviewer found.
const WEAKEST_FIRST: EvidenceLevel[] = ['NONE', 'LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'];

/** Consensus from the submitted assessments: automatic when every verdict agrees, otherwise a conflict. */
export function computeConsensus(
  assessments: ReadonlyArray<{ verdict: Verdict | null; evidenceLevel: EvidenceLevel | null }>,
): Consensus {
  const judged = assessments.filter((a) => a.verdict !== null);
  const verdicts = new Set(judged.map((a) => a.verdict));
  if (verdicts.size === 0) return { state: 'UNREVIEWED', verdict: null, evidenceLevel: null };
  if (verdicts.size > 1) return { state: 'CONFLICT', verdict: null, evidenceLevel: null };
  const levels = new Set(judged.map((a) => a.evidenceLevel).filter((l) => l !== null));
  return {
    state: 'AGREED',
    verdict: judged[0]?.verdict ?? null,
    evidenceLevel: WEAKEST_FIRST.find((l) => levels.has(l)) ?? null,
  };
}

/** What a claim shows: its consensus verdict, a conflict, or unreviewed. Colours and counts follow this. */
export type ClaimStatus = Verdict | 'CONFLICT' | 'UNREVIEWED';

export const CLAIM_STATUSES: ClaimStatus[] = [
  'SUPPORTED',
  'SPECULATIVE',
  'UNSUPPORTED',
  'CONFLICT',
  'UNREVIEWED',
];

export function claimStatus(claim: { consensusVerdict: Verdict | null; reviewed: boolean }): ClaimStatus {
  if (claim.consensusVerdict) return claim.consensusVerdict;
  return claim.reviewed ? 'CONFLICT' : 'UNREVIEWED';
}
