import { drawPdfExport } from './draw-pdf-export';
import type { ExportFormat } from './export-formats';
import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { claimReviewJsonLd } from './to-claim-review-jsonld';
import { csvExport } from './to-csv-export';
import { jsonExport } from './to-json-export';
import { markdownExport } from './to-markdown-export';
import { webAnnotations } from './to-web-annotations';

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
