import { csvExport } from './csv-export';
import type { ExportFormat } from './export-formats';
import { claimReviewJsonLd, jsonExport, webAnnotations } from './json-exports';
import { markdownExport } from './markdown-export';
import { drawPdfExport } from './pdf-export';
import type { ReviewClaimRow, ReviewHeader } from './review-types';

export type ExportFormatter = (
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
) => AsyncIterable<string | Uint8Array>;

/** What writes each format, in the calling thread; the app calls them in an export worker (export-in-worker.ts). */
export const EXPORT_FORMATTERS: Record<ExportFormat, ExportFormatter> = {
  md: markdownExport,
  csv: csvExport,
  json: jsonExport,
  jsonld: claimReviewJsonLd,
  annotations: webAnnotations,
  pdf: drawPdfExport,
};
