import type { ExportFormat } from '@/lib/exports/export-formats';
import { reviewFilterQuery } from '@/lib/exports/review-filter';
import type { ReviewFilter } from '@/lib/exports/review-types';

/** The downloads the summary offers, in the order it lists them. */
export const EXPORT_LINKS: ReadonlyArray<{ format: ExportFormat; label: string }> = [
  { format: 'md', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'jsonld', label: 'ClaimReview JSON-LD' },
  { format: 'annotations', label: 'Web Annotations' },
  { format: 'pdf', label: 'PDF' },
];

/** The export link for one format, carrying the summary's filter so the download matches what is on screen. */
export function exportHref(documentId: string, format: ExportFormat, filter: ReviewFilter): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of reviewFilterQuery(filter)) query.set(key, value);
  return `/documents/${documentId}/export?${query}`;
}
