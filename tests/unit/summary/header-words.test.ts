import { describe, expect, it } from 'vitest';
import { filterWords, reviewModeWords, reviewPeriodWords, timestampWords } from '@/lib/summary/header-words';

const SECTIONS = [{ id: 's1', heading: 'Mechanisms' }];

describe('header words', () => {
  it('describes the filter', () => {
    expect(filterWords({ only: null, sectionId: null }, SECTIONS)).toBe('All claims');
    expect(filterWords({ only: 'conflicts', sectionId: null }, SECTIONS)).toBe('Only claims in conflict');
    expect(filterWords({ only: 'unsupported', sectionId: 's1' }, SECTIONS)).toBe(
      'Only unsupported claims in the section “Mechanisms”',
    );
  });

  it('describes the review period, the mode and the export time', () => {
    expect(reviewPeriodWords({ first: null, last: null })).toBe('No assessments yet');
    expect(reviewPeriodWords({ first: '2026-11-20T09:00:00.000Z', last: '2026-11-20T17:00:00.000Z' })).toBe(
      '2026-11-20',
    );
    expect(reviewPeriodWords({ first: '2026-11-20T09:00:00.000Z', last: '2026-11-28T17:00:00.000Z' })).toBe(
      '2026-11-20 to 2026-11-28',
    );
    expect(reviewModeWords('BLIND')).toMatch(/^Blind review/);
    expect(reviewModeWords('OPEN')).toMatch(/^Open review/);
    expect(timestampWords('2026-11-29T12:34:56.000Z')).toBe('2026-11-29 12:34 UTC');
  });
});
