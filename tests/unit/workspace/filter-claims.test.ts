import { describe, expect, it } from 'vitest';
import { activeFilterCount, filterClaims, NO_FILTERS } from '@/lib/workspace/filter-claims';
import type { WorkspaceClaim } from '@/lib/workspace/workspace-types';

const claim = (n: number, over: Partial<WorkspaceClaim>): WorkspaceClaim => ({
  id: `c${n}`,
  n,
  start: n * 10,
  end: n * 10 + 5,
  sectionId: 's1',
  kind: 'EFFICACY',
  hedged: false,
  citesStudy: false,
  text: `Claim number ${n}`,
  status: 'UNREVIEWED',
  assessed: 0,
  level: null,
  mine: null,
  ...over,
});

const claims = [
  claim(1, { status: 'SUPPORTED', level: 'LEVEL_1', mine: 'SUPPORTED' }),
  claim(2, { status: 'CONFLICT', sectionId: 's2', kind: 'SAFETY' }),
  claim(3, { hedged: true, text: 'LDN may lift mood' }),
];
const ids = (list: WorkspaceClaim[]) => list.map((c) => c.id);
const textOf = (c: WorkspaceClaim) => c.text ?? '';

describe('filterClaims', () => {
  it('shows everything, in order, with no filters', () => {
    expect(ids(filterClaims(claims, NO_FILTERS, textOf))).toEqual(['c1', 'c2', 'c3']);
  });

  it('applies each filter', () => {
    const f = (over: Partial<typeof NO_FILTERS>) =>
      ids(filterClaims(claims, { ...NO_FILTERS, ...over }, textOf));
    expect(f({ status: 'SUPPORTED' })).toEqual(['c1']);
    expect(f({ level: 'LEVEL_1' })).toEqual(['c1']);
    expect(f({ kind: 'SAFETY' })).toEqual(['c2']);
    expect(f({ sectionId: 's2' })).toEqual(['c2']);
    expect(f({ conflictsOnly: true })).toEqual(['c2']);
    expect(f({ unreviewedByMe: true })).toEqual(['c2', 'c3']);
    expect(f({ hedgedOnly: true })).toEqual(['c3']);
    expect(f({ search: '  ldn MAY ' })).toEqual(['c3']);
    expect(f({ search: ' #2 ' })).toEqual(['c2']);
    expect(f({ search: '#4' })).toEqual([]);
    expect(f({ unreviewedByMe: true, hedgedOnly: true })).toEqual(['c3']);
  });

  it('counts the filters that are on, not the search', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, search: 'x', hedgedOnly: true, kind: 'SAFETY' })).toBe(2);
  });
});
