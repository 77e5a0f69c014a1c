import { writeAuditEvent } from '@/lib/audit/audit-event';
import type { Prisma } from '@/lib/db/prisma';
import { lockLiveClaim } from '@/lib/domain/lock-live-claim';
import { type Consensus, computeConsensus } from './compute-consensus';

/**
 * Re-derives a claim's consensus after one of its assessments changed, in the same transaction. Once a claim
 * has been adjudicated, the latest adjudication stands: reviewers changing their minds later does not reopen
 * it, only another adjudication does (docs/decisions/0004-consensus-and-adjudication.md).
 */
export async function updateConsensus(
  tx: Prisma.TransactionClient,
  options: { claimId: string; documentId: string; actorId: string },
): Promise<Consensus> {
  const claim = await lockLiveClaim(tx, options.claimId);
  const adjudication = await tx.adjudication.findFirst({
    where: { claimId: options.claimId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { verdict: true, evidenceLevel: true },
  });
  const next: Consensus = adjudication
    ? { state: 'ADJUDICATED', verdict: adjudication.verdict, evidenceLevel: adjudication.evidenceLevel }
    : computeConsensus(
        await tx.assessment.findMany({
          where: { claimId: options.claimId },
          select: { verdict: true, evidenceLevel: true },
        }),
      );
  if (next.verdict === claim.consensusVerdict && next.evidenceLevel === claim.consensusEvidenceLevel)
    return next;
  await tx.claim.update({
    where: { id: options.claimId },
    data: {
      consensusVerdict: next.verdict,
      consensusEvidenceLevel: next.evidenceLevel,
      consensusAt: next.verdict ? new Date() : null,
    },
  });
  await writeAuditEvent(tx, {
    actorId: options.actorId,
    action: 'consensus.changed',
    entityType: 'Claim',
    entityId: options.claimId,
    documentId: options.documentId,
    claimId: options.claimId,
    before: { verdict: claim.consensusVerdict, evidenceLevel: claim.consensusEvidenceLevel },
    after: { state: next.state, verdict: next.verdict, evidenceLevel: next.evidenceLevel },
  });
  return next;
}
