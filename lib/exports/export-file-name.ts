import { slugify } from '@/lib/documents/slugify';
import type { ReviewHeader } from './review-types';

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
