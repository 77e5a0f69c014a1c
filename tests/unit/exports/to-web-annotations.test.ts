import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import type { ReviewClaimRow } from '@/lib/exports/review-types';
import { webAnnotations } from '@/lib/exports/to-web-annotations';
import { localDocumentLoader } from './local-jsonld-loader';
import { APP_DOCUMENT_URL, BODY, collectText, inBatches, reviewHeader, sampleRows } from './review-fixture';

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';
const EXPAND = { documentLoader: localDocumentLoader, safe: true };

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };
type Annotation = {
  id: string;
  motivation: string;
  created: string;
  modified?: string;
  body: { type: string; value: string; format: string; language: string; purpose: string };
  target: { source: string; selector: Selector[] };
};
type Node = Record<string, Array<Record<string, unknown>>>;

async function exportOf(rows: ReviewClaimRow[] = sampleRows(), header = reviewHeader(rows)) {
  const { text, chunks } = await collectText(webAnnotations(header, inBatches(rows)));
  return { text, chunks, parsed: JSON.parse(text) };
}

/** Where a TextQuoteSelector lands in the body: the one place its prefix + exact + suffix occurs. */
function quoteStart(
  body: string,
  { exact, prefix, suffix }: { exact: string; prefix: string; suffix: string },
) {
  const at = body.indexOf(prefix + exact + suffix);
  expect(body.indexOf(prefix + exact + suffix, at + 1), 'the quote selector is ambiguous').toBe(-1);
  return at < 0 ? -1 : at + prefix.length;
}

describe('webAnnotations', () => {
  it('writes one AnnotationCollection with every claim, reviewed or not, in its first page', async () => {
    const { parsed, chunks } = await exportOf();
    expect(parsed).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `${APP_DOCUMENT_URL}/export?format=annotations`,
      type: 'AnnotationCollection',
      label: 'Evidence review of “Low-dose naltrexone and depression”',
      total: 4,
      first: {
        id: `${APP_DOCUMENT_URL}/export?format=annotations#page1`,
        type: 'AnnotationPage',
        startIndex: 0,
      },
    });
    expect(parsed.first.items).toHaveLength(4);
    // The opening, one chunk per batch of two, then the close.
    expect(chunks).toHaveLength(4);
  });

  it('gives each annotation the assessing motivation, a textual body and both selectors', async () => {
    const { parsed } = await exportOf();
    const [supported, speculative, conflict, unreviewed] = parsed.first.items as Annotation[];
    expect(supported).toMatchObject({
      id: `${sampleRows()[0]?.url}#annotation`,
      type: 'Annotation',
      motivation: 'assessing',
      created: '2026-11-20T09:30:00.000Z',
      creator: { type: 'Organization', name: 'Evidence Review Team', homepage: 'https://review.example.org' },
      body: { type: 'TextualBody', format: 'text/plain', language: 'en', purpose: 'assessing' },
      target: { source: 'https://news.example.com/ldn' },
    });
    expect(supported?.body.value).toBe(
      'Supported. Evidence level: Oxford CEBM level 2 (randomised trial). Certainty: Moderate (GRADE), ' +
        'downgraded for imprecision. Rationale: Ana Reviewer: A small randomised trial shows it.',
    );
    expect(speculative?.body.value).toMatch(/^Speculative\. Evidence level: Oxford CEBM level 5/);
    expect(conflict?.body.value).toBe(
      'In conflict: the reviewers disagree (Ana Reviewer: Supported; Ben Reviewer: Unsupported) and no ' +
        'adjudicator has decided yet.',
    );
    expect(unreviewed?.body.value).toBe('Unreviewed: no reviewer has assessed this claim yet.');
    // Nobody has touched the unreviewed claim, so the export dates it.
    expect(unreviewed?.created).toBe('2026-11-29T12:00:00.000Z');
  });

  it('has quote and position selectors that find the same text in the document body', async () => {
    const { parsed } = await exportOf();
    for (const annotation of parsed.first.items as Annotation[]) {
      const quote = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = annotation.target.selector.find((s) => s.type === 'TextPositionSelector');
      if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') {
        throw new Error('an annotation is missing a selector');
      }
      expect(BODY.slice(position.start, position.end)).toBe(quote.exact);
      expect(quoteStart(BODY, quote)).toBe(position.start);
    }
  });

  it('targets the app document when there is no source URL, and names a filtered collection apart', async () => {
    const rows = sampleRows().filter((r) => r.status === 'CONFLICT');
    const header = reviewHeader(rows);
    const { parsed } = await exportOf(rows, {
      ...header,
      filter: { only: 'conflicts', sectionId: 'section-1' },
      document: { ...header.document, sourceUrl: null },
    });
    expect(parsed.id).toBe(`${APP_DOCUMENT_URL}/export?only=conflicts&section=section-1&format=annotations`);
    expect(parsed.total).toBe(1);
    expect(parsed.first.items[0].target.source).toBe(APP_DOCUMENT_URL);
  });

  it('expands with a JSON-LD processor to the Web Annotation and Activity Streams terms', async () => {
    const { parsed } = await exportOf();
    const [collection] = (await jsonld.expand(parsed, EXPAND)) as unknown as Node[];
    expect(collection?.['@type']).toEqual([`${AS}OrderedCollection`]);
    expect(collection?.[`${AS}totalItems`]?.[0]?.['@value']).toBe(4);
    const page = collection?.[`${AS}first`]?.[0] as Node;
    expect(page['@type']).toEqual([`${AS}OrderedCollectionPage`]);
    const items = (page[`${AS}items`]?.[0]?.['@list'] ?? []) as Node[];
    expect(items).toHaveLength(4);
    const annotation = items[0] as Node;
    expect(annotation['@type']).toEqual([`${OA}Annotation`]);
    expect(annotation[`${OA}motivatedBy`]).toEqual([{ '@id': `${OA}assessing` }]);
    const body = annotation[`${OA}hasBody`]?.[0] as Node;
    expect(body['@type']).toEqual([`${OA}TextualBody`]);
    expect(body[`${OA}hasPurpose`]).toEqual([{ '@id': `${OA}assessing` }]);
    expect(body['http://www.w3.org/1999/02/22-rdf-syntax-ns#value']?.[0]?.['@value']).toMatch(/^Supported\./);
    const target = annotation[`${OA}hasTarget`]?.[0] as Node;
    expect(target[`${OA}hasSource`]).toEqual([{ '@id': 'https://news.example.com/ldn' }]);
    const selectors = target[`${OA}hasSelector`] as Node[];
    expect(selectors.map((s) => s['@type'])).toEqual([
      [`${OA}TextQuoteSelector`],
      [`${OA}TextPositionSelector`],
    ]);
    expect(selectors[0]?.[`${OA}exact`]?.[0]?.['@value']).toBe(sampleRows()[0]?.quote);
    expect(selectors[1]?.[`${OA}start`]?.[0]?.['@value']).toBe(sampleRows()[0]?.start);
    expect(annotation['http://purl.org/dc/terms/creator']?.[0]?.['@type']).toEqual([
      'http://xmlns.com/foaf/0.1/Organization',
    ]);
  });

  it('writes a valid, empty collection for a document with no claims', async () => {
    const { parsed } = await exportOf([]);
    expect(parsed.total).toBe(0);
    expect(parsed.first.items).toEqual([]);
    await expect(jsonld.expand(parsed, EXPAND)).resolves.toHaveLength(1);
  });
});
