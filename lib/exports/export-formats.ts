import { slugify } from '@/lib/documents/slugify';
import { sectionLabel } from '@/lib/domain/sections';
import type { ReviewFilter, ReviewHeader } from './review-types';

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
  // The label, not the bare heading, so the two sections of a repeated heading download under two names.
  const section = sectionLabel(header.sections, header.filter.sectionId);
  if (section !== null) parts.push('section', slugify(section).slice(0, 40).replace(/-+$/, ''));
  return `${parts.join('-')}.${extension}`;
}

const CLAIM_REVIEW_NEEDS_VERDICTS =
  'ClaimReview JSON-LD publishes only claims with a consensus verdict, and claims in conflict have none yet.';

/**
 * Why a format can hold nothing under this filter, whatever the claims: ClaimReview JSON-LD leaves out claims
 * in conflict, so "only conflicts" always gives an empty @graph. The export route refuses such a request with
 * this reason (400), as it refuses an unknown format: it could never be worth asking for.
 */
export function alwaysEmptyExport(format: ExportFormat, filter: ReviewFilter): string | null {
  return format === 'jsonld' && filter.only === 'conflicts' ? CLAIM_REVIEW_NEEDS_VERDICTS : null;
}

/**
 * Why a download of the summary would be empty, or null when it holds something. CSV and Web Annotations hold
 * only the claims, so they are empty when none is shown; ClaimReview JSON-LD holds only claims with a
 * consensus verdict. Markdown, JSON and the PDF always carry the document, its counts and agreement. The
 * summary shows such a download disabled with this reason. The route still serves one that is empty only
 * because of the claims as they stand, as an honest empty file: the next assessment may fill it, and a script
 * that exports on a schedule should not fail meanwhile.
 */
export function emptyExportReason(
  format: ExportFormat,
  { filter, counts }: Pick<ReviewHeader, 'filter' | 'counts'>,
): string | null {
  const always = alwaysEmptyExport(format, filter);
  if (always) return always;
  if (format !== 'csv' && format !== 'annotations' && format !== 'jsonld') return null;
  if (counts.total === 0) {
    return filter.only === null && filter.sectionId === null
      ? 'This document has no claims.'
      : 'No claims match these filters.';
  }
  if (format === 'jsonld' && counts.SUPPORTED + counts.SPECULATIVE + counts.UNSUPPORTED === 0) {
    return 'ClaimReview JSON-LD publishes only claims with a consensus verdict, and none of the claims shown has one yet.';
  }
  return null;
}
