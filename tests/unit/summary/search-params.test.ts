import { describe, expect, it } from 'vitest';
import { toSearchParams } from '@/lib/summary/search-params';

describe('toSearchParams', () => {
  it('keeps single and repeated values and drops undefined ones', () => {
    const params = toSearchParams({ only: 'conflicts', section: ['a', 'b'], missing: undefined });
    expect(params.get('only')).toBe('conflicts');
    expect(params.getAll('section')).toEqual(['a', 'b']);
    expect(params.has('missing')).toBe(false);
  });
});
