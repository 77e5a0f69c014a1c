import { writeAuditEvent } from '@/lib/audit/audit-event';
import type { Prisma } from '@/lib/db/prisma';
import { computeConsensus } from './compute-consensus';

/** Re-derives a claim's consensus from its assessments after one of them changed, in the same transaction. */
export async function updateConsensus(
  tx: Prisma.TransactionClient,
  options: { claimId: string; documentId: string; actorId: string },
) {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id: options.claimId },
    select: { consensusVerdict: true, consensusEvidenceLevel: true },
  });
  const assessments = await tx.assessment.findMany({
    where: { claimId: options.claimId },
    select: { verdict: true, evidenceLevel: true },
  });
  const next = computeConsensus(assessments);
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
