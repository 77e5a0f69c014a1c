import { describe, expect, it } from 'vitest';
import { exportFileName } from '@/lib/exports/export-formats';
import { reviewHeader } from './review-fixture';

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
