import { describe, expect, it } from 'vitest';
import { parseReviewFilter } from '@/lib/exports/review-filter';
import { EXPORT_LINKS, exportHref, groupBySection, toSearchParams } from '@/lib/summary/summary-page';

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

describe('groupBySection', () => {
  it('groups consecutive rows of a section and keeps document order', () => {
    const rows = [
      { n: 1, sectionId: null, section: 'Before the first heading' },
      { n: 2, sectionId: 'a', section: 'A' },
      { n: 3, sectionId: 'a', section: 'A' },
      { n: 4, sectionId: 'b', section: 'B' },
      { n: 5, sectionId: 'a', section: 'A' },
    ];
    expect(groupBySection(rows).map((g) => [g.section, g.rows.map((r) => r.n)])).toEqual([
      ['Before the first heading', [1]],
      ['A', [2, 3]],
      ['B', [4]],
      ['A', [5]],
    ]);
    expect(groupBySection([])).toEqual([]);
  });
});

describe('toSearchParams', () => {
  it('keeps single and repeated values and drops undefined ones', () => {
    const params = toSearchParams({ only: 'conflicts', section: ['a', 'b'], missing: undefined });
    expect(params.get('only')).toBe('conflicts');
    expect(params.getAll('section')).toEqual(['a', 'b']);
    expect(params.has('missing')).toBe(false);
  });
});
