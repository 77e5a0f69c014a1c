import { writeAuditEvent } from '@/lib/audit/audit-event';
import { transaction } from '@/lib/db/prisma';
import { lockLiveClaim } from '@/lib/domain/lock-live-claim';
import { CITATION_NOTE_MAX_LENGTH, CITATION_RELATIONS, type CitationRelation } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import type { PanelCitation } from '@/lib/workspace/claim-panel-types';
import { CITATION_ITEM, toCitationItem } from '@/lib/workspace/panel-items';
import { citationSourceKey, parseCitationIdentifier } from './citation-identifier';
import { findCitationSources } from './find-citation-sources';

export const CITATION_TEXT_MAX_LENGTH = 500;

export type AddCitationOptions = {
  claimId: string;
  userId: string;
  identifier: string;
  relation: CitationRelation;
  note?: string | null;
  title?: string | null;
  studyDesign?: string | null;
};

/**
 * Attaches a source (PMID, DOI or web address) to a claim, saying whether it supports, contradicts or mentions it.
 * Never waits for the network: what PubMed or Crossref say of it is filled in later (enrich-citation-sources.ts).
 */
export async function addCitation(options: AddCitationOptions): Promise<PanelCitation> {
  const parsed = parseCitationIdentifier(options.identifier);
  if (!parsed) {
    throw invalid(
      'identifier',
      'Enter a PMID (digits only), a DOI such as 10.1000/xyz123, or a web address starting with https://',
    );
  }
  if (!CITATION_RELATIONS.includes(options.relation))
    throw invalid('relation', 'Choose whether the source supports, contradicts or mentions the claim.');
  const note = optionalText(options.note, 'note', 'A note', CITATION_NOTE_MAX_LENGTH);
  const title = optionalText(options.title, 'title', 'A title', CITATION_TEXT_MAX_LENGTH);
  const studyDesign = optionalText(
    options.studyDesign,
    'studyDesign',
    'A study design',
    CITATION_TEXT_MAX_LENGTH,
  );
  return transaction(async (tx) => {
    // Locked so that two people citing the same source at once cannot both pass the duplicate check.
    const claim = await lockLiveClaim(tx, options.claimId);
    const duplicate = await tx.citation.count({
      where: {
        claimId: claim.id,
        deletedAt: null,
        kind: parsed.kind,
        // DOIs are case-insensitive by definition; PMIDs are digits and URLs keep their case.
        identifier:
          parsed.kind === 'DOI' ? { equals: parsed.identifier, mode: 'insensitive' } : parsed.identifier,
      },
    });
    if (duplicate > 0) throw invalid('identifier', 'This source is already cited on this claim.');
    const values = {
      kind: parsed.kind,
      identifier: parsed.identifier,
      relation: options.relation,
      note,
      title,
      studyDesign,
    };
    const citation = await tx.citation.create({
      data: { claimId: claim.id, createdById: options.userId, ...values },
      select: CITATION_ITEM,
    });
    await writeAuditEvent(tx, {
      actorId: options.userId,
      action: 'citation.added',
      entityType: 'Citation',
      entityId: citation.id,
      documentId: claim.documentId,
      claimId: claim.id,
      after: values,
    });
    // Stored as typed, at once; the retry job looks a new PMID or DOI up in the background (and the action wakes
    // it now). One cited before, on any claim, is already in the cache and shows what it is straight away.
    const key = citationSourceKey(parsed);
    if (key) await tx.citationSource.createMany({ data: [key], skipDuplicates: true });
    const sources = await findCitationSources([citation], tx);
    return toCitationItem(citation, sources.get(citation.id));
  });
}

function optionalText(raw: string | null | undefined, field: string, what: string, max: number) {
  const value = raw?.trim() || null;
  if (value && value.length > max)
    throw invalid(
      field,
      `${what} can be at most ${max.toLocaleString('en')} characters; this one has ${value.length.toLocaleString('en')}.`,
    );
  return value;
}

function invalid(field: string, message: string) {
  return new AppError('VALIDATION', message, { [field]: message });
}
