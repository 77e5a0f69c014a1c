import { reviewFilterQuery } from './review-filter-query';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { certaintyWords, evidenceLevelWords, STATUS_WORDS } from './review-words';
import { JSON_ITEMS, streamJsonItems } from './stream-json-items';

/**
 * The review as W3C Web Annotations (Web Annotation Data Model): one AnnotationCollection whose first and only
 * AnnotationPage holds an annotation per claim. The collection's `total` comes from the header's counts because
 * it is written before the first item is read.
 *
 * Every claim the filter selects is included, unreviewed ones and conflicts too, with a body that says so: an
 * annotation layer over the article should mark every statement the review identified, so that an unmarked
 * sentence reads as "not a claim" and not as "not yet looked at".
 */
export function webAnnotations(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  // The export's own address is the collection's id: it dereferences, and a filtered export, being a different
  // set of annotations, gets a different id.
  const query = reviewFilterQuery(header.filter);
  query.set('format', 'annotations');
  const collectionId = `${header.appDocumentUrl}/export?${query}`;
  return streamJsonItems(
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: collectionId,
      type: 'AnnotationCollection',
      label: `Evidence review of “${header.document.title}”`,
      total: header.counts.total,
      first: { id: `${collectionId}#page1`, type: 'AnnotationPage', startIndex: 0, items: [JSON_ITEMS] },
    },
    annotations(header, batches),
  );
}

async function* annotations(header: ReviewHeader, batches: AsyncIterable<ReviewClaimRow[]>) {
  const creator = {
    type: 'Organization',
    name: header.organisation.name,
    ...(header.organisation.url ? { homepage: header.organisation.url } : {}),
  };
  // The selectors were taken from the app's normalised copy of the body. At the source URL the quote selector
  // is the one to trust; the position selector matches the app's copy exactly.
  const source = header.document.sourceUrl ?? header.appDocumentUrl;
  for await (const batch of batches) {
    yield batch.map((row) => ({
      id: annotationId(row.url),
      type: 'Annotation',
      motivation: 'assessing',
      ...dates(row, header.exportedAt),
      creator,
      body: {
        type: 'TextualBody',
        value: bodyText(row),
        format: 'text/plain',
        language: 'en',
        purpose: 'assessing',
      },
      target: {
        source,
        selector: [
          { type: 'TextQuoteSelector', exact: row.quote, prefix: row.prefix, suffix: row.suffix },
          { type: 'TextPositionSelector', start: row.start, end: row.end },
        ],
      },
    }));
  }
}

// The annotation is a statement about the claim, so it gets an id of its own next to the claim's link. A
// second '#' would not be a valid IRI, so an existing fragment is extended instead.
function annotationId(claimUrl: string): string {
  const url = new URL(claimUrl);
  url.hash = url.hash ? `${url.hash.slice(1)}-annotation` : 'annotation';
  return url.href;
}

// Created is when the review of the claim began and modified its latest change. A claim nobody has touched
// has no review history, so its annotation is dated by the export that made it.
function dates(row: ReviewClaimRow, exportedAt: string) {
  const times = [
    ...row.assessments.map((a) => a.updatedAt),
    ...row.adjudications.map((a) => a.createdAt),
    ...(row.consensus.at ? [row.consensus.at] : []),
  ].sort();
  const created = times[0];
  const modified = times.at(-1);
  if (!created || !modified) return { created: exportedAt };
  return created === modified ? { created } : { created, modified };
}

function bodyText(row: ReviewClaimRow): string {
  if (row.status === 'UNREVIEWED') return 'Unreviewed: no reviewer has assessed this claim yet.';
  if (row.status === 'CONFLICT') {
    const verdicts = row.assessments
      .filter((a) => a.verdict !== null)
      .map((a) => `${a.reviewer}: ${STATUS_WORDS[a.verdict as keyof typeof STATUS_WORDS]}`);
    return `In conflict: the reviewers disagree (${verdicts.join('; ')}) and no adjudicator has decided yet.`;
  }
  const certainty = certaintyWords(row.certainty, row.downgradeReasons);
  return [
    `${STATUS_WORDS[row.status]}.`,
    `Evidence level: ${evidenceLevelWords(row.status, row.consensus.evidenceLevel)}.`,
    certainty ? `Certainty: ${certainty}.` : null,
    row.rationale ? `Rationale: ${row.rationale.trim()}` : null,
  ]
    .filter(Boolean)
    .join(' ');
}
