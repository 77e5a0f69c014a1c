import { describe, expect, it } from 'vitest';
import { BEFORE_FIRST_HEADING, sectionChoices, sectionLabel, sectionName } from '@/lib/domain/sections';

const SECTIONS = [
  { id: 's1', heading: 'Methods' },
  { id: 's2', heading: 'Results' },
  { id: 's3', heading: 'Methods' },
  { id: 's4', heading: 'Methods' },
];

describe('sectionName', () => {
  it('names the claims above the first heading, and shows a heading as it is', () => {
    expect(sectionName(null)).toBe('Before the first heading');
    expect(sectionName(undefined)).toBe(BEFORE_FIRST_HEADING);
    expect(sectionName('Methods')).toBe('Methods');
  });
});

describe('sectionChoices', () => {
  it('tells a recurring heading apart by its place, so no two choices read the same', () => {
    expect(sectionChoices(SECTIONS).map((s) => [s.id, s.label])).toEqual([
      ['s1', 'Methods'],
      ['s2', 'Results'],
      ['s3', 'Methods (2)'],
      ['s4', 'Methods (3)'],
    ]);
    expect(sectionChoices([])).toEqual([]);
  });
});

describe('sectionLabel', () => {
  it('gives one section its label among the others, and null for none or an unknown one', () => {
    expect(sectionLabel(SECTIONS, 's3')).toBe('Methods (2)');
    expect(sectionLabel(SECTIONS, 's2')).toBe('Results');
    expect(sectionLabel(SECTIONS, null)).toBeNull();
    expect(sectionLabel(SECTIONS, 'elsewhere')).toBeNull();
  });
});
