import type { ExportFormat } from '@/lib/exports/export-formats';
import { reviewFilterQuery } from '@/lib/exports/review-filter';
import type { ReviewFilter } from '@/lib/exports/review-types';

// What the summary page needs beside its components: its query string, its export links, and its claims
// read in full and grouped by section.

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

type SectionGroup<R> = { sectionId: string | null; section: string; rows: R[] };

/**
 * Consecutive rows of the same section, in order. Claims come in document order, so each section is one group;
 * a section that somehow recurs later starts a new group rather than pulling rows out of order.
 */
export function groupBySection<R extends { sectionId: string | null; section: string }>(
  rows: readonly R[],
): Array<SectionGroup<R>> {
  const groups: Array<SectionGroup<R>> = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last.sectionId === row.sectionId) last.rows.push(row);
    else groups.push({ sectionId: row.sectionId, section: row.section, rows: [row] });
  }
  return groups;
}

/** All rows of a batched source. The summary page shows every claim at once, so it holds them all anyway. */
export async function collectBatches<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

/** A page's searchParams object as URLSearchParams, keeping repeated keys, so pages and routes parse alike. */
export function toSearchParams(query: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      params.append(key, item);
  }
  return params;
}
