import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { classifyKind, detectHedges } from '@/lib/extraction/kinds';
import { quoteContext, trimmedEnd, trimmedStart } from '@/lib/extraction/sentences';
import { detectStudyCitation } from '@/lib/extraction/study-citations';
import {
  assertCurrent,
  createNumberedClaim,
  findLiveClaim,
  lockDocumentBody,
  requireConfirmation,
  writeIfCurrent,
} from './live-claim';

export type SplitClaimOptions = {
  claimId: string;
  /** Where to cut, as an offset into the claim's quote. */
  at: number;
  expectedVersion: number;
  actorId: string;
  confirmed?: boolean;
};

/**
 * Splits a claim in two at an offset into its quote. The claim keeps the first part and a new claim takes the
 * second; both stay pinned to the body, and each part's text becomes its own quote, since an edited wording of
 * the whole no longer fits either half.
 */
export async function splitClaim(options: SplitClaimOptions) {
  return transaction(async (tx) => {
    const claim = await findLiveClaim(tx, options.claimId);
    assertCurrent(claim, options.expectedVersion);
    const body = await lockDocumentBody(tx, claim.documentId);
    const { at } = options;
    if (!Number.isInteger(at) || at < 1 || at > claim.quote.length - 1) {
      const message = 'Place the cursor inside the quote, between two words, to split it there.';
      throw new AppError('VALIDATION', message, { at: message });
    }
    const cut = claim.start + at;
    const firstEnd = trimmedEnd(body, claim.start, cut);
    const secondStart = trimmedStart(body, cut, claim.end);
    if (firstEnd === claim.start || secondStart === claim.end) {
      const message = 'Both parts of a split need some text: place the cursor between two words.';
      throw new AppError('VALIDATION', message, { at: message });
    }
    await requireConfirmation(tx, { claimIds: [claim.id], confirmed: options.confirmed, verb: 'split' });

    const first = part(body, claim.start, firstEnd);
    const second = part(body, secondStart, claim.end);
    await writeIfCurrent(tx, claim, options.expectedVersion, {
      text: first.text,
      quote: first.quote,
      end: first.end,
      suffix: first.suffix,
      kind: first.kind,
      hedged: first.hedged,
      citesStudy: first.citesStudy,
    });
    const created = await createNumberedClaim(tx, {
      documentId: claim.documentId,
      sectionId: claim.sectionId,
      ...second,
    });
    const before = { text: claim.text, quote: claim.quote, start: claim.start, end: claim.end };
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.split',
      entityType: 'Claim',
      entityId: claim.id,
      documentId: claim.documentId,
      claimId: claim.id,
      before,
      after: { ...pinned(first), newClaimId: created.id },
    });
    await writeAuditEvent(tx, {
      actorId: options.actorId,
      action: 'claim.created',
      entityType: 'Claim',
      entityId: created.id,
      documentId: claim.documentId,
      claimId: created.id,
      before: null,
      after: { number: created.number, ...pinned(second), splitFrom: claim.id },
    });
    return {
      first: { id: claim.id, ...first, version: claim.version + 1 },
      second: { id: created.id, number: created.number, ...second, version: created.version },
    };
  });
}

function part(body: string, start: number, end: number) {
  const quote = body.slice(start, end);
  return {
    text: quote,
    quote,
    start,
    end,
    ...quoteContext(body, start, end),
    kind: classifyKind(quote),
    hedged: detectHedges(quote).length > 0,
    citesStudy: detectStudyCitation(quote).citesStudy,
  };
}

function pinned(p: ReturnType<typeof part>) {
  return { text: p.text, quote: p.quote, start: p.start, end: p.end };
}
