import { type AuditEventInput, writeAuditEvent } from '@/lib/audit/audit-event';
import { consensusClearedByTextChange } from '@/lib/consensus/update-consensus';
import { transaction } from '@/lib/db/prisma';
import { requireId } from '@/lib/domain/require-id';
import { AppError, notFound } from '@/lib/errors';
import { quoteContext } from '@/lib/extraction/sentences';
import { freeSelection, lockDocumentBody, sectionAt } from './live-claim';

export type AttachOrphanClaimOptions = {
  documentId: string;
  claimId: string;
  /** The reader's selection in the document's current body. */
  start: number;
  end: number;
  /** The orphan's version as the reader saw it. */
  expectedVersion: number;
  actorId: string;
};

/**
 * Pins an orphan (a claim a new version's re-anchoring did not find, ADR 0028) to a selection of the current
 * text by hand. It comes back as a live claim with its number and its whole review, marked as a changed claim
 * is: "text changed since assessed", with the quote it was assessed on kept for the word diff and its consensus
 * cleared, in review until a reviewer saves an assessment of its new words.
 */
export async function attachOrphanClaim(options: AttachOrphanClaimOptions) {
  const claimId = requireId(options.claimId, 'The claim');
  return transaction(async (tx) => {
    // The lock makes the overlap check and the write one step against a concurrent edit or a new version.
    const body = await lockDocumentBody(tx, options.documentId);
    const { documentId } = options;
    const orphan = await tx.claim.findFirst({
      where: { id: claimId, documentId },
      select: {
        number: true,
        text: true,
        quote: true,
        start: true,
        end: true,
        version: true,
        deletedAt: true,
        reanchorStatus: true,
        consensusVerdict: true,
        consensusEvidenceLevel: true,
      },
    });
    if (!orphan) throw notFound('The claim');
    if (orphan.version !== options.expectedVersion) {
      throw new AppError(
        'CONFLICT',
        `Claim #${orphan.number} was changed by someone else since you opened the page. Reload it, then attach again.`,
      );
    }
    if (orphan.deletedAt === null || orphan.reanchorStatus !== 'ORPHANED') {
      throw new AppError(
        'CONFLICT',
        orphan.deletedAt === null
          ? `Claim #${orphan.number} is not an orphan: it is already pinned to the text.`
          : `Claim #${orphan.number} was deleted by a reviewer, not orphaned by a new version, so it cannot be attached.`,
      );
    }
    const { start, end, replaced } = await freeSelection(tx, {
      documentId,
      body,
      start: options.start,
      end: options.end,
      replaceUnreviewedNew: true,
    });
    // The new claims the orphan takes the place of (its reworded sentence, extracted as new): nothing of theirs
    // is lost, as nobody has reviewed them, and their numbers stay given, as a deleted claim's do.
    if (replaced.length > 0) {
      await tx.claim.updateMany({
        where: { id: { in: replaced.map((claim) => claim.id) } },
        data: { deletedAt: new Date(), version: { increment: 1 } },
      });
    }
    const quote = body.slice(start, end);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version: orphan.version, reanchorStatus: 'ORPHANED', deletedAt: { not: null } },
      data: {
        deletedAt: null,
        start,
        end,
        quote,
        ...quoteContext(body, start, end),
        sectionId: await sectionAt(tx, documentId, start),
        // A statement a reviewer reworded stays theirs; one that was the quote follows the new words.
        ...(orphan.text === orphan.quote ? { text: quote } : {}),
        reanchorStatus: 'CHANGED',
        quoteBeforeChange: orphan.quote,
        textChangedAt: new Date(),
        consensusVerdict: null,
        consensusEvidenceLevel: null,
        consensusAt: null,
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      throw new AppError(
        'CONFLICT',
        `Claim #${orphan.number} was attached by someone else meanwhile. Reload the page.`,
      );
    }
    const event = {
      actorId: options.actorId,
      entityType: 'Claim',
      entityId: claimId,
      documentId,
      claimId,
    };
    const audit: AuditEventInput[] = [
      {
        ...event,
        action: 'claim.orphan-attached',
        before: { quote: orphan.quote, start: orphan.start, end: orphan.end },
        after: { number: orphan.number, quote, start, end },
      },
    ];
    for (const claim of replaced) {
      audit.push({
        ...event,
        entityId: claim.id,
        claimId: claim.id,
        action: 'claim.deleted',
        before: { number: claim.number, quote: claim.quote, deletedAt: null },
        after: { deletedAt: new Date().toISOString(), replacedBy: orphan.number },
      });
    }
    const cleared = consensusClearedByTextChange({ actorId: options.actorId, documentId, claimId }, orphan);
    if (cleared) audit.push(cleared);
    await writeAuditEvent(tx, ...audit);
    return {
      id: claimId,
      number: orphan.number,
      quote,
      start,
      end,
      version: orphan.version + 1,
      replaced: replaced.map((claim) => claim.number),
    };
  });
}
