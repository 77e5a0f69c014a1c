import PDFDocument from 'pdfkit';
import { pdfClaimsTable } from './pdf-claims-table';
import { fontHasGlyph, PDF_FONT, pdfFontFiles } from './pdf-fonts';
import { newPdfPage, numberPages } from './pdf-page';
import { pdfSafeText } from './pdf-safe-text';
import { drawPdfSummary } from './pdf-summary';
import type { ReviewClaimRow, ReviewHeader } from './review-types';

// Drawing is synchronous; pausing every so many rows lets pdfkit's data events reach the reader and lets the
// server answer other requests while a long PDF is made.
const ROWS_PER_PAUSE = 100;

/**
 * The review summary as a PDF (A4, embedded DejaVu Sans so every character of the claims prints as written):
 * the summary on portrait pages, then the claims table on landscape pages with its header on each. Pages are
 * yielded as they are finished, so memory holds about a hundred rows of output, not the whole file.
 */
export async function* pdfExport(
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
  doc.font(PDF_FONT.regular);
  const hasGlyph = fontHasGlyph(doc);
  const safe = (text: string) => pdfSafeText(text, hasGlyph);

  const output: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => output.push(chunk));
  // pdfkit emits a chunk per object it writes; they go out joined, one chunk per pause, not thousands.
  const flush = function* () {
    if (output.length > 0) yield Buffer.concat(output.splice(0));
  };

  numberPages(doc, safe(`Review summary · ${header.document.title}`));
  newPdfPage(doc, 'portrait');
  drawPdfSummary(doc, header, safe);
  const table = pdfClaimsTable(doc, safe);
  table.start(`Claims (${header.counts.total.toLocaleString('en')})`);
  yield* flush();

  let drawn = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      table.addRow(row);
      drawn += 1;
      if (drawn % ROWS_PER_PAUSE === 0) {
        await new Promise(setImmediate);
        yield* flush();
      }
    }
  }
  table.finish(
    header.filter.only || header.filter.sectionId
      ? 'No claims match this filter.'
      : 'This document has no claims, so there is nothing to list.',
  );
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.end();
  await ended;
  yield* flush();
}
