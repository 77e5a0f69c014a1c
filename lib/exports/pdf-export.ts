import PDFDocument from 'pdfkit';
import { pdfClaimsTable } from './pdf-claims-table';
import { newPdfPage, numberPages } from './pdf-page';
import { drawPdfSummary } from './pdf-summary';
import { fontHasGlyph, layoutCacheReset, PDF_FONT, pdfFontFiles, pdfSafeText } from './pdf-text';
import { drawPdfVersionChanges, PDF_CHANGES_PER_PAUSE } from './pdf-version-changes';
import type { ReviewClaimRow, ReviewHeader } from './review-types';

// Drawing is synchronous; every so many rows the output so far goes to the reader.
const ROWS_PER_CHUNK = 100;
// And every so many rows pdfkit and the table forget the words they have laid out (see layoutCacheReset).
const ROWS_PER_LAYOUT_CACHE = 500;

/**
 * The review summary as a PDF, drawn in the calling thread (the app calls it in an export worker, see
 * export-in-worker.ts): A4, embedded DejaVu Sans so every character of the claims prints as written; the
 * summary on portrait pages, then the claims table on landscape pages with its header on each. Pages are
 * yielded as they are finished, so memory holds about a hundred rows of output, not the whole file.
 */
export async function* drawPdfExport(
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
): AsyncIterable<Uint8Array> {
  const fonts = pdfFontFiles();
  const doc = new PDFDocument({
    autoFirstPage: false,
    // The default font is DejaVu from the start, so pdfkit never loads its built-in Helvetica files. pdfkit
    // takes a font's bytes here as it does in doc.font(); its type definitions only list a path.
    font: fonts.regular as unknown as string,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Review summary: ${header.document.title}`,
      Author: header.organisation.name,
      Subject: 'Evidence review of the claims in a health article',
      CreationDate: new Date(header.exportedAt),
    },
  });
  doc.registerFont(PDF_FONT.regular, fonts.regular);
  doc.registerFont(PDF_FONT.bold, fonts.bold);
  const forgetLayouts = layoutCacheReset(doc);
  doc.font(PDF_FONT.regular);
  const hasGlyph = fontHasGlyph(doc);
  const safe = (text: string) => pdfSafeText(text, hasGlyph);

  // The document is a readable stream left paused: what pdfkit has written so far is taken synchronously, as one
  // chunk, instead of waiting for its data events, which would arrive only once drawing gave the event loop a turn.
  const flush = function* () {
    const written: Buffer | null = doc.read();
    if (written) yield written;
  };

  numberPages(doc, safe(`Review summary · ${header.document.title}`));
  newPdfPage(doc, 'portrait');
  drawPdfSummary(doc, header, safe);
  let paused = 0;
  for (const _ of drawPdfVersionChanges(doc, header, safe)) {
    paused += 1;
    if ((paused * PDF_CHANGES_PER_PAUSE) % ROWS_PER_LAYOUT_CACHE === 0) forgetLayouts();
    yield* flush();
  }
  const table = pdfClaimsTable(doc, safe);
  table.start(`Claims (${header.counts.total.toLocaleString('en')})`);
  yield* flush();

  let drawn = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      table.addRow(row);
      drawn += 1;
      if (drawn % ROWS_PER_LAYOUT_CACHE === 0) {
        forgetLayouts();
        table.forgetWords();
      }
      if (drawn % ROWS_PER_CHUNK === 0) yield* flush();
    }
  }
  table.finish(
    header.filter.only || header.filter.sectionId
      ? 'No claims match this filter.'
      : 'This document has no claims, so there is nothing to list.',
  );
  doc.end();
  yield* flush();
}
