import { describe, expect, it } from 'vitest';
import { groupBySection } from '@/lib/summary/group-by-section';

describe('groupBySection', () => {
  it('groups consecutive rows of a section and keeps document order', () => {
    const rows = [
      { n: 1, sectionId: null, section: null },
      { n: 2, sectionId: 'a', section: 'A' },
      { n: 3, sectionId: 'a', section: 'A' },
      { n: 4, sectionId: 'b', section: 'B' },
      { n: 5, sectionId: 'a', section: 'A' },
    ];
    expect(groupBySection(rows).map((g) => [g.section, g.rows.map((r) => r.n)])).toEqual([
      [null, [1]],
      ['A', [2, 3]],
      ['B', [4]],
      ['A', [5]],
    ]);
    expect(groupBySection([])).toEqual([]);
  });
});
