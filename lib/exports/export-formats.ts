import { slugify } from '@/lib/documents/slugify';
import type { ReviewHeader } from './review-types';

/** Every download of the summary, by the `format` the export URL names. export-formatters.ts writes each. */
export const EXPORT_FORMATS = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  // `header=present` (RFC 4180) tells importers the first row names the columns.
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  json: { contentType: 'application/json', extension: 'json' },
  jsonld: { contentType: 'application/ld+json', extension: 'jsonld' },
  annotations: {
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: 'annotations.jsonld',
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
} as const satisfies Record<string, { contentType: string; extension: string }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(format: string): format is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, format);
}

/**
 * The download's name says what it holds, so two exports of the same document with different filters do not
 * overwrite each other: `<slug>-review[-conflicts|-unsupported][-section-<heading>].<extension>`. Slugs are
 * ASCII, so the name needs no RFC 5987 encoding in Content-Disposition.
 */
export function exportFileName(header: ReviewHeader, extension: string): string {
  const parts = [header.document.slug, 'review'];
  if (header.filter.only) parts.push(header.filter.only);
  const section = header.sections.find((s) => s.id === header.filter.sectionId);
  if (section) parts.push('section', slugify(section.heading).slice(0, 40).replace(/-+$/, ''));
  return `${parts.join('-')}.${extension}`;
}
