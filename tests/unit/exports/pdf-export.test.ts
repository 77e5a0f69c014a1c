import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { drawPdfExport } from '@/lib/exports/pdf-export';
import type { ReviewClaimRow, ReviewHeader } from '@/lib/exports/review-types';
import { inBatches, reviewHeader, reviewRow, sampleRows } from './review-fixture';

async function render(header: ReviewHeader, rows: ReviewClaimRow[]) {
  const chunks: Uint8Array[] = [];
  for await (const chunk of drawPdfExport(header, inBatches(rows, 50))) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  // pdf.js takes over the buffer it is given, so it gets a copy.
  const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: false,
  });
  const pages = text.map((page) => page.replace(/\s+/g, ' '));
  return { bytes, chunks, totalPages, pages, all: pages.join(' ') };
}

// Each drawn line comes out of the PDF as its own line, so a claim that wrapped has a break where the column
// ended (even inside "HAM-D", after the hyphen). Compared without whitespace, it reads as written.
const squash = (text: string) => text.replace(/\s+/g, '');
function expectPrinted(text: string, expected: string) {
  expect(squash(text), `"${expected}" in the PDF`).toContain(squash(expected));
}

const TABLE_HEADER = /# Claim Verdict Evidence level Certainty Rationale Citations Open threads/;

function manyRows(count: number): ReviewClaimRow[] {
  const base = sampleRows();
  return Array.from({ length: count }, (_, i) => {
    const row = base[i % base.length] as ReviewClaimRow;
    return { ...row, id: `claim-${i + 1}`, number: i + 1, text: `Claim number ${i + 1}: ${row.text}` };
  });
}

describe('drawPdfExport', () => {
  it('prints Greek letters, curly quotes, dashes and the minus sign as written, and emoji as text', async () => {
    const rows = sampleRows();
    const { bytes, all } = await render(reviewHeader(rows), rows);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectPrinted(all, 'LDN raises “endorphin” levels — by some 20–30 % in one small study.');
    expectPrinted(all, 'Effects on the κ and μ opioid receptors suggest a mood benefit.');
    expectPrinted(all, 'A change of −2 points on the HAM-D scale [emoji] was reported in 12 patients.');
    for (const verdict of ['✓ Supported', '~ Speculative', '! In conflict', '○ Unreviewed']) {
      expect(all).toContain(verdict);
    }
    expectPrinted(all, 'Ben Reviewer: Unsupported');
    expectPrinted(all, 'Moderate Downgraded: imprecision');
    expectPrinted(all, 'PMID 12345678 (supports)');
  });

  it('carries the summary: header, counts, the verdict by evidence level table and agreement', async () => {
    const rows = sampleRows();
    const { pages } = await render(reviewHeader(rows), rows);
    const summary = pages[0] ?? '';
    expect(summary).toContain('Low-dose naltrexone and depression');
    expect(summary).toContain('Source https://news.example.com/ldn');
    expect(summary).toContain('Author Dr Jane Doe');
    expect(summary).toContain('Reviewers Ana Reviewer, Ben Reviewer');
    expect(summary).toContain('Review period 2026-11-20 to 2026-11-21');
    expect(summary).toContain('Review mode Open review');
    expect(summary).toContain('Claims shown All claims');
    expect(summary).toMatch(
      /1 ✓ Supported 1 ~ Speculative 0 ✗ Unsupported 0 ◐ In review 1 ! In conflict 1 ○ Unreviewed 4 Total/,
    );
    expect(summary).toContain('✓ Supported 0 1 0 0 0 0 1');
    expect(summary).toContain("Verdict Cohen's kappa");
    expect(summary).toContain('Landis & Koch');
  });

  it('repeats the table header and numbers the pages when the claims run over many pages', async () => {
    const rows = manyRows(300);
    const { pages, totalPages, chunks } = await render(reviewHeader(rows), rows);
    expect(totalPages).toBeGreaterThan(5);
    pages.slice(1).forEach((page, i) => {
      expect(page, `page ${i + 2}`).toMatch(TABLE_HEADER);
      expect(page, `page ${i + 2}`).toContain(`Page ${i + 2}`);
    });
    // A section that carries on past a page break is named again at the top of the next page.
    expect(pages[2]).toContain('Low-dose naltrexone and depression (continued)');
    const all = pages.join(' ');
    for (const n of [1, 150, 300]) expectPrinted(all, `Claim number ${n}:`);
    // Pages leave as they are finished rather than all at the end.
    expect(chunks.length).toBeGreaterThan(2);
  });

  it('splits a claim taller than a page across pages without losing any of its text', async () => {
    const words = Array.from({ length: 1_500 }, (_, i) => `w${i}`).join(' ');
    const rows = [
      reviewRow(1, 'LDN raises', {
        status: 'SUPPORTED',
        consensus: { verdict: 'SUPPORTED', evidenceLevel: 'LEVEL_2', at: '2026-11-20T09:30:00.000Z' },
        rationale: `START ${words} END`,
      }),
      reviewRow(2, 'LDN cures'),
    ];
    const { all, totalPages } = await render(reviewHeader(rows), rows);
    expect(totalPages).toBeGreaterThan(2);
    expect(all).toContain('1 cont.');
    const printed = all.match(/w\d+/g) ?? [];
    expect(new Set(printed).size).toBe(1_500);
    expect(all).toContain('START');
    expect(all).toContain('END');
    expectPrinted(all, 'LDN cures depression in every patient.');
  });

  it('keeps a five-digit claim number on one line in the "#" column', async () => {
    const rows = [reviewRow(10_000, 'LDN raises'), reviewRow(99_999, 'LDN cures')];
    const { all } = await render(reviewHeader(rows), rows);
    // pdf.js gives each drawn line as an item, so a number broken over two lines would come out split.
    expect(all).toMatch(/(^| )10000 /);
    expect(all).toMatch(/(^| )99999 /);
  });

  it('puts the title in every footer, cut short with an ellipsis when it is too long for one line', async () => {
    const rows = sampleRows();
    const short = await render(reviewHeader(rows), rows);
    expect(short.pages[0]).toContain('Review summary · Low-dose naltrexone and depression Page 1');
    const title = `Low-dose naltrexone ${'and depression '.repeat(40)}in adults`;
    const header = reviewHeader(rows);
    const long = await render({ ...header, document: { ...header.document, title } }, rows);
    for (const [i, page] of long.pages.entries()) {
      expect(page, `page ${i + 1}`).toMatch(
        new RegExp(`Review summary · Low-dose naltrexone and depression[a-z ]*… Page ${i + 1} `),
      );
    }
    expect(long.all).not.toContain('in adults…');
  });

  it('makes a valid, empty report for a document with no claims', async () => {
    const { totalPages, all } = await render(reviewHeader([]), []);
    expect(totalPages).toBe(2);
    expect(all).toMatch(TABLE_HEADER);
    expect(all).toContain('This document has no claims');
  });

  it('fails with the reason when the claims fail to load part-way', async () => {
    const rows = manyRows(300);
    async function* failing(): AsyncIterable<ReviewClaimRow[]> {
      yield rows.slice(0, 10);
      throw new Error('the database went away');
    }
    const chunks = async () => {
      for await (const _ of drawPdfExport(reviewHeader(rows), failing()));
    };
    await expect(chunks()).rejects.toThrow('the database went away');
  });
});
