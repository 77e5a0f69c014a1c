import type { Verdict } from '@/lib/domain/vocabulary';
import { reviewFilterQuery } from './review-filter';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { certaintyWords, claimStatusWords, evidenceLevelWords, STATUS_WORDS } from './review-words';
import { textChunks } from './text-chunks';

// The JSON family of exports: the review as plain JSON, as schema.org ClaimReview JSON-LD and as W3C Web
// Annotations, each streamed batch by batch.

/**
 * The complete review as JSON, valid against review-export.schema.json (`schemaVersion` 2): the header's fields,
 * then `claims`. Each claim carries its W3C selectors beside the flat `quote`, `start`, `end`, `prefix` and
 * `suffix`, so annotation tools can take them as they are.
 *
 * The header is indented for people; each claim is one compact line, which halves the size of a large export
 * and keeps it easy to read, diff and grep claim by claim. Claims are written in small chunks as their batches
 * arrive, so a large review streams instead of being built in memory.
 */
export async function* jsonExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  // The change list only names the claims that document.changes counts, and the schema (schemaVersion 2) is
  // closed, so the JSON leaves it out.
  const { changeList: _, ...fields } = header;
  // JSON.stringify(fields, null, 2) ends with "\n}"; the claims array goes in its place.
  yield `${JSON.stringify(fields, null, 2).slice(0, -2)},\n  "claims": [`;
  let first = true;
  for await (const batch of batches) {
    yield* textChunks(
      batch.map((claim) => {
        const line = `${first ? '\n    ' : ',\n    '}${JSON.stringify(jsonClaim(claim))}`;
        first = false;
        return line;
      }),
    );
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

function jsonClaim(claim: ReviewClaimRow) {
  return {
    ...claim,
    selectors: [
      { type: 'TextQuoteSelector', exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix },
      { type: 'TextPositionSelector', start: claim.start, end: claim.end },
    ],
  };
}

// schema.org fact checks rate "how true" with the best rating highest (publishers use 1 = false up to 5 = true),
// so the scale runs from the verdict that backs the claim least to the one that backs it most.
const RATING_VALUE: Record<Verdict, 1 | 2 | 3> = { UNSUPPORTED: 1, SPECULATIVE: 2, SUPPORTED: 3 };

/**
 * The review as schema.org ClaimReview JSON-LD: one node per claim with a consensus verdict, inside one
 * `@graph`. Unreviewed claims, claims still in review and open conflicts are left out because a ClaimReview publishes a rating and
 * they have none yet. Nodes are written batch by batch, so a large review streams.
 */
export function claimReviewJsonLd(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<string> {
  return streamJsonItems(
    { '@context': 'https://schema.org', '@graph': [JSON_ITEMS] },
    claimReviews(header, batches),
  );
}

async function* claimReviews(header: ReviewHeader, batches: AsyncIterable<ReviewClaimRow[]>) {
  const shared = sharedParts(header);
  for await (const batch of batches) {
    yield batch.flatMap((row) => {
      const verdict = row.consensus.verdict;
      if (
        verdict === null ||
        row.status === 'IN_REVIEW' ||
        row.status === 'CONFLICT' ||
        row.status === 'UNREVIEWED'
      )
        return [];
      return [claimReview(row, verdict, header.exportedAt, shared)];
    });
  }
}

type SharedParts = ReturnType<typeof sharedParts>;

// The document and organisation parts are the same on every node; they are built once per export.
function sharedParts({ document, organisation, appDocumentUrl }: ReviewHeader) {
  return {
    author: {
      '@type': 'Organization',
      name: organisation.name,
      ...(organisation.url ? { url: organisation.url } : {}),
    },
    itemReviewed: {
      '@type': 'Claim',
      // Without a source URL the app's copy of the document is the only place the claim can be read.
      appearance: {
        '@type': 'CreativeWork',
        url: document.sourceUrl ?? appDocumentUrl,
        name: document.title,
      },
      ...(document.author
        ? { author: { '@type': authorSchemaType(document.author), name: document.author } }
        : {}),
      ...(document.publishedOn ? { datePublished: document.publishedOn } : {}),
    },
  };
}

function claimReview(row: ReviewClaimRow, verdict: Verdict, exportedAt: string, shared: SharedParts) {
  const explanation = [`Evidence level: ${evidenceLevelWords(row.status, row.consensus.evidenceLevel)}.`];
  if (row.rationale?.trim()) explanation.push(row.rationale.trim());
  return {
    '@type': 'ClaimReview',
    url: row.url,
    claimReviewed: row.text,
    // A consensus without a recorded date is dated by the export rather than left undated.
    datePublished: (row.consensus.at ?? exportedAt).slice(0, 10),
    author: shared.author,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING_VALUE[verdict],
      worstRating: 1,
      bestRating: 3,
      alternateName: STATUS_WORDS[verdict],
      ratingExplanation: explanation.join(' '),
    },
    itemReviewed: shared.itemReviewed,
    ...(row.citations.length > 0 ? { citation: row.citations.map(citedWork) } : {}),
  };
}

/**
 * A citation as the schema.org work the review cites: its link, and once PubMed or Crossref has said what it
 * is, its title, authors, journal and year; until then the title as typed.
 */
function citedWork(citation: ReviewClaimRow['citations'][number]) {
  const source = citation.source;
  const name = source?.title ?? citation.title;
  return {
    '@type': citation.kind === 'URL' ? 'CreativeWork' : 'ScholarlyArticle',
    url: citation.url,
    ...(name ? { name } : {}),
    ...(source && source.authors.length > 0
      ? { author: source.authors.map((author) => ({ '@type': 'Person', name: author })) }
      : {}),
    ...(source?.journal ? { isPartOf: { '@type': 'Periodical', name: source.journal } } : {}),
    ...(source?.year ? { datePublished: String(source.year) } : {}),
  };
}

// An article's byline is free text, so whether it names a person or an organisation has to be guessed. The
// guess only picks the schema.org type of itemReviewed.author; the name is passed through unchanged.
const ORGANISATION_WORDS =
  /\b(inc|ltd|llc|gmbh|plc|co|corp|company|group|team|staff|editors?|editorial|board|newsroom|news|press|media|journal|magazine|foundation|institute|university|college|hospital|clinic|centre|center|association|society|council|agency|department|ministry|organi[sz]ation|network|alliance|trust|pharmacy|pharmaceuticals?|health|services?|labs?)\b/i;

/** 'Organization' when the byline reads like one ("Mayo Clinic Staff", "WHO Europe Team"), else 'Person'. */
function authorSchemaType(byline: string): 'Person' | 'Organization' {
  return ORGANISATION_WORDS.test(byline) ? 'Organization' : 'Person';
}

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
  if (row.status === 'IN_REVIEW') {
    return `${claimStatusWords(row)}: not enough reviewers have given a verdict yet for a consensus.`;
  }
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

/** Put this where the streamed items go: as the only element of the array that holds them. */
const JSON_ITEMS = '\u0000items';

// JSON.stringify always escapes U+0000, so the marker cannot be confused with any string in the document.
const MARKER = /\n( *)"\\u0000items"/;

/**
 * Writes `document` as indented JSON, with one array's items pulled batch by batch from `items`, so a large
 * export never holds more than a batch. Each item is one compact line, as the JSON export writes its claims:
 * indenting every item made a 10,000-claim export a quarter to a third larger and allocated half as much again
 * to write it. The array stays valid JSON when there are none.
 */
async function* streamJsonItems(document: object, items: AsyncIterable<object[]>): AsyncIterable<string> {
  const [head, indent = '', tail] = JSON.stringify(document, null, 2).split(MARKER);
  if (tail === undefined) throw new Error('streamJsonItems: the document has no JSON_ITEMS marker');
  yield head as string;
  let separator = '';
  for await (const batch of items) {
    yield* textChunks(
      batch.map((item) => {
        const line = `${separator}\n${indent}${JSON.stringify(item)}`;
        separator = ',';
        return line;
      }),
    );
  }
  yield `${tail}\n`;
}
