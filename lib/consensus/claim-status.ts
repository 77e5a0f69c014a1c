import type { Verdict } from '@/lib/domain/vocabulary';

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

export function countStatuses(
  claims: ReadonlyArray<{ consensusVerdict: Verdict | null; reviewed: boolean }>,
) {
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const claim of claims) counts[claimStatus(claim)]++;
  return counts;
}
