import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { classifyKind, detectHedges } from '@/lib/extraction/kinds';
import { quoteContext, trimmedEnd, trimmedStart } from '@/lib/extraction/sentences';
import { createNumberedClaim, lockDocumentBody } from './live-claim';

export type AddClaimOptions = { documentId: string; start: number; end: number; actorId: string };

/** Pins a new claim to a stretch of the document body that no live claim covers yet. */
export async function addClaim(options: AddClaimOptions) {
  return transaction(async (tx) => {
    // The lock makes the overlap check and the insert one step against a concurrent add, split or merge.
    const body = await lockDocumentBody(tx, options.documentId);
    const { documentId } = options;
    if (
      !Number.isInteger(options.start) ||
      !Number.isInteger(options.end) ||
      options.start < 0 ||
      options.end > body.length ||
      options.start >= options.end
    ) {
      throw new AppError('VALIDATION', 'Select some of the document text first.');
    }
    const start = trimmedStart(body, options.start, options.end);
    const end = trimmedEnd(body, start, options.end);
    if (start === end)
      throw new AppError('VALIDATION', 'The selection holds only spaces: select some words.');

    const overlapping = await tx.claim.findFirst({
      where: { documentId, deletedAt: null, start: { lt: end }, end: { gt: start } },
      orderBy: { start: 'asc' },
      select: { number: true },
    });
    if (overlapping) {
      throw new AppError(
        'VALIDATION',
        `This text is already part of claim #${overlapping.number}. Select text outside it.`,
      );
    }
    const section = await tx.section.findFirst({
      where: { documentId, start: { lte: start } },
      orderBy: { start: 'desc' },
      select: { id: true },
    });
    const quote = body.slice(start, end);
    const values = {
      text: quote,
      quote,
      start,
      end,
      ...quoteContext(body, start, end),
      kind: classifyKind(quote),
      hedged: detectHedges(quote).length > 0,
    };
    const created = await createNumberedClaim(tx, { documentId, sectionId: section?.id ?? null, ...values });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.created',
      entityType: 'Claim',
      entityId: created.id,
      documentId,
      claimId: created.id,
      before: null,
      after: { number: created.number, text: quote, quote, start, end },
    });
    return {
      id: created.id,
      number: created.number,
      ...values,
      sectionId: section?.id ?? null,
      version: created.version,
    };
  });
}
