import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { classifyKind, detectHedges } from '@/lib/extraction/kinds';
import { quoteContext } from '@/lib/extraction/sentences';
import { detectStudyCitation } from '@/lib/extraction/study-citations';
import { createNumberedClaim, freeSelection, lockDocumentBody, sectionAt } from './live-claim';

export type AddClaimOptions = { documentId: string; start: number; end: number; actorId: string };

/** Pins a new claim to a stretch of the document body that no live claim covers yet. */
export async function addClaim(options: AddClaimOptions) {
  return transaction(async (tx) => {
    // The lock makes the overlap check and the insert one step against a concurrent add, split or merge.
    const body = await lockDocumentBody(tx, options.documentId);
    const { documentId } = options;
    const { start, end } = await freeSelection(tx, {
      documentId,
      body,
      start: options.start,
      end: options.end,
    });
    const sectionId = await sectionAt(tx, documentId, start);
    const quote = body.slice(start, end);
    const values = {
      text: quote,
      quote,
      start,
      end,
      ...quoteContext(body, start, end),
      kind: classifyKind(quote),
      hedged: detectHedges(quote).length > 0,
      citesStudy: detectStudyCitation(quote).citesStudy,
    };
    const created = await createNumberedClaim(tx, { documentId, sectionId, ...values });
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
      sectionId,
      version: created.version,
    };
  });
}
