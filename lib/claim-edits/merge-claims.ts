import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { classifyKind, detectHedges } from '@/lib/extraction/kinds';
import { quoteContext } from '@/lib/extraction/sentences';
import { detectStudyCitation } from '@/lib/extraction/study-citations';
import {
  assertCurrent,
  CLAIM_FIELDS,
  findLiveClaim,
  lockDocumentBody,
  requireConfirmation,
  staleClaim,
  writeIfCurrent,
} from './live-claim';

export type MergeWithNextOptions = {
  claimId: string;
  expectedVersion: number;
  actorId: string;
  confirmed?: boolean;
};

/**
 * Merges a claim with the next live claim in document order. The first grows to span both; the next is
 * soft-deleted and keeps its assessments, comments and citations, so they stay in the audit trail.
 */
export async function mergeWithNext(options: MergeWithNextOptions) {
  return transaction(async (tx) => {
    const first = await findLiveClaim(tx, options.claimId);
    assertCurrent(first, options.expectedVersion);
    // The lock keeps a concurrent add from pinning a claim in the gap that the merged claim is about to cover.
    const body = await lockDocumentBody(tx, first.documentId);
    const next = await tx.claim.findFirst({
      where: { documentId: first.documentId, deletedAt: null, start: { gt: first.start } },
      orderBy: [{ start: 'asc' }, { id: 'asc' }],
      select: CLAIM_FIELDS,
    });
    if (!next)
      throw new AppError('VALIDATION', 'This is the last claim: there is no next claim to merge with.');
    await requireConfirmation(tx, {
      claimIds: [first.id, next.id],
      confirmed: options.confirmed,
      verb: 'merge',
    });

    const end = Math.max(first.end, next.end);
    const quote = body.slice(first.start, end);
    const text = `${first.text} ${next.text}`;
    const merged = {
      text,
      quote,
      end,
      suffix: quoteContext(body, first.start, end).suffix,
      kind: classifyKind(text),
      hedged: detectHedges(text).length > 0,
      citesStudy: detectStudyCitation(text).citesStudy,
    };
    await writeIfCurrent(tx, first, options.expectedVersion, merged);
    const deletedAt = new Date();
    const { count } = await tx.claim.updateMany({
      where: { id: next.id, version: next.version, deletedAt: null },
      data: { deletedAt, version: { increment: 1 } },
    });
    if (count === 0) throw staleClaim(null);

    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.merged',
      entityType: 'Claim',
      entityId: first.id,
      documentId: first.documentId,
      claimId: first.id,
      before: { text: first.text, quote: first.quote, start: first.start, end: first.end },
      after: { text, quote, start: first.start, end, mergedClaimId: next.id },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.deleted',
      entityType: 'Claim',
      entityId: next.id,
      documentId: next.documentId,
      claimId: next.id,
      before: { text: next.text, quote: next.quote, start: next.start, end: next.end, deletedAt: null },
      after: { deletedAt: deletedAt.toISOString(), mergedInto: first.id },
    });
    return {
      claim: { id: first.id, ...merged, start: first.start, version: first.version + 1 },
      deletedClaimId: next.id,
    };
  });
}
