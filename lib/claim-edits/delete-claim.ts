import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { assertCurrent, findLiveClaim, requireConfirmation, writeIfCurrent } from './live-claim';

export type DeleteClaimOptions = {
  claimId: string;
  expectedVersion: number;
  actorId: string;
  confirmed?: boolean;
};

/** Soft-deletes a claim: it leaves the review but keeps its assessments and comments in the audit trail. */
export async function deleteClaim(options: DeleteClaimOptions) {
  return transaction(async (tx) => {
    const claim = await findLiveClaim(tx, options.claimId);
    assertCurrent(claim, options.expectedVersion);
    await requireConfirmation(tx, { claimIds: [claim.id], confirmed: options.confirmed, verb: 'delete' });
    const deletedAt = new Date();
    await writeIfCurrent(tx, claim, options.expectedVersion, { deletedAt });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.deleted',
      entityType: 'Claim',
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { text: claim.text, quote: claim.quote, start: claim.start, end: claim.end, deletedAt: null },
      after: { deletedAt: deletedAt.toISOString() },
    });
    return { id: claim.id, deletedAt, version: claim.version + 1 };
  });
}
