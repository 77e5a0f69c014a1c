import { writeAuditEvent } from '@/lib/audit/audit-event';
import { findLiveClaim } from '@/lib/claim-edits/live-claim';
import { updateConsensus } from '@/lib/consensus/update-consensus';
import { prisma } from '@/lib/db/prisma';
import type { EvidenceLevel, Verdict } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';

export type RecordAssessmentOptions = {
  claimId: string;
  reviewerId: string;
  verdict: Verdict | null;
  evidenceLevel: EvidenceLevel | null;
  /** The version the reviewer saw; 0 when they had no assessment yet. */
  expectedVersion: number;
};

const CHOSEN = { verdict: true, evidenceLevel: true, version: true } as const;

/** Records one reviewer's verdict and evidence level on a claim, refusing a write based on a stale version. */
export async function recordAssessment(options: RecordAssessmentOptions) {
  const { claimId, reviewerId, expectedVersion } = options;
  const values = { verdict: options.verdict, evidenceLevel: options.evidenceLevel };
  return prisma.$transaction(async (tx) => {
    const claim = await findLiveClaim(tx, claimId);
    const current = await tx.assessment.findUnique({
      where: { claimId_reviewerId: { claimId, reviewerId } },
      select: { id: true, ...CHOSEN },
    });
    if ((current?.version ?? 0) !== expectedVersion) throw staleWrite(current);

    let saved: { id: string; verdict: Verdict | null; evidenceLevel: EvidenceLevel | null; version: number };
    if (current) {
      // The version in the WHERE makes the check and the write one step, even against a concurrent writer.
      const { count } = await tx.assessment.updateMany({
        where: { id: current.id, version: expectedVersion },
        data: { ...values, version: { increment: 1 } },
      });
      if (count === 0)
        throw staleWrite(await tx.assessment.findUnique({ where: { id: current.id }, select: CHOSEN }));
      saved = { id: current.id, ...values, version: expectedVersion + 1 };
    } else {
      saved = await tx.assessment
        .create({ data: { claimId, reviewerId, ...values }, select: { id: true, ...CHOSEN } })
        .catch((e: { code?: string }) => {
          if (e.code === 'P2002') throw staleWrite(null);
          throw e;
        });
    }
    await writeAuditEvent(tx, {
      actorId: reviewerId,
      action: current ? 'assessment.updated' : 'assessment.created',
      entityType: 'Assessment',
      entityId: saved.id,
      documentId: claim.documentId,
      claimId,
      before: current ? { verdict: current.verdict, evidenceLevel: current.evidenceLevel } : null,
      after: values,
    });
    await updateConsensus(tx, { claimId, documentId: claim.documentId, actorId: reviewerId });
    return saved;
  });
}

function staleWrite(
  current: { verdict: Verdict | null; evidenceLevel: EvidenceLevel | null; version: number } | null,
) {
  return new AppError(
    'CONFLICT',
    'This assessment was changed by someone else since you opened it. Your choice is still here: check theirs, then save again to replace it.',
    {
      current: current
        ? { verdict: current.verdict, evidenceLevel: current.evidenceLevel, version: current.version }
        : null,
    },
  );
}
