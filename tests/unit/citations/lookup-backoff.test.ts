import { describe, expect, it } from 'vitest';
import { MAX_NOT_FOUND, nextLookupAfter } from '@/lib/citations/lookup-backoff';

const NOW = new Date('2026-01-01T00:00:00Z');
const minutesAfter = (at: Date | null) => (at ? (at.getTime() - NOW.getTime()) / 60_000 : null);

describe('nextLookupAfter', () => {
  it('tries an unreachable source again soon, then less often, capped at six hours, never giving up', () => {
    const waits = [1, 2, 3, 4, 10, 1_000].map((n) => minutesAfter(nextLookupAfter('UNREACHABLE', n, NOW)));
    expect(waits).toEqual([1, 2, 4, 8, 360, 360]);
  });

  it('asks again about an unknown identifier after a day, then two, four, and then never', () => {
    const waits = [1, 2, 3, MAX_NOT_FOUND].map((n) => minutesAfter(nextLookupAfter('NOT_FOUND', n, NOW)));
    expect(waits).toEqual([1_440, 2_880, 5_760, null]);
  });
});
