import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { claimReviewJsonLd, jsonExport, webAnnotations } from '@/lib/exports/json-exports';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';
import { localDocumentLoader } from './local-jsonld-loader';
import { APP_DOCUMENT_URL, BODY, collectText, inBatches, reviewHeader, sampleRows } from './review-fixture';

const S = 'http://schema.org/';
// safe mode makes expansion throw on any term the context does not define, instead of dropping it silently.
const EXPAND = { documentLoader: localDocumentLoader, safe: true };

type Expanded = Record<string, Array<Record<string, unknown>>>;
const first = (node: Expanded, term: string) => node[`${S}${term}`]?.[0] as Record<string, unknown>;
const value = (node: Expanded, term: string) => first(node, term)?.['@value'];
const id = (node: Expanded, term: string) => first(node, term)?.['@id'];

async function claimReviewsOf(rows = sampleRows(), header = reviewHeader(rows)) {
  const { text, chunks } = await collectText(claimReviewJsonLd(header, inBatches(rows)));
  return { text, chunks, parsed: JSON.parse(text) };
}

describe('claimReviewJsonLd', () => {
  it('writes a ClaimReview for each claim with a consensus verdict, and none for conflicts or unreviewed', async () => {
    const { parsed, chunks } = await claimReviewsOf();
    expect(parsed['@context']).toBe('https://schema.org');
    expect(parsed['@graph'].map((n: { claimReviewed: string }) => n.claimReviewed)).toEqual([
      sampleRows()[0]?.text,
      sampleRows()[1]?.text,
    ]);
    // The opening, one chunk for the first batch (both nodes; the second batch has none), then the close.
    expect(chunks).toHaveLength(3);
  });

  it('carries the rating, the claim, the organisation and the dates', async () => {
    const { parsed } = await claimReviewsOf();
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
      // The work it cites, with the title as typed until PubMed has said what it is.
      citation: [
        {
          '@type': 'ScholarlyArticle',
          url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
          name: 'A pilot trial',
        },
      ],
    });
    expect(speculative.reviewRating).toMatchObject({ ratingValue: 2, alternateName: 'Speculative' });
  });

  it('rates unsupported 1 and falls back to the app document URL when there is no source', async () => {
    const rows = sampleRows();
    const row = rows[0] as (typeof rows)[number];
    rows[0] = { ...row, status: 'UNSUPPORTED', consensus: { ...row.consensus, verdict: 'UNSUPPORTED' } };
    const header = reviewHeader(rows);
    const { parsed } = await claimReviewsOf(rows, {
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
    const { parsed } = await claimReviewsOf();
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
    const { parsed } = await claimReviewsOf(rows);
    expect(parsed['@graph']).toEqual([]);
    expect(await jsonld.expand(parsed, EXPAND)).toEqual([]);
  });
});

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

// The shared fixture's ids are short names; the schema wants the UUIDs the database hands out.
const uuid = (n: number) => `0190a0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const SECTION = uuid(900);
const REVIEWERS: Record<string, string> = { ana: uuid(901), ben: uuid(902) };

function withUuids(rows: ReviewClaimRow[]): ReviewClaimRow[] {
  return rows.map((row) => ({
    ...row,
    id: uuid(row.number),
    sectionId: SECTION,
    url: `https://review.example.org/documents/${uuid(0)}?claim=${uuid(row.number)}`,
    assessments: row.assessments.map((a) => ({ ...a, reviewerId: REVIEWERS[a.reviewerId] ?? a.reviewerId })),
  }));
}

function uuidHeader(rows: ReviewClaimRow[], overrides: Partial<ReviewHeader> = {}): ReviewHeader {
  const header = reviewHeader(rows, overrides);
  return {
    ...header,
    document: { ...header.document, id: uuid(0) },
    appDocumentUrl: `https://review.example.org/documents/${uuid(0)}`,
    reviewers: header.reviewers.map((r) => ({ ...r, id: REVIEWERS[r.id] ?? r.id })),
    sections: [{ id: SECTION, heading: 'Low-dose naltrexone and depression' }],
    ...overrides,
  };
}

function richRows(): ReviewClaimRow[] {
  const rows = withUuids(sampleRows());
  const [first, , third] = rows;
  if (!first || !third) throw new Error('fixture changed');
  first.adjudications = [
    {
      adjudicator: 'Ada Admin',
      verdict: 'SUPPORTED',
      evidenceLevel: 'LEVEL_2',
      note: 'Settled.',
      createdAt: '2026-11-22T08:00:00.000Z',
    },
  ];
  first.consensus = { ...first.consensus, adjudicated: true };
  third.comments = [
    {
      id: uuid(950),
      parentId: null,
      author: 'Ben Reviewer',
      body: 'Which trial?\n“Quoted”, 🙂',
      createdAt: '2026-11-21T10:00:00.000Z',
      resolvedAt: null,
    },
    {
      id: uuid(951),
      parentId: uuid(950),
      author: 'Ana Reviewer',
      body: 'The 2023 pilot.',
      createdAt: '2026-11-21T11:00:00.000Z',
      resolvedAt: '2026-11-21T12:00:00.000Z',
    },
  ];
  return rows;
}

async function jsonOf(rows: ReviewClaimRow[], header = uuidHeader(rows)) {
  const { text, chunks } = await collectText(jsonExport(header, inBatches(rows)));
  return { text, chunks, json: JSON.parse(text) };
}

describe('jsonExport', () => {
  it('writes the complete review, valid against the committed schema', async () => {
    const { json } = await jsonOf(richRows());
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    expect(json.schemaVersion).toBe(2);
    expect(json.claims).toHaveLength(4);
    expect(json.claims[0].adjudications[0].note).toBe('Settled.');
    expect(json.claims[2].comments[0].body).toBe('Which trial?\n“Quoted”, 🙂');
  });

  it('gives each claim W3C selectors that find its quote in the body', async () => {
    const { json } = await jsonOf(richRows());
    for (const claim of json.claims) {
      const [quote, position] = claim.selectors;
      expect(quote).toEqual({
        type: 'TextQuoteSelector',
        exact: claim.quote,
        prefix: claim.prefix,
        suffix: claim.suffix,
      });
      expect(BODY.slice(position.start, position.end)).toBe(quote.exact);
      expect(BODY.slice(position.start - quote.prefix.length, position.start)).toBe(quote.prefix);
    }
  });

  it('streams a batch at a time: the header indented, then one claim a line', async () => {
    const rows = richRows();
    const { text, chunks, json } = await jsonOf(rows);
    expect(chunks.length).toBe(2 + Math.ceil(rows.length / 2));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('  "schemaVersion": 2,');
    const claimLines = lines.filter((l) => l.startsWith('    {"id":'));
    expect(claimLines.map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual(json.claims);
    expect(text.endsWith('\n  ]\n}\n')).toBe(true);
  });

  it('writes a valid, empty review for a document without claims', async () => {
    const header = uuidHeader([], { reviewers: [], reviewPeriod: { first: null, last: null } });
    const { json, text } = await jsonOf([], header);
    expect(text.endsWith('"claims": []\n}\n')).toBe(true);
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    expect(json.claims).toEqual([]);
    expect(json.counts.total).toBe(0);
  });

  it('is strict: a field the schema does not name, or a missing one, is an error', async () => {
    const { json } = await jsonOf(richRows());
    expect(validate({ ...json, extra: true })).toBe(false);
    const { openComments: _, ...claimWithoutCount } = json.claims[0];
    expect(validate({ ...json, claims: [claimWithoutCount] })).toBe(false);
    expect(validate({ ...json, claims: [{ ...json.claims[0], status: 'MAYBE' }] })).toBe(false);
  });
});

const OA = 'http://www.w3.org/ns/oa#';
const AS = 'http://www.w3.org/ns/activitystreams#';

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

async function annotationsOf(rows: ReviewClaimRow[] = sampleRows(), header = reviewHeader(rows)) {
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
    const { parsed, chunks } = await annotationsOf();
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
    const { parsed } = await annotationsOf();
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
    const { parsed } = await annotationsOf();
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
    const { parsed } = await annotationsOf(rows, {
      ...header,
      filter: { only: 'conflicts', sectionId: 'section-1' },
      document: { ...header.document, sourceUrl: null },
    });
    expect(parsed.id).toBe(`${APP_DOCUMENT_URL}/export?only=conflicts&section=section-1&format=annotations`);
    expect(parsed.total).toBe(1);
    expect(parsed.first.items[0].target.source).toBe(APP_DOCUMENT_URL);
  });

  it('expands with a JSON-LD processor to the Web Annotation and Activity Streams terms', async () => {
    const { parsed } = await annotationsOf();
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
    const { parsed } = await annotationsOf([]);
    expect(parsed.total).toBe(0);
    expect(parsed.first.items).toEqual([]);
    await expect(jsonld.expand(parsed, EXPAND)).resolves.toHaveLength(1);
  });
});
