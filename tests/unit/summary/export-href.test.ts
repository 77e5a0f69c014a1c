import { describe, expect, it } from 'vitest';
import { parseReviewFilter } from '@/lib/exports/review-filter';
import { EXPORT_LINKS, exportHref } from '@/lib/summary/export-href';

const SECTION = '0190a0c4-0000-7000-8000-0000000000aa';

describe('exportHref', () => {
  it('links each format with no filter', () => {
    expect(
      EXPORT_LINKS.map(({ format }) => exportHref('doc-1', format, { only: null, sectionId: null })),
    ).toEqual([
      '/documents/doc-1/export?format=md',
      '/documents/doc-1/export?format=csv',
      '/documents/doc-1/export?format=json',
      '/documents/doc-1/export?format=jsonld',
      '/documents/doc-1/export?format=annotations',
      '/documents/doc-1/export?format=pdf',
    ]);
  });

  it('carries the filter, which the export reads back unchanged', () => {
    const filter = { only: 'conflicts' as const, sectionId: SECTION };
    const href = exportHref('doc-1', 'csv', filter);
    expect(href).toBe(`/documents/doc-1/export?format=csv&only=conflicts&section=${SECTION}`);
    expect(parseReviewFilter(new URL(href, 'https://example.org').searchParams)).toEqual(filter);
  });
});
