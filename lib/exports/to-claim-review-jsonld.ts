import type { Verdict } from '@/lib/domain/vocabulary';
import { authorSchemaType } from './author-schema-type';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { evidenceLevelWords, STATUS_WORDS } from './review-words';
import { JSON_ITEMS, streamJsonItems } from './stream-json-items';

// schema.org fact checks rate "how true" with the best rating highest (publishers use 1 = false up to 5 = true),
// so the scale runs from the verdict that backs the claim least to the one that backs it most.
const RATING_VALUE: Record<Verdict, 1 | 2 | 3> = { UNSUPPORTED: 1, SPECULATIVE: 2, SUPPORTED: 3 };

/**
 * The review as schema.org ClaimReview JSON-LD: one node per claim with a consensus verdict, inside one
 * `@graph`. Unreviewed claims and open conflicts are left out because a ClaimReview publishes a rating and
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
      if (verdict === null || row.status === 'CONFLICT' || row.status === 'UNREVIEWED') return [];
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
  };
}
