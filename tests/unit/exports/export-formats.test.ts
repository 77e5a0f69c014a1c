import { describe, expect, it } from 'vitest';
import {
  alwaysEmptyExport,
  EXPORT_FORMATS,
  type ExportFormat,
  emptyExportReason,
  exportFileName,
} from '@/lib/exports/export-formats';
import { reviewHeader, reviewRow, sampleRows } from './review-fixture';

describe('exportFileName', () => {
  const header = reviewHeader([]);
  it('names the document and the filter', () => {
    expect(exportFileName(header, 'csv')).toBe('low-dose-naltrexone-depression-review.csv');
    expect(exportFileName({ ...header, filter: { only: 'conflicts', sectionId: null } }, 'md')).toBe(
      'low-dose-naltrexone-depression-review-conflicts.md',
    );
    expect(
      exportFileName(
        {
          ...header,
          filter: { only: 'unsupported', sectionId: 's' },
          sections: [{ id: 's', heading: 'Does LDN cause side effects?' }],
        },
        'annotations.jsonld',
      ),
    ).toBe(
      'low-dose-naltrexone-depression-review-unsupported-section-does-ldn-cause-side-effects.annotations.jsonld',
    );
  });
});

describe('which exports would be empty', () => {
  const formats = Object.keys(EXPORT_FORMATS) as ExportFormat[];
  const offered = (header: Parameters<typeof emptyExportReason>[1]) =>
    formats.filter((f) => emptyExportReason(f, header) === null);

  it('leaves ClaimReview JSON-LD out under "only conflicts", with the reason, and always', () => {
    const conflicts = { only: 'conflicts', sectionId: null } as const;
    const [, , conflict] = sampleRows();
    const header = reviewHeader(conflict ? [conflict] : [], { filter: conflicts });
    expect(offered(header)).toEqual(['md', 'csv', 'json', 'annotations', 'pdf']);
    expect(emptyExportReason('jsonld', header)).toBe(
      'ClaimReview JSON-LD publishes only claims with a consensus verdict, and claims in conflict have none yet.',
    );
    expect(alwaysEmptyExport('jsonld', conflicts)).toBe(emptyExportReason('jsonld', header));
    for (const format of formats.filter((f) => f !== 'jsonld'))
      expect(alwaysEmptyExport(format, conflicts)).toBeNull();
    expect(alwaysEmptyExport('jsonld', { only: 'unsupported', sectionId: null })).toBeNull();
  });

  it('offers every format while a claim shown has a consensus verdict', () => {
    expect(offered(reviewHeader(sampleRows()))).toEqual(formats);
  });

  it('leaves JSON-LD out when no claim shown has a consensus yet, and the claim-only formats without claims', () => {
    const unreviewed = reviewHeader([reviewRow(1, 'LDN cures')]);
    expect(offered(unreviewed)).toEqual(['md', 'csv', 'json', 'annotations', 'pdf']);
    expect(emptyExportReason('jsonld', unreviewed)).toMatch(/none of the claims shown has one yet/);
    const none = reviewHeader([], { filter: { only: 'unsupported', sectionId: null } });
    expect(offered(none)).toEqual(['md', 'json', 'pdf']);
    expect(emptyExportReason('csv', none)).toBe('No claims match these filters.');
    expect(emptyExportReason('annotations', reviewHeader([]))).toBe('This document has no claims.');
  });
});
