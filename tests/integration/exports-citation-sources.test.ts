import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCitation } from '@/lib/citations/add-citation';
import { enrichCitationSources } from '@/lib/citations/enrich-citation-sources';
import { prisma } from '@/lib/db/prisma';
import { csvExport } from '@/lib/exports/csv-export';
import { claimReviewJsonLd, jsonExport } from '@/lib/exports/json-exports';
import { loadReviewHeader } from '@/lib/exports/load-review-header';
import { markdownExport } from '@/lib/exports/markdown-export';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import { reviewClaimBatches } from '@/lib/exports/review-claim-batches';
import schema from '@/lib/exports/review-export.schema.json';
import type { ReviewClaimRow, ReviewFilter, ReviewHeader } from '@/lib/exports/review-types';
import { assess } from '@/tests/support/assess';
import { startCitationSourceReplay } from '@/tests/support/citation-source-replay';
import { createDocument, createUser } from '@/tests/support/fixtures';

// Issue 22: a cited PMID or DOI that PubMed or Crossref has described is shown as a reference in every export,
// loaded with the claims in the export's own batch query; one not looked up yet shows as typed.

const APP_URL = 'https://review.example.org';
const ALL: ReviewFilter = { only: null, sectionId: null };
const PMID_REFERENCE =
  'Mischoulon D et al. Randomized, proof-of-concept trial of low dose naltrexone for patients with breakthrough symptoms of major depressive disorder on antidepressants. Journal of affective disorders, 2019 (PMID 31234567; randomised controlled trial)';
const DOI_REFERENCE =
  'Kowalski AB, Ribeiro T. Opioid antagonists for depression: a systematic review and meta-analysis. Psychiatry Research Reviews, 2020 (DOI 10.1000/LDN.2020.001; meta-analysis)';
// What an outside service might say: Markdown and HTML that must come out as text.
const HOSTILE_TITLE = 'A | table <img src=x onerror=alert(1)> [link](javascript:alert(1)) *bold*';
const HOSTILE_PMID = '98765432';

let replay: Awaited<ReturnType<typeof startCitationSourceReplay>>;
let documentId: string;

beforeAll(async () => {
  replay = await startCitationSourceReplay();
  const user = await createUser();
  const document = await createDocument(
    'LDN and mood\n\nLDN lifted mood in a small trial. It is cheap. Vivid dreams are common.\n',
  );
  documentId = document.id;
  const [first, second] = document.claims;
  if (!first || !second) throw new Error('Two claims expected');
  await assess({ claimId: first.id, reviewerId: user.id, verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2' });
  const cite = (claimId: string, identifier: string, title?: string) =>
    addCitation({ claimId, userId: user.id, identifier, relation: 'SUPPORTS', title });
  await cite(first.id, 'PMID: 31234567');
  await cite(first.id, 'https://doi.org/10.1000/LDN.2020.001');
  // Never looked up (as if offline): shown as typed.
  await cite(second.id, '55555555', 'Typed title of a pending source');
  await cite(second.id, HOSTILE_PMID);
  await enrichCitationSources({ urls: replay.urls });
  await prisma.citationSource.updateMany({ where: { identifier: '55555555' }, data: { status: 'PENDING' } });
  // Written as the cache writer would have, had PubMed answered this.
  await prisma.citationSource.update({
    where: { kind_identifier: { kind: 'PMID', identifier: HOSTILE_PMID } },
    data: {
      status: 'FOUND',
      title: HOSTILE_TITLE,
      journal: 'J <b>Bad</b>',
      year: 2021,
      authors: ['=cmd|x'],
      publicationTypes: [],
      fetchedAt: new Date(),
      nextAttemptAt: null,
    },
  });
});

afterAll(async () => {
  await replay.close();
});

async function exported(
  format: (
    header: ReviewHeader,
    batches: AsyncIterable<ReviewClaimRow[]>,
  ) => AsyncIterable<string | Uint8Array>,
) {
  const header = await loadReviewHeader({
    reader: { role: 'VIEWER' },
    documentId,
    filter: ALL,
    appUrl: APP_URL,
    exportedAt: new Date(),
  });
  const chunks: Array<string | Uint8Array> = [];
  for await (const chunk of format(header, reviewClaimBatches({ documentId, filter: ALL, appUrl: APP_URL })))
    chunks.push(chunk);
  return chunks;
}
const text = async (format: Parameters<typeof exported>[0]) => (await exported(format)).join('');

describe('citation metadata in the exports', () => {
  it('gives the JSON each citation’s looked-up source, valid against the schema, and none while pending', async () => {
    const json = JSON.parse(await text(jsonExport));
    const validate = addFormats(new Ajv2020({ allErrors: true, strict: false })).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const [first, second] = json.claims;
    expect(first.citations.map((c: { source: unknown }) => c.source)).toEqual([
      {
        title:
          'Randomized, proof-of-concept trial of low dose naltrexone for patients with breakthrough symptoms of major depressive disorder on antidepressants',
        journal: 'Journal of affective disorders',
        year: 2019,
        authors: expect.arrayContaining(['Mischoulon D']),
        publicationTypes: ['Journal Article', 'Randomized Controlled Trial'],
        suggestedStudyDesign: 'RANDOMISED_TRIAL',
        suggestedEvidenceLevel: 'LEVEL_2',
        lookedUpAt: expect.stringMatching(/Z$/),
      },
      expect.objectContaining({
        journal: 'Psychiatry Research Reviews',
        suggestedStudyDesign: 'META_ANALYSIS',
      }),
    ]);
    expect(second.citations[0]).toMatchObject({
      identifier: '55555555',
      title: 'Typed title of a pending source',
    });
    expect(second.citations[0].source).toBeNull();
    expect(second.citations[1].source.title).toBe(HOSTILE_TITLE);
  });

  it('writes references in the Markdown, escaped, and the pending citation as its link alone', async () => {
    const md = await text(markdownExport);
    const row = (n: number) => md.split('\n').find((l) => l.startsWith(`| ${n} |`)) ?? '';
    const first = row(1);
    expect(first).toContain(
      `${PMID_REFERENCE.replace(/\[|\]/g, '\\$&')} <https://pubmed.ncbi.nlm.nih.gov/31234567/>`,
    );
    expect(first).toContain(`${DOI_REFERENCE} <https://doi.org/10.1000/LDN.2020.001>`);
    const second = row(2);
    expect(second).toContain('<https://pubmed.ncbi.nlm.nih.gov/55555555/><br>');
    // Nothing from outside opens a tag, a link or a new cell.
    expect(second).toContain(
      'A \\| table \\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1)) \\*bold\\*. J \\<b\\>Bad\\</b\\>, 2021',
    );
    expect(second).not.toMatch(/(?<!\\)<(img|b>)/);
    expect(second.split(/(?<!\\)\|/)).toHaveLength(row(1).split(/(?<!\\)\|/).length);
  });

  it('writes references in the CSV after each link, with the typed title while pending', async () => {
    const records: string[][] = parse((await text(csvExport)).replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    });
    const column = (records[0] as string[]).indexOf('citations');
    expect(records[1]?.[column]).toBe(
      [
        `SUPPORTS https://pubmed.ncbi.nlm.nih.gov/31234567/ — ${PMID_REFERENCE}`,
        `SUPPORTS https://doi.org/10.1000/LDN.2020.001 — ${DOI_REFERENCE}`,
      ].join('\n'),
    );
    expect(records[2]?.[column]?.split('\n')[0]).toBe(
      'SUPPORTS https://pubmed.ncbi.nlm.nih.gov/55555555/ (Typed title of a pending source)',
    );
  });

  it('cites the looked-up works in the ClaimReview JSON-LD and prints the references in the PDF', async () => {
    const graph = JSON.parse(await text(claimReviewJsonLd))['@graph'];
    expect(graph[0].citation[0]).toMatchObject({
      '@type': 'ScholarlyArticle',
      url: 'https://pubmed.ncbi.nlm.nih.gov/31234567/',
      isPartOf: { '@type': 'Periodical', name: 'Journal of affective disorders' },
      datePublished: '2019',
    });
    const pdf = (await exported(drawPdfExport)) as Uint8Array[];
    const { text: printed } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(pdf))), {
      mergePages: true,
    });
    expect(printed.replace(/\s+/g, '')).toContain(`${PMID_REFERENCE} (supports)`.replace(/\s+/g, ''));
  });
});
