import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { classifyKind, detectHedges } from '@/lib/extraction/kinds';
import { findLiveClaim, writeIfCurrent } from './live-claim';

export const CLAIM_TEXT_MAX_LENGTH = 2_000;

export type EditClaimTextOptions = {
  claimId: string;
  text: string;
  expectedVersion: number;
  actorId: string;
};

/** Rewords a claim. Its quote stays pinned to the source; its kind and hedging follow the new wording. */
export async function editClaimText(options: EditClaimTextOptions) {
  const text = options.text.trim();
  if (text.length === 0)
    throw new AppError('VALIDATION', 'Write the claim first.', { text: 'Write the claim first.' });
  if (text.length > CLAIM_TEXT_MAX_LENGTH) {
    const message = `A claim can be at most ${CLAIM_TEXT_MAX_LENGTH.toLocaleString('en')} characters.`;
    throw new AppError('VALIDATION', message, { text: message });
  }
  return transaction(async (tx) => {
    const claim = await findLiveClaim(tx, options.claimId);
    const after = { text, kind: classifyKind(text), hedged: detectHedges(text).length > 0 };
    await writeIfCurrent(tx, claim, options.expectedVersion, after);
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.edited',
      entityType: 'Claim',
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before: { text: claim.text, kind: claim.kind, hedged: claim.hedged },
      after,
    });
    return { id: claim.id, ...after, version: claim.version + 1 };
  });
}
