import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { claimReviewJsonLd } from '@/lib/exports/to-claim-review-jsonld';
import { localDocumentLoader } from './local-jsonld-loader';
import { collectText, inBatches, reviewHeader, sampleRows } from './review-fixture';

const S = 'http://schema.org/';
// safe mode makes expansion throw on any term the context does not define, instead of dropping it silently.
const EXPAND = { documentLoader: localDocumentLoader, safe: true };

type Expanded = Record<string, Array<Record<string, unknown>>>;
const first = (node: Expanded, term: string) => node[`${S}${term}`]?.[0] as Record<string, unknown>;
const value = (node: Expanded, term: string) => first(node, term)?.['@value'];
const id = (node: Expanded, term: string) => first(node, term)?.['@id'];

async function exportOf(rows = sampleRows(), header = reviewHeader(rows)) {
  const { text, chunks } = await collectText(claimReviewJsonLd(header, inBatches(rows)));
  return { text, chunks, parsed: JSON.parse(text) };
}

describe('claimReviewJsonLd', () => {
  it('writes a ClaimReview for each claim with a consensus verdict, and none for conflicts or unreviewed', async () => {
    const { parsed, chunks } = await exportOf();
    expect(parsed['@context']).toBe('https://schema.org');
    expect(parsed['@graph'].map((n: { claimReviewed: string }) => n.claimReviewed)).toEqual([
      sampleRows()[0]?.text,
      sampleRows()[1]?.text,
    ]);
    // The opening, one chunk for the first batch (both nodes; the second batch has none), then the close.
    expect(chunks).toHaveLength(3);
  });

  it('carries the rating, the claim, the organisation and the dates', async () => {
    const { parsed } = await exportOf();
    const [supported, speculative] = parsed['@graph'];
    expect(supported).toEqual({
      '@type': 'ClaimReview',
      url: sampleRows()[0]?.url,
      claimReviewed: sampleRows()[0]?.text,
      datePublished: '2026-11-20',
      author: { '@type': 'Organization', name: 'Evidence Review Team', url: 'https://review.example.org' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 3,
        worstRating: 1,
        bestRating: 3,
        alternateName: 'Supported',
        ratingExplanation:
          'Evidence level: Oxford CEBM level 2 (randomised trial). Ana Reviewer: A small randomised trial shows it.',
      },
      itemReviewed: {
        '@type': 'Claim',
        appearance: {
          '@type': 'CreativeWork',
          url: 'https://news.example.com/ldn',
          name: 'Low-dose naltrexone and depression',
        },
        author: { '@type': 'Person', name: 'Dr Jane Doe' },
        datePublished: '2023-03-29',
      },
    });
    expect(speculative.reviewRating).toMatchObject({ ratingValue: 2, alternateName: 'Speculative' });
  });

  it('rates unsupported 1 and falls back to the app document URL when there is no source', async () => {
    const rows = sampleRows();
    const row = rows[0] as (typeof rows)[number];
    rows[0] = { ...row, status: 'UNSUPPORTED', consensus: { ...row.consensus, verdict: 'UNSUPPORTED' } };
    const header = reviewHeader(rows);
    const { parsed } = await exportOf(rows, {
      ...header,
      organisation: { name: 'Team', url: null },
      document: { ...header.document, sourceUrl: null, author: 'Mayo Clinic Staff', publishedOn: null },
    });
    const node = parsed['@graph'][0];
    expect(node.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Unsupported' });
    expect(node.itemReviewed.appearance.url).toBe(header.appDocumentUrl);
    expect(node.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Mayo Clinic Staff' });
    expect(node.itemReviewed).not.toHaveProperty('datePublished');
    expect(node.author).toEqual({ '@type': 'Organization', name: 'Team' });
  });

  it('expands with a JSON-LD processor to the schema.org terms', async () => {
    const { parsed } = await exportOf();
    const expanded = (await jsonld.expand(parsed, EXPAND)) as unknown as Expanded[];
    expect(expanded).toHaveLength(2);
    const node = expanded[0] as Expanded;
    expect(node['@type']).toEqual([`${S}ClaimReview`]);
    expect(value(node, 'claimReviewed')).toBe(sampleRows()[0]?.text);
    expect(id(node, 'url')).toBe(sampleRows()[0]?.url);
    const rating = first(node, 'reviewRating') as unknown as Expanded;
    expect(rating['@type']).toEqual([`${S}Rating`]);
    expect(value(rating, 'ratingValue')).toBe(3);
    expect(value(rating, 'bestRating')).toBe(3);
    expect(value(rating, 'worstRating')).toBe(1);
    expect(value(rating, 'alternateName')).toBe('Supported');
    expect(value(rating, 'ratingExplanation')).toMatch(/randomised trial/);
    const claim = first(node, 'itemReviewed') as unknown as Expanded;
    expect(claim['@type']).toEqual([`${S}Claim`]);
    const appearance = first(claim, 'appearance') as unknown as Expanded;
    expect(id(appearance, 'url')).toBe('https://news.example.com/ldn');
    expect(value(first(claim, 'author') as unknown as Expanded, 'name')).toBe('Dr Jane Doe');
    const author = first(node, 'author') as unknown as Expanded;
    expect(author['@type']).toEqual([`${S}Organization`]);
  });

  it('writes a valid, empty graph for a review with no reviewed claims', async () => {
    const rows = sampleRows().slice(2);
    const { parsed } = await exportOf(rows);
    expect(parsed['@graph']).toEqual([]);
    expect(await jsonld.expand(parsed, EXPAND)).toEqual([]);
  });
});
