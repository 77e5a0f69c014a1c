import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { notFound } from '@/lib/errors';

/** Takes a citation off its claim. It is soft-deleted, so the audit trail can still show what was cited. */
export async function removeCitation(options: { citationId: string; userId: string }) {
  requireId(options.citationId, 'The citation');
  return transaction(async (tx) => {
    const citation = await tx.citation.findFirst({
      where: {
        id: options.citationId,
        deletedAt: null,
        claim: { deletedAt: null, document: { deletedAt: null } },
      },
      select: {
        id: true,
        claimId: true,
        kind: true,
        identifier: true,
        relation: true,
        claim: { select: { documentId: true } },
      },
    });
    if (!citation) throw notFound('The citation');
    const deletedAt = new Date();
    // Only a still-live row is removed, so two people removing the same citation leave one audit event.
    const { count } = await tx.citation.updateMany({
      where: { id: citation.id, deletedAt: null },
      data: { deletedAt },
    });
    if (count === 0) throw notFound('The citation');
    await writeAuditEvent(tx, {
      actorId: options.userId,
      action: 'citation.removed',
      entityType: 'Citation',
      entityId: citation.id,
      documentId: citation.claim.documentId,
      claimId: citation.claimId,
      before: {
        kind: citation.kind,
        identifier: citation.identifier,
        relation: citation.relation,
        deletedAt: null,
      },
      after: { deletedAt: deletedAt.toISOString() },
    });
    return { id: citation.id, claimId: citation.claimId };
  });
}
