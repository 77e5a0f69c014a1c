import type { ReviewClaimRow, ReviewHeader } from './review-types';
import { claimReviewJsonLd } from './to-claim-review-jsonld';
import { csvExport } from './to-csv-export';
import { jsonExport } from './to-json-export';
import { markdownExport } from './to-markdown-export';
import { pdfExport } from './to-pdf-export';
import { webAnnotations } from './to-web-annotations';

export type ExportFormatter = (
  header: ReviewHeader,
  batches: AsyncIterable<ReviewClaimRow[]>,
) => AsyncIterable<string | Uint8Array>;

/** Every download of the summary, by the `format` the export URL names. */
export const EXPORT_FORMATS = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md', render: markdownExport },
  // `header=present` (RFC 4180) tells importers the first row names the columns.
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv', render: csvExport },
  json: { contentType: 'application/json', extension: 'json', render: jsonExport },
  jsonld: { contentType: 'application/ld+json', extension: 'jsonld', render: claimReviewJsonLd },
  annotations: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: 'annotations.jsonld',
    render: webAnnotations,
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', render: pdfExport },
} as const satisfies Record<string, { contentType: string; extension: string; render: ExportFormatter }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(format: string): format is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, format);
}
